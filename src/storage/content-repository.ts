/**
 * Decks written in the app (schema v4): their content events, and the cache of replaying them.
 * The events are the record of truth; each authored deck's replay is cached as a userDecks row
 * (origin 'authored'), rewritten in the same rw transaction that appends the deck's events, so the
 * deck list, study, browse and export read an authored deck like any other user deck.
 */
import { studyDeckOf } from '../domain/authoring/cloze-notes';
import { applyNewerContentEvents, replayDeckContent, touchedDecks, type AuthoredDeck } from '../domain/authoring/content-replay';
import { isDeckDeleted, latestTombstones, withoutDeleted } from '../domain/authoring/deck-deletion';
import type { ContentEvent } from '../domain/authoring/types';
import type { CardEvent } from '../domain/events/types';
import type { CardId, DeckId } from '../domain/ids';
import { contentEventFromRow, contentEventToRow } from './content-rows';
import type { FlipdeckDb } from './db';
import { applyTombstone, storedTombstones } from './deck-tombstones';
import { effectiveReviews, eventStore, keepValid, warnCorruptRow, type RepositoryOptions } from './progress-repository';
import { cardEventToRow } from './event-rows';
import type { RowProblem } from './row-parse';
import { toStorageError, type StorageOperation } from './storage-error';
import { userDeckToRow } from './user-deck-rows';

export interface ContentRepository {
  /** The deck as its content events leave it; null when it has none (not an authored deck). */
  loadAuthoredDeck(deckId: DeckId): Promise<AuthoredDeck | null>;
  /**
   * Appends content events (and, for a card moved between decks, the card events that carry its
   * progress) in ONE rw transaction, replays every deck they touch and rewrites its cached row.
   * Resolves, once durable, with the replayed decks. With `base` (the deck as the caller last saw
   * it), a deck whose stored events still end where `base` does is updated from `base` without
   * reading its history (applyNewerContentEvents): the same result, without a replay of every card.
   * `after`, when given, is that result as the caller already computed it from `base` and `events`
   * (the store shows it before the write): it is cached and returned as it is, not computed again.
   */
  appendContent(events: readonly ContentEvent[], cardEvents?: readonly CardEvent[], base?: AuthoredDeck, after?: AuthoredDeck): Promise<ReadonlyMap<DeckId, AuthoredDeck | null>>;
  /**
   * The content events of one deck's stream, unordered. For a bundled deck they are the student's
   * versions of its cards (domain/authoring/overlay.ts), which no cached row holds.
   */
  loadContentEvents(deckId: DeckId): Promise<ContentEvent[]>;
  /**
   * Adds the events whose ids are new and replays the decks they touch; resolves with how many were
   * added. A deck's events at or before its tombstone are dropped, and a new tombstone deletes what
   * it covers here (applyTombstone), all in the one transaction.
   */
  importContentEvents(events: readonly ContentEvent[]): Promise<number>;
  /** Every content event, for backups. */
  exportContentEvents(): Promise<ContentEvent[]>;
  /** The content events made at or after `sinceMs` (epoch ms), from the createdAt index: what sync sends. */
  contentEventsSince(sinceMs: number): Promise<ContentEvent[]>;
  /** How many effective reviews the card has: what its delete confirmation says goes with it. */
  countCardReviews(deckId: DeckId, cardId: CardId): Promise<number>;
}

const run = async <T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, operation);
  }
};

/** Reads content rows, skipping (and reporting) the damaged ones. */
export const contentEventsOf = (rows: readonly unknown[], report: (problem: RowProblem) => void): ContentEvent[] => keepValid(rows.map(contentEventFromRow), report);

/**
 * Replays deck `deckId` from its stored content events and rewrites its cached userDecks row.
 * Inside a rw transaction over contentEvents and userDecks.
 */
export async function replayAuthoredDeck(db: FlipdeckDb, deckId: DeckId, report: (problem: RowProblem) => void = warnCorruptRow): Promise<AuthoredDeck | null> {
  const events = contentEventsOf(await db.contentEvents.where('deckId').equals(deckId).toArray(), report);
  const authored = replayDeckContent(deckId, events);
  if (authored !== null) await cacheAuthoredDeck(db, authored);
  return authored;
}

/**
 * Writes an authored deck's cached userDecks row: the deck as study reads it, each cloze note
 * expanded into its cards (stored, like a deck file, as one cloze entry). Inside a rw transaction over userDecks.
 */
export async function cacheAuthoredDeck(db: FlipdeckDb, authored: AuthoredDeck): Promise<void> {
  await db.userDecks.put(userDeckToRow({ ...studyDeckOf(authored.deck), origin: authored.origin ?? 'authored', createdAt: authored.createdAt, updatedAt: authored.updatedAt }));
}

/** Creates the IndexedDB-backed content repository on the app's FlipdeckDb. */
export function createDexieContentRepository(db: FlipdeckDb, options: RepositoryOptions = {}): ContentRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const log = eventStore(db, report);
  const tables = [db.contentEvents, db.userDecks, db.events, db.cardStates, db.settingsEvents, db.media];

  async function replayTouched(events: readonly ContentEvent[], fast: AuthoredDeck | null = null) {
    const replayed = new Map<DeckId, AuthoredDeck | null>();
    for (const deckId of touchedDecks(events)) {
      if (fast !== null && fast.deck.id === deckId) {
        await cacheAuthoredDeck(db, fast);
        replayed.set(deckId, fast);
      } else {
        replayed.set(deckId, await replayAuthoredDeck(db, deckId, report));
      }
    }
    return replayed;
  }

  /** The latest stored event of the deck (log order), read from the index without the rest. */
  async function lastStoredId(deckId: DeckId): Promise<string | null> {
    const last = await db.contentEvents.where('[deckId+createdAt]').between([deckId, -Infinity], [deckId, Infinity], true, true).last();
    return last === undefined ? null : last.id;
  }

  return {
    loadAuthoredDeck: (deckId) =>
      run('load', async () => replayDeckContent(deckId, contentEventsOf(await db.contentEvents.where('deckId').equals(deckId).toArray(), report))),

    appendContent: (events, cardEvents = [], base, after) =>
      run('save-card', () =>
        db.transaction('rw', tables, async () => {
          const isBaseCurrent = base !== undefined && (await lastStoredId(base.deck.id)) === (base.lastEvent?.id ?? null);
          const fast = isBaseCurrent ? (after ?? applyNewerContentEvents(base, events)) : null;
          await db.contentEvents.bulkAdd(events.map(contentEventToRow));
          if (cardEvents.length > 0) {
            await db.events.bulkAdd(cardEvents.map(cardEventToRow));
            const settingsAt = await log.settingsTimeline();
            for (const event of cardEvents) await log.replayInto(event.deckId, event.cardId, settingsAt);
          }
          return replayTouched(events, fast);
        }),
      ),

    loadContentEvents: (deckId) => run('load', async () => contentEventsOf(await db.contentEvents.where('deckId').equals(deckId).toArray(), report)),

    importContentEvents: (events) =>
      run('restore', () =>
        db.transaction('rw', tables, async () => {
          const unique = [...new Map(events.map((event) => [event.id, event])).values()];
          const stored = await db.contentEvents.bulkGet(unique.map((event) => event.id));
          const fresh = unique.filter((_, i) => stored[i] === undefined);
          // The delete wins for everything made before it, whichever arrives first (deck-deletion.ts).
          const before = await storedTombstones(db, touchedDecks(fresh), report);
          const tombstones = latestTombstones([...before.values(), ...fresh]);
          const added = withoutDeleted(fresh, tombstones);
          await db.contentEvents.bulkAdd(added.map(contentEventToRow));
          const settingsAt = added.some(isDeckDeleted) ? await log.settingsTimeline() : null;
          for (const event of added) {
            if (isDeckDeleted(event) && tombstones.get(event.deckId)?.id === event.id) await applyTombstone(db, event, (deckId, cardId) => log.replayInto(deckId, cardId, settingsAt!));
          }
          await replayTouched(added);
          return added.length;
        }),
      ),

    exportContentEvents: () => run('load', async () => contentEventsOf(await db.contentEvents.toArray(), report)),

    contentEventsSince: (sinceMs) =>
      run('load', async () => (Number.isNaN(sinceMs) ? [] : contentEventsOf(await db.contentEvents.where('createdAt').aboveOrEqual(sinceMs).toArray(), report))),

    countCardReviews: (deckId, cardId) =>
      run('load', async () => effectiveReviews(log.cardEvents(await db.events.where('[deckId+cardId]').equals([deckId, cardId]).toArray())).length),
  };
}
