/**
 * Ids of events carried over from Anki, and moving a card's events to another deck. Apart from the
 * Anki import itself (import/anki-history.ts) so storage can move progress without loading it.
 */
import type { CardId, DeckId } from '../ids';
import { contentEventId } from './event-id';
import { asDeviceId, type CardEvent, type DeviceId } from './types';

/** The device id of events carried over from Anki. */
export const ANKI_DEVICE_ID: DeviceId = asDeviceId('anki');

/**
 * The id of an event carried over from Anki: from the deck, the card, the kind and the time (a
 * revlog row's id for reviews and resets), never from chance, so a re-import merges. Everything
 * it needs is on the event itself, so an event moved to another deck (moveCardEvents) gets the
 * id an import into that deck gives it.
 */
export function ankiEventId(at: number, deckId: DeckId, cardId: CardId, kind: CardEvent['kind']): CardEvent['id'] {
  return contentEventId(at, JSON.stringify(['anki', deckId, cardId, kind, at]));
}

/**
 * A card's events copied into the deck it now belongs to (a newer export moved it to another
 * subdeck, or a package imported before subdecks existed now splits). Ids are derived, never
 * random: an Anki event gets the id an import into `toDeckId` gives it, any other event one made
 * from its own id, and an undo points at its target's new id; so moving twice, or moving and
 * importing, adds each event once. The originals stay where they were: the log only grows.
 */
export function moveCardEvents(events: readonly CardEvent[], toDeckId: DeckId): CardEvent[] {
  const movedId = (event: CardEvent) =>
    event.deviceId === ANKI_DEVICE_ID ? ankiEventId(event.createdAt, toDeckId, event.cardId, event.kind) : contentEventId(event.createdAt, JSON.stringify(['moved', event.id, toDeckId]));
  const ids = new Map(events.map((event) => [event.id as string, movedId(event)]));
  return events.map((event): CardEvent => {
    const moved = { ...event, id: ids.get(event.id)!, deckId: toDeckId };
    if (moved.kind === 'review') return { ...moved, ...(moved.before ? { before: { ...moved.before, deckId: toDeckId } } : {}), after: { ...moved.after, deckId: toDeckId } };
    if (moved.kind === 'snapshot') return { ...moved, state: { ...moved.state, deckId: toDeckId } };
    if (moved.kind === 'undo') return { ...moved, targetId: ids.get(moved.targetId) ?? moved.targetId };
    return moved;
  });
}

