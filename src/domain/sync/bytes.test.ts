import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './bytes';

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11) % 256);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('agrees with Node\'s encoder', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => 255 - i * 3);
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it.each(['abc=', 'a+b/', 'a', 'ab cd'])('refuses %j', (text) => {
    expect(() => fromBase64Url(text)).toThrow(/base64url/);
  });
});
