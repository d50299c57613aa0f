import { describe, expect, it } from 'vitest';
import { isIosBrowserTab } from './platform';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36';

describe('isIosBrowserTab', () => {
  it('warns on iPhone Safari and on iPadOS, which reports a Mac user agent with touch', () => {
    expect(isIosBrowserTab({ userAgent: IPHONE, maxTouchPoints: 5, isStandalone: false })).toBe(true);
    expect(isIosBrowserTab({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 5, isStandalone: false })).toBe(true);
  });

  it('does not warn in the installed app, on a real Mac, or on Android', () => {
    expect(isIosBrowserTab({ userAgent: IPHONE, maxTouchPoints: 5, isStandalone: true })).toBe(false);
    expect(isIosBrowserTab({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 0, isStandalone: false })).toBe(false);
    expect(isIosBrowserTab({ userAgent: ANDROID, maxTouchPoints: 5, isStandalone: false })).toBe(false);
  });
});
