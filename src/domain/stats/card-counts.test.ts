import { describe, expect, it } from 'vitest';
import { cardCounts } from './card-counts';
import { cardState } from './test-fixtures';

describe('cardCounts', () => {
  it('sorts cards into new, learning, young, mature and suspended', () => {
    const counts = cardCounts([
      undefined,
      cardState('n', 'new', 0),
      cardState('l', 'learning', 0),
      cardState('rl', 'relearning', 0),
      cardState('y', 'review', 20),
      cardState('m', 'review', 21),
      cardState('s', 'review', 40, { isSuspended: true }),
      cardState('sn', 'new', 0, { isSuspended: true }),
    ]);
    expect(counts).toEqual({ fresh: 2, learning: 2, young: 1, mature: 1, suspended: 2, total: 8 });
  });

  it('is all zero for no cards', () => {
    expect(cardCounts([])).toEqual({ fresh: 0, learning: 0, young: 0, mature: 0, suspended: 0, total: 0 });
  });
});
