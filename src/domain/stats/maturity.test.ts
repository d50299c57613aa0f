import { describe, expect, it } from 'vitest';
import { isLeech, isMature } from './maturity';
import { cardState } from './test-fixtures';

describe('maturity and leeches', () => {
  it('calls an interval of 21 days or more mature', () => {
    expect(isMature(cardState('a', 'review', 20.9))).toBe(false);
    expect(isMature(cardState('a', 'review', 21))).toBe(true);
  });

  it('flags a card with 8 or more lapses as a leech, and a never-studied card as none', () => {
    expect(isLeech(cardState('a', 'review', 3, { lapses: 7 }))).toBe(false);
    expect(isLeech(cardState('a', 'review', 3, { lapses: 8 }))).toBe(true);
    expect(isLeech(undefined)).toBe(false);
  });
});
