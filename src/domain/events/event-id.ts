/**
 * Event ids: ULIDs (26 Crockford base32 characters: 10 for the time in ms, 16 for 80 random bits).
 * Unique across devices without coordination, and sorted by the time they were made. The random
 * source is a parameter, so tests and replays are reproducible.
 */
import { asEventId, type EventId } from './types';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
/** ULID time is 48 bits of epoch ms. */
const MAX_TIME = 2 ** 48 - 1;
const EVENT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Fills a buffer with random bytes (crypto.getRandomValues in the app, a seeded source in tests). */
export type RandomBytes = (length: number) => Uint8Array;

/** Makes event ids; each id is greater than the one before, even within one millisecond. */
export type EventIdGenerator = (nowMs: number) => EventId;

/** Whether `value` has the shape of an event id. */
export function isEventId(value: unknown): value is EventId {
  return typeof value === 'string' && EVENT_ID_PATTERN.test(value);
}

function encodeTime(ms: number): string {
  let time = Math.min(MAX_TIME, Math.max(0, Math.floor(ms)));
  let out = '';
  for (let i = 0; i < TIME_CHARS; i += 1) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

/** 16 base32 digits (80 bits), most significant first, as numbers 0..31. */
function randomDigits(randomBytes: RandomBytes): number[] {
  const bytes = randomBytes(RANDOM_CHARS);
  return Array.from(bytes.subarray(0, RANDOM_CHARS), (byte) => byte % 32);
}

/** Adds one to the 80-bit random part; a carry out of the top digit is ignored (2^-80 odds). */
function increment(digits: readonly number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    if ((next[i] as number) < 31) {
      next[i] = (next[i] as number) + 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A monotonic ULID generator: within one millisecond (or when the clock steps back) it reuses the
 * last time and increments the random part, so ids from one generator never repeat or go backwards.
 */
export function createEventIdGenerator(randomBytes: RandomBytes): EventIdGenerator {
  let lastTime = -1;
  let lastDigits: number[] = [];
  return (nowMs) => {
    const time = Math.min(MAX_TIME, Math.max(0, Math.floor(nowMs)));
    if (time <= lastTime) {
      lastDigits = increment(lastDigits);
    } else {
      lastTime = time;
      lastDigits = randomDigits(randomBytes);
    }
    return asEventId(encodeTime(lastTime) + lastDigits.map((d) => ALPHABET[d]).join(''));
  };
}

/** 53-bit string hash (cyrb53); two seeds give the 80 bits a content id needs. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function base32Digits(value: number, count: number): string {
  let rest = value;
  let out = '';
  for (let i = 0; i < count; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * An id derived from content rather than chance: the same `content` at the same time always gives
 * the same id. Used for data converted from before the event log, so converting it twice (an
 * upgrade, then restoring an old backup of the same data) yields events that merge as duplicates.
 */
export function contentEventId(createdAt: number, content: string): EventId {
  // 8 + 8 base32 digits = 80 bits, from two independently seeded 53-bit hashes (40 bits each).
  const a = base32Digits(hash53(content, 1) % 2 ** 40, 8);
  const b = base32Digits(hash53(content, 2) % 2 ** 40, 8);
  return asEventId(encodeTime(createdAt) + a + b);
}
