/**
 * The devices of a sync space, by name. Each device keeps one sealed entry in the space's
 * `devices` document: its id, the name the student gave it (or one made from the browser), and
 * when it last synced. Only the device itself writes its entry, so there is nothing to merge but
 * the entries of different devices: the list is every entry, this device first.
 */

/** One device of the space. `lastSeenAt` is epoch ms on that device's clock. */
export interface DeviceEntry {
  readonly deviceId: string;
  readonly name: string;
  readonly lastSeenAt: number;
}

/** Longest device name, in characters. */
export const MAX_DEVICE_NAME_LENGTH = 40;

/** How long a device's "last seen" may lag before its entry is written again (ms): often enough to read, rarely enough to stay small. */
export const LAST_SEEN_REFRESH_MS = 60 * 60_000;

/** A device name the student typed that cannot be used, with what to do. */
export class DeviceNameError extends Error {
  override readonly name = 'DeviceNameError';
}

/** The id the device's entry is keyed by (through the space's keyed hash, like an event id). */
export const deviceEntryId = (deviceId: string): string => `device:${deviceId}`;

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/iPad/, 'iPad'],
  [/iPhone|iPod/, 'iPhone'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Linux/, 'Linux'],
];

/** A name for a device from its browser's user agent, e.g. "Chrome on Android"; "This device" when nothing is recognised. */
export function defaultDeviceName(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'This device';
}

/** The name to store for what the student typed: trimmed, inner whitespace collapsed. Throws DeviceNameError when empty or too long. */
export function checkDeviceName(typed: string): string {
  const name = typed.replace(/\s+/g, ' ').trim();
  if (name.length === 0) throw new DeviceNameError('Give this device a name, for example "Phone".');
  if (name.length > MAX_DEVICE_NAME_LENGTH) throw new DeviceNameError(`Use at most ${MAX_DEVICE_NAME_LENGTH} characters.`);
  return name;
}

/** The entry as the text that is sealed. */
export const encodeDeviceEntry = (entry: DeviceEntry): string => JSON.stringify({ deviceId: entry.deviceId, name: entry.name, lastSeenAt: entry.lastSeenAt });

/** Parses an opened entry; null when it is not a device entry (a damaged or foreign one is left out of the list). */
export function parseDeviceEntry(text: string): DeviceEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { deviceId, name, lastSeenAt } = value as Record<string, unknown>;
  if (typeof deviceId !== 'string' || deviceId.length === 0 || typeof name !== 'string' || typeof lastSeenAt !== 'number' || !Number.isFinite(lastSeenAt)) return null;
  return { deviceId, name: name.slice(0, MAX_DEVICE_NAME_LENGTH), lastSeenAt };
}

/** Whether this device's entry should be written: none yet, another name, or "last seen" older than LAST_SEEN_REFRESH_MS. */
export function isEntryStale(stored: DeviceEntry | undefined, name: string, now: number): boolean {
  return stored === undefined || stored.name !== name || now - stored.lastSeenAt >= LAST_SEEN_REFRESH_MS;
}

/** The devices to show: this one first, then the most recently seen, ties by name and id. */
export function listDevices(entries: Iterable<DeviceEntry>, thisDeviceId: string): DeviceEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.deviceId === thisDeviceId) - Number(a.deviceId === thisDeviceId) ||
      b.lastSeenAt - a.lastSeenAt ||
      a.name.localeCompare(b.name) ||
      (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0),
  );
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago": how long ago `lastSeenAt` was at `now`. A time ahead of now (another clock) reads "just now". */
export function lastSeenText(lastSeenAt: number, now: number): string {
  const minutes = Math.floor((now - lastSeenAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
