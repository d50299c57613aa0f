import { describe, expect, it } from 'vitest';
import { checkDeviceName, defaultDeviceName, DeviceNameError, encodeDeviceEntry, isEntryStale, lastSeenText, LAST_SEEN_REFRESH_MS, listDevices, parseDeviceEntry, type DeviceEntry } from './devices';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const MINUTE = 60_000;

const AGENTS = {
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  samsungAndroid: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
};

describe('a device\'s default name', () => {
  it('says which browser on which system', () => {
    expect(defaultDeviceName(AGENTS.chromeAndroid)).toBe('Chrome on Android');
    expect(defaultDeviceName(AGENTS.safariIphone)).toBe('Safari on iPhone');
    expect(defaultDeviceName(AGENTS.chromeIphone)).toBe('Chrome on iPhone');
    expect(defaultDeviceName(AGENTS.firefoxWindows)).toBe('Firefox on Windows');
    expect(defaultDeviceName(AGENTS.edgeWindows)).toBe('Edge on Windows');
    expect(defaultDeviceName(AGENTS.safariMac)).toBe('Safari on Mac');
    expect(defaultDeviceName(AGENTS.chromeLinux)).toBe('Chrome on Linux');
    expect(defaultDeviceName(AGENTS.samsungAndroid)).toBe('Samsung Internet on Android');
  });

  it('falls back to what it recognises, or "This device"', () => {
    expect(defaultDeviceName('Mozilla/5.0 (Windows NT 10.0)')).toBe('Windows');
    expect(defaultDeviceName('')).toBe('This device');
    expect(defaultDeviceName('curl/8.0')).toBe('This device');
  });
});

describe('renaming a device', () => {
  it('keeps the name as typed, trimmed and with single spaces', () => {
    expect(checkDeviceName('  Anna\'s   phone ')).toBe('Anna\'s phone');
  });

  it('refuses an empty or over-long name, saying what to do', () => {
    expect(() => checkDeviceName('   ')).toThrow(DeviceNameError);
    expect(() => checkDeviceName('x'.repeat(41))).toThrow(/at most 40 characters/);
    expect(checkDeviceName('x'.repeat(40))).toHaveLength(40);
  });
});

describe('device entries', () => {
  it('round-trip through their sealed text', () => {
    const entry: DeviceEntry = { deviceId: 'dev-1', name: 'Chrome on Android', lastSeenAt: NOW };
    expect(parseDeviceEntry(encodeDeviceEntry(entry))).toEqual(entry);
  });

  it('that are damaged or of another shape are left out', () => {
    expect(parseDeviceEntry('not json')).toBeNull();
    expect(parseDeviceEntry('"text"')).toBeNull();
    expect(parseDeviceEntry(JSON.stringify({ deviceId: '', name: 'x', lastSeenAt: NOW }))).toBeNull();
    expect(parseDeviceEntry(JSON.stringify({ deviceId: 'd', name: 3, lastSeenAt: NOW }))).toBeNull();
    expect(parseDeviceEntry(JSON.stringify({ deviceId: 'd', name: 'x', lastSeenAt: null }))).toBeNull();
  });

  it('are written again on a new name or when "last seen" is an hour old, not on every sync', () => {
    const stored: DeviceEntry = { deviceId: 'd', name: 'Phone', lastSeenAt: NOW };
    expect(isEntryStale(undefined, 'Phone', NOW)).toBe(true);
    expect(isEntryStale(stored, 'Phone', NOW + 5 * MINUTE)).toBe(false);
    expect(isEntryStale(stored, 'Anna\'s phone', NOW + MINUTE)).toBe(true);
    expect(isEntryStale(stored, 'Phone', NOW + LAST_SEEN_REFRESH_MS)).toBe(true);
  });
});

describe('the list of devices', () => {
  it('shows this device first, then the most recently seen', () => {
    const entries: DeviceEntry[] = [
      { deviceId: 'old', name: 'Old tablet', lastSeenAt: NOW - 30 * 86_400_000 },
      { deviceId: 'laptop', name: 'Laptop', lastSeenAt: NOW - MINUTE },
      { deviceId: 'me', name: 'Phone', lastSeenAt: NOW - 2 * 3_600_000 },
      { deviceId: 'b', name: 'Same time B', lastSeenAt: NOW - 5 * MINUTE },
      { deviceId: 'a', name: 'Same time A', lastSeenAt: NOW - 5 * MINUTE },
    ];
    expect(listDevices(entries, 'me').map((entry) => entry.deviceId)).toEqual(['me', 'laptop', 'a', 'b', 'old']);
    // Any order in gives the same list out.
    expect(listDevices([...entries].reverse(), 'me')).toEqual(listDevices(entries, 'me'));
  });

  it('says when each was last seen', () => {
    expect(lastSeenText(NOW, NOW)).toBe('just now');
    expect(lastSeenText(NOW + 10 * MINUTE, NOW)).toBe('just now');
    expect(lastSeenText(NOW - MINUTE, NOW)).toBe('1 minute ago');
    expect(lastSeenText(NOW - 59 * MINUTE, NOW)).toBe('59 minutes ago');
    expect(lastSeenText(NOW - 3 * 60 * MINUTE, NOW)).toBe('3 hours ago');
    expect(lastSeenText(NOW - 24 * 60 * MINUTE, NOW)).toBe('1 day ago');
    expect(lastSeenText(NOW - 9 * 24 * 60 * MINUTE, NOW)).toBe('9 days ago');
  });
});
