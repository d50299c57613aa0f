import { describe, expect, it } from 'vitest';
import { createEventIdGenerator } from '../events/event-id';
import { NOW, seededBytes } from '../events/test-events';
import { asDeviceId, type EventBase } from '../events/types';
import { asDeckId, type DeckId } from '../ids';
import { replayDeckContent } from './content-replay';
import { deckDeletedEvents, isDeletedBy, latestTombstones, withoutDeleted, type DeckDeletedEvent } from './deck-deletion';
import { AUTHORED, ContentDevice } from './test-content';
import { createDeckEvents } from './commands';
import type { ContentEvent } from './types';

const OTHER = asDeckId('user.other-xyz');
const phone = { newId: createEventIdGenerator(seededBytes(7)), deviceId: asDeviceId('phone') };
const tombstoneAt = (deckId: DeckId, now: number): DeckDeletedEvent => deckDeletedEvents([deckId], { ...phone, now })[0]!;
const review = (id: string, createdAt: number, deckId: DeckId = AUTHORED): EventBase & { deckId: DeckId } => ({ id: id as EventBase['id'], deviceId: asDeviceId('laptop'), createdAt, deckId });

/** Every ordering of a small list. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('deleting a deck (tombstones)', () => {
  it('makes one tombstone per deck of the family, stamped now', () => {
    const made = deckDeletedEvents([AUTHORED, OTHER], { ...phone, now: NOW });
    expect(made.map((event) => [event.kind, event.deckId, event.createdAt])).toEqual([
      ['deck-deleted', AUTHORED, NOW],
      ['deck-deleted', OTHER, NOW],
    ]);
    expect(new Set(made.map((event) => event.id)).size).toBe(2);
  });

  it('is stamped after the newest event of the decks this device holds, when that is ahead of its clock', () => {
    expect(deckDeletedEvents([AUTHORED], { ...phone, now: NOW }, NOW + 5_000)[0]!.createdAt).toBe(NOW + 5_001);
    expect(deckDeletedEvents([AUTHORED], { ...phone, now: NOW }, NOW - 5_000)[0]!.createdAt).toBe(NOW);
  });

  it('drops the deck events made before the tombstone and keeps later ones and other decks', () => {
    const tombstones = latestTombstones([tombstoneAt(AUTHORED, NOW)]);
    const events = [review('a', NOW - 1000), review('b', NOW + 1000), review('c', NOW - 1000, OTHER)];
    expect(withoutDeleted(events, tombstones).map((event) => event.id)).toEqual(['b', 'c']);
  });

  it('orders a tie in time by id, as the log does', () => {
    const tombstone = tombstoneAt(AUTHORED, NOW);
    const tombstones = latestTombstones([tombstone]);
    expect(isDeletedBy(review('0', NOW), tombstones)).toBe(true);
    expect(isDeletedBy(review('z'.repeat(26), NOW), tombstones)).toBe(false);
    expect(isDeletedBy(tombstone, tombstones)).toBe(false);
  });

  it('keeps the latest of several tombstones whatever the order they arrive in, and ignores duplicates', () => {
    const early = tombstoneAt(AUTHORED, NOW);
    const late = tombstoneAt(AUTHORED, NOW + 5000);
    const other = tombstoneAt(OTHER, NOW);
    for (const order of permutations<ContentEvent>([early, late, other, late, early])) {
      const latest = latestTombstones(order);
      expect(latest.get(AUTHORED)?.id).toBe(late.id);
      expect(latest.get(OTHER)?.id).toBe(other.id);
      // The earlier tombstone is covered by the later one: one is left per deck.
      expect(withoutDeleted(order.filter((event) => event.kind === 'deck-deleted'), latest).map((event) => event.id).sort()).toEqual([late.id, late.id, other.id].sort());
    }
  });

  it('drops a late event made before the tombstone, whether it arrives before or after it', () => {
    const laptop = new ContentDevice('laptop', 3);
    const created = laptop.make((envelope) => createDeckEvents(envelope, AUTHORED, 'Networks', 'Chapter 1'), NOW - 60_000);
    const tombstone = tombstoneAt(created[0]!.deckId, NOW);
    const lateEdit = review('late', NOW - 30_000, created[0]!.deckId);
    const survivors = (arrived: readonly (EventBase & { deckId: DeckId })[]) =>
      withoutDeleted(arrived, latestTombstones(arrived.filter((event): event is ContentEvent => 'kind' in event) as ContentEvent[])).map((event) => event.id);
    expect(survivors([...created, lateEdit, tombstone])).toEqual([tombstone.id]);
    expect(survivors([tombstone, lateEdit, ...created])).toEqual([tombstone.id]);
  });

  it('leaves no deck for what survives: events made after the delete bring nothing back without a new deck-created', () => {
    const laptop = new ContentDevice('laptop', 4);
    const created = laptop.make((envelope) => createDeckEvents(envelope, AUTHORED, 'Networks', ''), NOW - 60_000);
    const deckId = created[0]!.deckId;
    const tombstone = tombstoneAt(deckId, NOW);
    const editAfter: ContentEvent = { id: phone.newId(NOW + 1000), deviceId: asDeviceId('laptop'), createdAt: NOW + 1000, deckId, kind: 'deck-edited', title: 'Renamed offline' };
    const left = withoutDeleted([...created, tombstone, editAfter], latestTombstones([tombstone]));
    expect(left.map((event) => event.kind)).toEqual(['deck-deleted', 'deck-edited']);
    expect(replayDeckContent(deckId, left)).toBeNull();
  });
});
