/**
 * Replay for callers that need only a card's state, not its reviews: a restore replays every card
 * it touched once, from events kept without a review's recorded states. Apart from replay.ts so
 * that the first visit, which replays single cards, does not load it.
 */
import type { CardState } from '../scheduling/types';
import { effectiveInOrder, fold, type StateEvent } from './replay';
import type { SettingsAt } from './settings-log';
import type { CardEvent } from './types';

/** What `replayCardState` needs of a card event: a review without the states its device recorded. */
export function stateEventOf(event: CardEvent): StateEvent {
  if (event.kind !== 'review') return event;
  const { before: _before, after: _after, ...rest } = event;
  return rest;
}

/**
 * The state `replayCard` gives for the same events, without the reviews: the fold starts at the
 * last snapshot or reset that counts, since either sets the whole state whatever came before.
 */
export function replayCardState(events: readonly StateEvent[], settingsAt: SettingsAt): CardState | null {
  const effective = effectiveInOrder(events);
  const start = effective.findLastIndex((event) => event.kind === 'snapshot' || event.kind === 'reset');
  return fold(start <= 0 ? effective : effective.slice(start), settingsAt);
}
