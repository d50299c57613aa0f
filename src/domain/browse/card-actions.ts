/** What suspending and unsuspending do to a card's stored state. Reset simply removes the state. */
import type { CardState } from '../scheduling/types';

/**
 * The state to store when suspending: the current one flagged, so the card keeps its memory; a
 * never-studied card stores `newState` (its 'new'-phase state) flagged instead.
 */
export function suspendedState(current: CardState | null, newState: CardState): CardState {
  return { ...(current ?? newState), isSuspended: true };
}

/**
 * The state to store when unsuspending; null when there is nothing left worth storing, i.e. the
 * card was suspended before it was ever reviewed, so it goes back to having no state (new).
 */
export function unsuspendedState(current: CardState | null): CardState | null {
  if (current === null || (current.phase === 'new' && current.reps === 0)) return null;
  const { isSuspended: _dropped, ...rest } = current;
  return rest;
}
