/**
 * A user's own decks (schema v2) and the whole-library operations that span every table:
 * deleting a deck with its progress, and restoring a backup. Each is one rw transaction, so a
 * failure part-way leaves every table exactly as it was.
 *
 * A restore can write hundreds of thousands of rows (a 100,000-card deck with a year of reviews
 * is about 300,000). Issuing them as one bulk call blocks the page for seconds, since each row is
 * copied for IndexedDB as it is queued; so the restore queues them in chunks, still inside its
 * one transaction, and reports progress as each chunk lands.
 */
import type { AuthoredDeck } from '../domain/authoring/content-replay';
import type { ProgressSnapshot } from '../domain/backup/restore-plan';
import type { UserDeck } from '../domain/deck/user-deck';
import { foldSettings, studySettingsFromValues } from '../domain/events/settings-log';
import type { CardEvent } from '../domain/events/types';
import { asDeckId, type CardId, type DeckId } from '../domain/ids';
import { moveCardEvents } from '../domain/events/move-card';
import type { ImportedMedia } from '../domain/import/imported-deck';
import type { DeckDeletedEvent } from '../domain/authoring/deck-deletion';
import type { ContentEvent } from '../domain/authoring/types';
import { contentEventToRow } from './content-rows';
import type { FlipdeckDb } from './db';
import { cardStateFromRow } from './progress-rows';
import type { RowResult } from './row-parse';
import { effectiveReviews, eventStore, keepValid, warnCorruptRow, type RepositoryOptions } from './progress-repository';
import type { BackupPreview, BackupProgressListener } from './streamed-restore';
import { StorageError, toStorageError, type StorageOperation } from './storage-error';
import { mediaFromRow, mediaToRow, userDeckFromRow, userDeckToRow } from './user-deck-rows';

/**
 * A deck to write, with its images (absent: leave them as they are). With `contentEvents` (an
 * import recorded as events, so it syncs), they are added and the stored row is the deck as its
 * events leave it, which is what every other device replays too.
 */
export interface DeckToSave {
  readonly deck: UserDeck;
  readonly media?: readonly ImportedMedia[];
  readonly contentEvents?: readonly ContentEvent[];
  /**
   * What `contentEvents` replay to, when they are the deck's whole stream (its first import): the
   * stored row is then written from it, unless the deck has events stored by then (another tab
   * imported it too), when they are read back and replayed.
   */
  readonly contentDeck?: AuthoredDeck;
}

/** A card that now belongs to another deck: its progress goes with it. */
export interface CardMove {
  readonly cardId: CardId;
  readonly fromDeckId: DeckId;
  readonly toDeckId: DeckId;
}

/** A stored media file's name and size in bytes, without its bytes. */
export interface StoredMediaSize {
  readonly name: string;
  readonly byteLength: number;
}

/** How much progress goes with a deck, for the delete confirmation. */
export interface DeckProgressCount {
  readonly reviews: number;
  readonly cardsStudied: number;
}

export interface UserDeckRepository {
  /** Every stored user deck, by id; damaged rows are skipped and reported. */
  listDecks(): Promise<UserDeck[]>;
  /**
   * Adds the deck or replaces the stored one with the same id, in one transaction. Progress is
   * keyed by card id and stays. With `media`, the deck's images are replaced by these; without,
   * they are left as they are (a rename). With `events` (an import's review history), they are
   * merged into the log in the same transaction (ids already stored are dropped) and the cards
   * they touch are replayed; resolves with how many were new.
   */
  saveDeck(deck: UserDeck, media?: readonly ImportedMedia[], events?: readonly CardEvent[]): Promise<number>;
  /**
   * saveDeck for several decks at once (an import with its subdecks), in one transaction: each
   * deck with its images, then `events` and the events of each moved card (copied into the deck
   * it moved to, see moveCardEvents) merged, and the cards they touch replayed.
   */
  saveDecks(decks: readonly DeckToSave[], events?: readonly CardEvent[], moves?: readonly CardMove[]): Promise<number>;
  /** The deck's images. */
  loadMedia(deckId: DeckId): Promise<ImportedMedia[]>;
  /**
   * Adds one file to the deck's media, leaving the others as they are, in one transaction: `plan`
   * gets the names and sizes (bytes) already stored and returns the file to store (it may throw to
   * refuse, and then nothing is written). Resolves with the stored file.
   */
  addMedia(deckId: DeckId, plan: (stored: readonly StoredMediaSize[]) => ImportedMedia): Promise<ImportedMedia>;
  /**
   * Deletes the decks, their media, card states, review logs and content events, all in one
   * transaction, and stores the tombstones `tombstonesAfter` makes (one per deck, deck-deletion.ts),
   * told the newest createdAt among the decks' events (null: none): what sync carries to the other
   * devices, and what keeps the decks from coming back when they send their events again.
   */
  deleteDecks(deckIds: readonly DeckId[], tombstonesAfter?: (lastSeenAt: number | null) => readonly DeckDeletedEvent[]): Promise<void>;
  /** The progress that deleting these decks would delete, summed. */
  countProgress(deckIds: readonly DeckId[]): Promise<DeckProgressCount>;
  /** Everything a backup holds: user decks, card states, the review log (with ids) and settings. */
  snapshot(): Promise<ProgressSnapshot>;
  /**
   * Checks every row of a backup file and counts what restoring it would change, writing nothing.
   * Streamed, and in a worker in the browser (streamed-restore.ts), so memory follows the largest
   * row rather than the file. Throws ImportError naming the list, item and field.
   */
  previewBackup(file: Blob, source: string, onProgress?: BackupProgressListener): Promise<BackupPreview>;
  /**
   * Restores a backup file in ONE transaction, streamed the same way: events merge by id and the
   * cards they touch are replayed before it commits; nothing changes unless every row is read,
   * checked and written. Resolves with what it changed. Refused where storage is not kept.
   */
  restoreBackup(file: Blob, source: string, onProgress?: BackupProgressListener): Promise<BackupPreview>;
}

const NOT_KEPT_RESTORE_ERROR = () =>
  new StorageError(
    'unknown',
    'restore',
    'This browser is not keeping Flipdeck data (private browsing or storage turned off), so a restore would be lost when the tab closes. Nothing was changed. Open Flipdeck in a normal window to restore.',
  );

const mapResult = <T, U>(result: RowResult<T>, map: (value: T) => U): RowResult<U> => (result.ok ? { ok: true, value: map(result.value) } : result);

const run = async <T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, operation);
  }
};

/** Creates the IndexedDB-backed user-deck repository on the app's FlipdeckDb. */
export function createDexieUserDeckRepository(db: FlipdeckDb, options: RepositoryOptions = {}): UserDeckRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const decks = (rows: readonly unknown[]) => keepValid(rows.map(userDeckFromRow), report);
  const log = eventStore(db, report);

  async function readSnapshot(withMedia: boolean): Promise<ProgressSnapshot> {
    const [mediaRows, deckRows, stateRows, eventRows, settingsRows] = await Promise.all([
      withMedia ? db.media.toArray() : [],
      db.userDecks.toArray(),
      db.cardStates.toArray(),
      db.events.toArray(),
      db.settingsEvents.toArray(),
    ]);
    const cardEvents = log.cardEvents(eventRows);
    const settingsEvents = log.settingsEvents(settingsRows);
    return {
      decks: decks(deckRows),
      ...(withMedia
        ? { media: keepValid(mediaRows.map((row) => mapResult(mediaFromRow(row), (file) => ({ ...file, deckId: asDeckId(row.deckId) }))), report) }
        : {}),
      events: [...cardEvents, ...settingsEvents],
      cardStates: keepValid(stateRows.map(cardStateFromRow), report),
      reviewLog: effectiveReviews(cardEvents),
      settings: studySettingsFromValues(foldSettings(settingsEvents).study),
    };
  }

  const allTables = [db.userDecks, db.media, db.cardStates, db.events, db.settingsEvents, db.contentEvents];

  const saveDecks = (toSave: readonly DeckToSave[], events: readonly CardEvent[] = [], moves: readonly CardMove[] = []) =>
    run('save-deck', async () => {
      // Loaded before the transaction (an await on anything but Dexie inside would end it), and only
      // for an import recorded as events: replay is no part of the first visit.
      const content = toSave.some((member) => member.contentEvents !== undefined) ? await import('./content-repository') : null;
      return db.transaction('rw', allTables, async () => {
        for (const { deck, media, contentEvents, contentDeck } of toSave) {
          if (contentEvents === undefined || content === null) await db.userDecks.put(userDeckToRow(deck));
          else {
            // A first import's replay is known: reading 8,000 events back to replay them was one long task.
            const isWholeStream = contentDeck !== undefined && (await db.contentEvents.where('deckId').equals(deck.id).count()) === 0;
            await db.contentEvents.bulkAdd(contentEvents.map(contentEventToRow));
            if (isWholeStream) await content.cacheAuthoredDeck(db, contentDeck);
            else await content.replayAuthoredDeck(db, deck.id, report);
          }
          if (media === undefined) continue;
          await db.media.where('deckId').equals(deck.id).delete();
          await db.media.bulkPut(media.map((file) => mediaToRow(deck.id, file)));
        }
        const moved: CardEvent[] = [];
        for (const move of moves) {
          const stored = log.cardEvents(await db.events.where('[deckId+cardId]').equals([move.fromDeckId, move.cardId]).toArray());
          moved.push(...moveCardEvents(stored, move.toDeckId));
        }
        // Merged a chunk at a time, so no single task holds the page for long on a big package;
        // still one transaction.
        return log.mergeCardEvents([...moved, ...events]);
      });
    });

  return {
    listDecks: () => run('load', async () => decks(await db.userDecks.toArray())),

    saveDeck: (deck, media, events = []) => saveDecks([{ deck, ...(media === undefined ? {} : { media }) }], events, []),
    saveDecks,

    loadMedia: (deckId) =>
      run('load', async () => keepValid((await db.media.where('deckId').equals(deckId).toArray()).map(mediaFromRow), report)),

    addMedia: async (deckId, plan) => {
      let refusal: { readonly error: unknown } | undefined;
      try {
        return await db.transaction('rw', [db.media], async () => {
          const stored = await db.media.where('deckId').equals(deckId).toArray();
          const sizes = stored.map((row) => ({ name: row.name, byteLength: row.bytes instanceof ArrayBuffer ? row.bytes.byteLength : 0 }));
          let planned: ImportedMedia;
          try {
            planned = plan(sizes);
          } catch (error) {
            refusal = { error };
            throw error;
          }
          await db.media.put(mediaToRow(deckId, planned));
          return planned;
        });
      } catch (error) {
        // The plan's refusal is the student's message as it is; anything else is storage failing.
        if (refusal !== undefined) throw refusal.error;
        throw toStorageError(error, 'save-card');
      }
    },

    deleteDecks: (deckIds, tombstonesAfter = () => []) =>
      run('delete-deck', () =>
        // A parent and its subdecks go together, or not at all.
        db.transaction('rw', allTables, async () => {
          let lastSeenAt: number | null = null;
          for (const deckId of deckIds) {
            for (const table of [db.events, db.contentEvents] as const) {
              const newest = await table.where('[deckId+createdAt]').between([deckId, -Infinity], [deckId, Infinity], true, true).last();
              if (newest !== undefined) lastSeenAt = Math.max(lastSeenAt ?? -Infinity, newest.createdAt);
            }
          }
          const tombstones = tombstonesAfter(lastSeenAt);
          for (const deckId of deckIds) {
            await db.userDecks.delete(deckId);
            await db.media.where('deckId').equals(deckId).delete();
            await db.cardStates.where('deckId').equals(deckId).delete();
            // The one place events are deleted: the student asked for the deck's progress to go with it.
            await db.events.where('[deckId+createdAt]').between([deckId, -Infinity], [deckId, Infinity], true, true).delete();
            // An authored deck's content goes too, or replaying its events would bring the deck back.
            await db.contentEvents.where('deckId').equals(deckId).delete();
          }
          await db.contentEvents.bulkAdd(tombstones.map(contentEventToRow));
        }),
      ),

    countProgress: (deckIds) =>
      run('load', () =>
        db.transaction('r', [db.events, db.cardStates], async () => {
          let reviews = 0;
          let cardsStudied = 0;
          for (const deckId of deckIds) {
            reviews += effectiveReviews(log.cardEvents(await db.events.where('[deckId+createdAt]').between([deckId, -Infinity], [deckId, Infinity], true, true).toArray())).length;
            cardsStudied += await db.cardStates.where('deckId').equals(deckId).count();
          }
          return { reviews, cardsStudied };
        }),
      ),

    // Content events are read by the content repository (exportContentEvents), whose code loads with the backup screen.
    snapshot: () => run('load', () => db.transaction('r', allTables, () => readSnapshot(true))),

    // Loaded with the first restore: the scanner and the worker are no part of a normal visit.
    // The in-memory fallback's database lives in this page only, so its preview runs here.
    previewBackup: async (file, source, onProgress) => {
      const { runBackupStream } = await import('./restore-client');
      return runBackupStream(db, { mode: 'preview', file, source, ...(onProgress ? { onProgress } : {}) }, options.isPersistent !== false);
    },

    restoreBackup: async (file, source, onProgress) => {
      // Restoring into storage that forgets on close would only mislead.
      if (options.isPersistent === false) throw NOT_KEPT_RESTORE_ERROR();
      const { runBackupStream } = await import('./restore-client');
      return runBackupStream(db, { mode: 'restore', file, source, ...(onProgress ? { onProgress } : {}) }, true);
    },
  };
}

