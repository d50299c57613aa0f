import { describe, expect, it, vi } from 'vitest';
import { shareOrCopy, type ShareNavigator } from './share-link';

const link = { title: 'C3', text: 'Study “C3” with Flipdeck', url: 'https://user.github.io/flipdeck/#/deck/c3' };

const refusal = (name: string) => Object.assign(new Error(name), { name });

describe('shareOrCopy', () => {
  it('opens the share sheet with the title, text and link where there is one', async () => {
    const share = vi.fn(async () => {});
    const writeText = vi.fn(async () => {});
    expect(await shareOrCopy({ share, canShare: () => true, clipboard: { writeText } }, link)).toBe('shared');
    expect(share).toHaveBeenCalledWith(link);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('shares when the browser has share but no canShare', async () => {
    const share = vi.fn(async () => {});
    expect(await shareOrCopy({ share }, link)).toBe('shared');
  });

  it('calls share and canShare as methods of the navigator', async () => {
    const nav = {
      share(this: unknown) {
        expect(this).toBe(nav);
        return Promise.resolve();
      },
      canShare(this: unknown) {
        expect(this).toBe(nav);
        return true;
      },
    } satisfies ShareNavigator;
    expect(await shareOrCopy(nav, link)).toBe('shared');
  });

  it('treats closing the share sheet as a choice: nothing is copied', async () => {
    const writeText = vi.fn(async () => {});
    const nav: ShareNavigator = { share: () => Promise.reject(refusal('AbortError')), clipboard: { writeText } };
    expect(await shareOrCopy(nav, link)).toBe('cancelled');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies the link when canShare says the link cannot be shared', async () => {
    const share = vi.fn(async () => {});
    const writeText = vi.fn(async () => {});
    expect(await shareOrCopy({ share, canShare: () => false, clipboard: { writeText } }, link)).toBe('copied');
    expect(share).not.toHaveBeenCalled();
    expect(writeText).toHaveBeenCalledWith(link.url);
  });

  it('copies the link when the share sheet fails for another reason', async () => {
    const writeText = vi.fn(async () => {});
    const nav: ShareNavigator = { share: () => Promise.reject(refusal('NotAllowedError')), clipboard: { writeText } };
    expect(await shareOrCopy(nav, link)).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(link.url);
  });

  it('copies only the link on a desktop without a share sheet', async () => {
    const writeText = vi.fn(async () => {});
    expect(await shareOrCopy({ clipboard: { writeText } }, link)).toBe('copied');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(link.url);
  });

  it('reports a refused clipboard', async () => {
    expect(await shareOrCopy({ clipboard: { writeText: () => Promise.reject(refusal('NotAllowedError')) } }, link)).toBe('copy-refused');
  });

  it('reports a missing clipboard (a page not served over HTTPS) as refused', async () => {
    expect(await shareOrCopy({}, link)).toBe('copy-refused');
  });
});
