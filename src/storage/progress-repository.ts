/**
 * Progress storage behind one interface, with its one implementation on Dexie. When IndexedDB is
 * refused, the same code runs on an in-memory IndexedDB (memory-storage.ts).
 *
 * Every method speaks domain types and throws only StorageError. Rows read back go through
 * progress-rows.ts; a corrupt row is skipped and reported via `onCorruptRow`, never thrown.
 */
import { asCardId } from '../domain/ids';
import type { CardId, DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import { dexieCardProgress } from './card-progress';
import type { CardProgressMethods } from './card-progress';
import type { FlipdeckDb } from './db';
import { cardStateFromRow, cardStateToRow, isSameCardState, reviewLogEntryFromRow, reviewLogEntryToRow } from './progress-rows';
import type { RowProblem, RowResult } from './row-parse';
import { corruptUndoError, inconsistentReviewError, staleReviewError, toStorageError, undoConflictError } from './storage-error';
import type { StorageOperation } from './storage-error';

/** Where progress is kept. All times are epoch ms; every failure is a StorageError. */
export interface ProgressRepository extends CardProgressMethods {
  /** False for the in-memory fallback: progress is lost when the tab closes. */
  readonly isPersistent: boolean;
  /** Every stored state of the deck, ordered by cardId. */
  loadDeckStates(deckId: DeckId): Promise<CardState[]>;
  /** States with dueAt < dueBeforeMs (exclusive) and phase != 'new', ordered by dueAt then cardId. */
  loadDueStates(deckId: DeckId, dueBeforeMs: number): Promise<CardState[]>;
  /** Number of stored states for the deck (cards seen at least once, or suspended before their first review). */
  countStates(deckId: DeckId): Promise<number>;
  /**
   * The card ids of every stored state of the deck, ordered by cardId. Reads keys only, so a
   * large deck learns which cards are not new without loading each state.
   */
  loadStoredCardIds(deckId: DeckId): Promise<CardId[]>;
  /** The earliest dueAt >= fromMs among the deck's non-new states, or null when there is none. */
  earliestDueAt(deckId: DeckId, fromMs: number): Promise<number | null>;
  /** Reviews with reviewedAt >= sinceMs, ordered by reviewedAt then id, for today's counts. */
  reviewsSince(deckId: DeckId, sinceMs: number): Promise<ReviewLogEntry[]>;
  /** The card's reviews in the order they were recorded (ascending id). */
  reviewHistory(deckId: DeckId, cardId: CardId): Promise<ReviewLogEntry[]>;
  /** The deck's review with the latest reviewedAt (ties: highest id), or null. */
  lastReview(deckId: DeckId): Promise<ReviewLogEntry | null>;
  /**
   * Writes the new card state and appends the log row in ONE rw transaction; resolves with the row
   * id only once durable. Refuses with a 'conflict' StorageError, writing nothing, when the stored
   * state is no longer `entry.before` (another tab reviewed the card since this one read it).
   */
  recordReview(entry: ReviewLogEntry): Promise<number>;
  /**
   * Takes back a review completely in one transaction: deletes log row `id` and restores
   * `before` (deleting the state row when before is null). Refuses with a 'conflict'
   * StorageError if the row is gone or the card's current state is not the row's `after`.
   */
  undoReview(id: number): Promise<ReviewLogEntry>;
  /** Everything stored, states by (deckId, cardId) and log by id; for tests and later backup. */
  exportAll(): Promise<{ cardStates: CardState[]; reviewLog: ReviewLogEntry[] }>;
}

export interface RepositoryOptions {
  /** Told about each stored row that failed validation and was skipped. Defaults to console.warn. */
  readonly onCorruptRow?: (problem: RowProblem) => void;
  /** False when the database is in memory (IndexedDB was refused); defaults to true. */
  readonly isPersistent?: boolean;
}

/** Logs a skipped row; the app keeps working without it. */
export const warnCorruptRow = (problem: RowProblem): void => {
  console.warn(`Flipdeck skipped a damaged ${problem.table} row ${problem.rowKey}: ${problem.field} ${problem.message}`);
};

/** Refuses an entry whose before/after states belong to another card: a caller bug that would corrupt the log. */
export function assertConsistentReview(entry: ReviewLogEntry): void {
  const belongs = (state: CardState) => state.deckId === entry.deckId && state.cardId === entry.cardId;
  if (!belongs(entry.after) || (entry.before !== null && !belongs(entry.before))) throw inconsistentReviewError();
}

/**
 * Refuses a review computed from a state that is no longer the stored one. A stored row that
 * cannot be parsed was skipped when the session loaded (the card looked new), so it does not block.
 */
export function assertReviewIsCurrent(entry: ReviewLogEntry, storedRow: unknown): void {
  const stored = storedRow === undefined ? null : cardStateFromRow(storedRow);
  const isCurrent = entry.before === null ? stored === null || !stored.ok : stored !== null && stored.ok && isSameCardState(stored.value, entry.before);
  if (!isCurrent) throw staleReviewError();
}

/** Keeps the parsed values, reporting each rejected row. */
export function keepValid<T>(results: readonly RowResult<T>[], report: (problem: RowProblem) => void): T[] {
  const values: T[] = [];
  for (const result of results) {
    if (result.ok) values.push(result.value);
    else report(result.problem);
  }
  return values;
}

/** Creates the IndexedDB-backed repository on an (opening or open) FlipdeckDb. */
export function createDexieRepository(db: FlipdeckDb, options: RepositoryOptions = {}): ProgressRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const states = (rows: readonly unknown[]) => keepValid(rows.map(cardStateFromRow), report);
  const entries = (rows: readonly unknown[]) => keepValid(rows.map(reviewLogEntryFromRow), report);

  // Every call funnels its failure through one mapping, so callers only ever see StorageError.
  const run = async <T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, operation);
    }
  };

  return {
    isPersistent: options.isPersistent ?? true,
    ...dexieCardProgress(db, { run, states, entries }),

    loadDeckStates: (deckId) => run('load', async () => states(await db.cardStates.where('deckId').equals(deckId).toArray())),

    loadDueStates: (deckId, dueBeforeMs) =>
      run('load', async () => {
        // IndexedDB rejects NaN as a key; an impossible cutoff simply matches nothing.
        if (Number.isNaN(dueBeforeMs) || dueBeforeMs === -Infinity) return [];
        const rows = await db.cardStates
          .where('[deckId+dueAt]')
          .between([deckId, -Infinity], [deckId, dueBeforeMs], true, false)
          .toArray();
        return states(rows).filter((state) => state.phase !== 'new');
      }),

    countStates: (deckId) => run('load', () => db.cardStates.where('deckId').equals(deckId).count()),

    loadStoredCardIds: (deckId) =>
      run('load', async () => {
        const keys = await db.cardStates.where('deckId').equals(deckId).primaryKeys();
        // Keys are [deckId, cardId]; a key of another shape cannot name a card and is skipped.
        return keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [asCardId(key[1])] : []));
      }),

    earliestDueAt: (deckId, fromMs) =>
      run('load', async () => {
        if (Number.isNaN(fromMs) || fromMs === Infinity) return null;
        // Walks the [deckId+dueAt] index from fromMs and stops at the first valid non-new state.
        const row = await db.cardStates
          .where('[deckId+dueAt]')
          .between([deckId, fromMs], [deckId, Infinity], true, true)
          .filter((candidate) => states([candidate]).some((state) => state.phase !== 'new'))
          .first();
        return row === undefined ? null : row.dueAt;
      }),

    reviewsSince: (deckId, sinceMs) =>
      run('load', async () => {
        if (Number.isNaN(sinceMs)) return [];
        const rows = await db.reviewLog
          .where('[deckId+reviewedAt]')
          .between([deckId, sinceMs], [deckId, Infinity], true, true)
          .toArray();
        return entries(rows);
      }),

    reviewHistory: (deckId, cardId) =>
      run('load', async () => entries(await db.reviewLog.where('[deckId+cardId]').equals([deckId, cardId]).toArray())),

    lastReview: (deckId) =>
      run('load', async () => {
        // Walk back from the newest row so a damaged newest row does not hide the one before it.
        const row = await db.reviewLog
          .where('[deckId+reviewedAt]')
          .between([deckId, -Infinity], [deckId, Infinity], true, true)
          .reverse()
          .filter((candidate) => entries([candidate]).length === 1)
          .first();
        return row === undefined ? null : (entries([row])[0] ?? null);
      }),

    recordReview: (entry) =>
      run('save-review', async () => {
        assertConsistentReview(entry);
        const stateRow = cardStateToRow(entry.after);
        const logRow = reviewLogEntryToRow(entry);
        // Dexie resolves only after the transaction's complete event, which with strict
        // durability (see db.ts) comes after the flush to disk.
        return db.transaction('rw', db.cardStates, db.reviewLog, async () => {
          assertReviewIsCurrent(entry, await db.cardStates.get([entry.deckId, entry.cardId]));
          await db.cardStates.put(stateRow);
          return db.reviewLog.add(logRow);
        });
      }),

    undoReview: (id) =>
      run('undo-review', () =>
        db.transaction('rw', db.cardStates, db.reviewLog, async () => {
          const row = await db.reviewLog.get(id);
          if (row === undefined) throw undoConflictError('missing');
          const parsed = reviewLogEntryFromRow(row);
          if (!parsed.ok) {
            report(parsed.problem);
            throw corruptUndoError();
          }
          const entry = parsed.value;
          const current = await db.cardStates.get([entry.deckId, entry.cardId]);
          const currentState = current === undefined ? undefined : cardStateFromRow(current);
          if (!currentState?.ok || !isSameCardState(currentState.value, entry.after)) throw undoConflictError('changed');
          await db.reviewLog.delete(id);
          if (entry.before === null) await db.cardStates.delete([entry.deckId, entry.cardId]);
          else await db.cardStates.put(cardStateToRow(entry.before));
          return entry;
        }),
      ),

    exportAll: () =>
      run('load', () =>
        // One read transaction, so the states and the log are a consistent snapshot.
        db.transaction('r', db.cardStates, db.reviewLog, async () => ({
          cardStates: states(await db.cardStates.toArray()),
          reviewLog: entries(await db.reviewLog.toArray()),
        })),
      ),
  };
}
