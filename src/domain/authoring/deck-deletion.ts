/**
 * Deleting a deck is an event, never a silent removal: a `deck-deleted` tombstone in the deck's
 * content stream, synced like any other content event. The rule (docs/data-model.md, "Deleting a
 * deck"): the delete wins for everything made before it. Every event of the deck, content or
 * progress, that comes at or before the tombstone in log order (createdAt, then id) is dropped, on
 * the device that deleted and on every device that receives the tombstone, whenever that event
 * arrives. Events made after it are kept (the log only grows) but bring nothing back by themselves:
 * an authored deck exists again only with a `deck-created` after the tombstone.
 *
 * Several tombstones of one deck: the latest in log order covers the others, so the result does
 * not depend on the order they arrive in, nor on duplicates.
 */
import type { EventEnvelope } from './commands';
import type { ContentEvent } from './types';
import { compareEvents, isAtOrBefore } from '../events/order';
import type { EventBase } from '../events/types';
import type { DeckId } from '../ids';
import { causalTime } from '../sync/clock';

export type DeckDeletedEvent = Extract<ContentEvent, { readonly kind: 'deck-deleted' }>;

/** Whether a content event is a tombstone. */
export const isDeckDeleted = (event: ContentEvent): event is DeckDeletedEvent => event.kind === 'deck-deleted';

/**
 * The tombstones that delete `deckIds` (a deck and its subdecks), one per deck, made now, or just
 * after `lastSeenAt` (the newest event of those decks this device holds, epoch ms) when that is
 * ahead of this clock: the delete then covers everything the student saw (the clock rule, causalTime).
 */
export function deckDeletedEvents(deckIds: readonly DeckId[], envelope: EventEnvelope, lastSeenAt: number | null = null): DeckDeletedEvent[] {
  const createdAt = causalTime(envelope.now, lastSeenAt);
  return deckIds.map((deckId) => ({ id: envelope.newId(createdAt), deviceId: envelope.deviceId, createdAt, deckId, kind: 'deck-deleted' }));
}

/** Per deck, the tombstone that covers the most: the latest in log order. */
export function latestTombstones(events: Iterable<ContentEvent>): Map<DeckId, DeckDeletedEvent> {
  const latest = new Map<DeckId, DeckDeletedEvent>();
  for (const event of events) {
    if (!isDeckDeleted(event)) continue;
    const current = latest.get(event.deckId);
    if (current === undefined || compareEvents(event, current) > 0) latest.set(event.deckId, event);
  }
  return latest;
}

/** Whether a tombstone in `tombstones` drops `event`: it is of that deck, at or before it, and not the tombstone itself. */
export function isDeletedBy(event: EventBase & { readonly deckId: DeckId }, tombstones: ReadonlyMap<DeckId, DeckDeletedEvent>): boolean {
  const tombstone = tombstones.get(event.deckId);
  return tombstone !== undefined && event.id !== tombstone.id && isAtOrBefore(event, tombstone.createdAt, tombstone.id);
}

/** The events the tombstones leave, in their order. */
export function withoutDeleted<T extends EventBase & { readonly deckId: DeckId }>(events: readonly T[], tombstones: ReadonlyMap<DeckId, DeckDeletedEvent>): T[] {
  return tombstones.size === 0 ? [...events] : events.filter((event) => !isDeletedBy(event, tombstones));
}
