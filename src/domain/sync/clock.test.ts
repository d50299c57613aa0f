import { describe, expect, it } from 'vitest';
import { causalTime, MAX_FOLLOWED_SKEW_MS } from './clock';

const NOW = 1_796_000_000_000;
const HOUR = 3_600_000;

describe('causalTime', () => {
  it('is now when nothing later has been seen', () => {
    expect(causalTime(NOW, null)).toBe(NOW);
    expect(causalTime(NOW, NOW - HOUR)).toBe(NOW);
  });

  it('comes after an event stamped by a clock that runs an hour ahead', () => {
    expect(causalTime(NOW, NOW + HOUR)).toBe(NOW + HOUR + 1);
    expect(causalTime(NOW, NOW)).toBe(NOW + 1);
  });

  it('does not follow a clock that is more than a day ahead', () => {
    expect(causalTime(NOW, NOW + MAX_FOLLOWED_SKEW_MS + 1)).toBe(NOW);
    expect(causalTime(NOW, Number.NaN)).toBe(NOW);
  });
});
