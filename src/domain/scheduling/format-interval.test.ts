import { describe, expect, it } from 'vitest';
import { describeInterval, formatInterval } from './format-interval';

const T = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const DAY = 86_400_000;

describe('formatInterval', () => {
  it.each([
    [30_000, '<1m'],
    [MIN, '1m'],
    [10 * MIN, '10m'],
    [90 * MIN, '2h'],
    [3 * DAY, '3d'],
    [75 * DAY, '2.5mo'],
    [400 * DAY, '1.1y'],
    [-5 * MIN, '<1m'],
  ])('labels %d ms as %s', (delta, label) => {
    expect(formatInterval(T, T + delta)).toBe(label);
  });
});

describe('describeInterval', () => {
  it('spells the unit out for screen readers, singular and plural', () => {
    expect(describeInterval(T, T + MIN)).toBe('in 1 minute');
    expect(describeInterval(T, T + 3 * DAY)).toBe('in 3 days');
    expect(describeInterval(T, T + 10_000)).toBe('in less than a minute');
  });
});
