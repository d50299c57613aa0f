import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [5 * MB, '5 MB'],
    [5 * MB + 1, '5 MB'],
    [10.5 * MB, '11 MB'],
    [266 * MB, '266 MB'],
    [300 * MB, '300 MB'],
    [1.5 * GB, '1.5 GB'],
    [120 * GB, '120 GB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('moves to the next unit rather than showing 1024 of the smaller one', () => {
    expect(formatBytes(1024 * KB - 1)).toBe('1 MB');
    expect(formatBytes(1024 * MB - 1)).toBe('1 GB');
  });
});
