/**
 * Deck tombstones in storage (the rule: src/domain/authoring/deck-deletion.ts). A tombstone is a
 * `deck-deleted` row of the contentEvents table, so it is kept, backed up and synced like any other
 * content event, and outlives the deck: a device that syncs the deck's old events again finds it
 * and drops them. All of this runs inside the caller's rw transaction.
 */
import { latestTombstones, type DeckDeletedEvent } from '../domain/authoring/deck-deletion';
import type { CardId, DeckId } from '../domain/ids';
import { contentEventFromRow } from './content-rows';
import type { FlipdeckDb } from './db';
import type { RowProblem } from './row-parse';

/** The latest stored tombstone of each of `deckIds` that has one. Inside a transaction over contentEvents. */
export async function storedTombstones(db: FlipdeckDb, deckIds: Iterable<DeckId>, report: (problem: RowProblem) => void): Promise<Map<DeckId, DeckDeletedEvent>> {
  const ids = [...new Set(deckIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.contentEvents.where('deckId').anyOf(ids).filter((row) => row.kind === 'deck-deleted').toArray();
  const events = rows.flatMap((row) => {
    const parsed = contentEventFromRow(row);
    if (!parsed.ok) report(parsed.problem);
    return parsed.ok ? [parsed.value] : [];
  });
  return latestTombstones(events);
}

/**
 * Applies a tombstone that arrived from another device: the deck's row and images go (unless it is an
 * imported deck imported again after the tombstone was made), its cached states go, and every event of the deck at or before the tombstone (card events and content events, the
 * tombstone itself stays). Cards with events made after it are replayed from what is left.
 * Inside a rw transaction over userDecks, media, cardStates, events and contentEvents.
 */
export async function applyTombstone(db: FlipdeckDb, tombstone: DeckDeletedEvent, replayCard: (deckId: DeckId, cardId: CardId) => Promise<unknown>): Promise<void> {
  const { deckId, createdAt, id } = tombstone;
  const covered = [deckId, -Infinity] as const;
  // An imported deck (a row, not events) imported again here after the delete was made is kept:
  // the delete wins only for what was made before it.
  const row = await db.userDecks.get(deckId);
  const isImportedAfter = row !== undefined && row['origin'] !== 'authored' && typeof row['updatedAt'] === 'number' && row['updatedAt'] > createdAt;
  if (!isImportedAfter) {
    await db.userDecks.delete(deckId);
    await db.media.where('deckId').equals(deckId).delete();
  }
  await db.cardStates.where('deckId').equals(deckId).delete();
  // [deckId+createdAt] up to the tombstone's time, then its exact time by id: the log's order.
  await db.events.where('[deckId+createdAt]').between(covered, [deckId, createdAt], true, false).delete();
  await db.events.where('[deckId+createdAt]').equals([deckId, createdAt]).filter((row) => row.id <= id).delete();
  await db.contentEvents.where('[deckId+createdAt]').between(covered, [deckId, createdAt], true, false).delete();
  await db.contentEvents.where('[deckId+createdAt]').equals([deckId, createdAt]).filter((row) => row.id < id).delete();
  const later = await db.events.where('[deckId+createdAt]').between([deckId, createdAt], [deckId, Infinity], true, true).toArray();
  const cards = new Set(later.map((row) => row.cardId));
  for (const cardId of cards) await replayCard(deckId, cardId as CardId);
}
