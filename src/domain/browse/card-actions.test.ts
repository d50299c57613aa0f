import { describe, expect, it } from 'vitest';
import { cardState } from '../stats/test-fixtures';
import { suspendedState, unsuspendedState } from './card-actions';

describe('suspending and unsuspending', () => {
  const fresh = cardState('c', 'new', 0, { reps: 0 });

  it('keeps a studied card’s memory when suspending it', () => {
    const studied = cardState('c', 'review', 12, { lapses: 9 });
    expect(suspendedState(studied, fresh)).toEqual({ ...studied, isSuspended: true });
  });

  it('stores the new-card state, flagged, for a card never studied', () => {
    expect(suspendedState(null, fresh)).toEqual({ ...fresh, isSuspended: true });
  });

  it('unsuspends a studied card back to exactly its state before, and a never-studied one to no state', () => {
    const studied = cardState('c', 'review', 12);
    expect(unsuspendedState(suspendedState(studied, fresh))).toStrictEqual(studied);
    expect(unsuspendedState(suspendedState(null, fresh))).toBeNull();
    expect(unsuspendedState(null)).toBeNull();
  });
});
