/**
 * Cross-deck reads for the statistics and per-card writes for the card browser. The interface is
 * part of ProgressRepository, implemented here on Dexie with the indexes from schema v1, so no
 * read scans the whole log.
 */
import type { CardId, DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { FlipdeckDb } from './db';
import { cardStateFromRow, cardStateToRow } from './progress-rows';
import type { CardStateRow, ReviewLogRow } from './progress-rows';
import type { StorageOperation } from './storage-error';

/** Turns a card's current state (null: never studied, or reset) into the state to store (null: delete it). */
export type CardStateChange = (current: CardState | null) => CardState | null;

export interface CardProgressMethods {
  /**
   * Reviews with sinceMs <= reviewedAt <= untilMs, ordered by reviewedAt then id: of one deck, or
   * of every deck when deckId is null.
   */
  reviewsBetween(deckId: DeckId | null, sinceMs: number, untilMs: number): Promise<ReviewLogEntry[]>;
  /** Every stored state of every deck, ordered by deckId then cardId. */
  loadAllStates(): Promise<CardState[]>;
  /**
   * Reads the card's state, applies `change` and writes the result, in ONE rw transaction, so a
   * grade in another tab cannot slip in between. Resolves with what is now stored. The review
   * log is never touched: resetting a card keeps its history.
   */
  updateCardState(deckId: DeckId, cardId: CardId, change: CardStateChange): Promise<CardState | null>;
}

interface DexieHelpers {
  readonly run: <T>(operation: StorageOperation, work: () => Promise<T>) => Promise<T>;
  readonly states: (rows: readonly unknown[]) => CardState[];
  readonly entries: (rows: readonly unknown[]) => ReviewLogEntry[];
}

/** The Dexie implementation, sharing the repository's error mapping and row parsing. */
export function dexieCardProgress(db: FlipdeckDb, { run, states, entries }: DexieHelpers): CardProgressMethods {
  return {
    reviewsBetween: (deckId, sinceMs, untilMs) =>
      run('load', async () => {
        if (Number.isNaN(sinceMs) || Number.isNaN(untilMs) || sinceMs > untilMs) return [];
        // Index order is reviewedAt, then the primary key (id), as the contract promises.
        const rows: ReviewLogRow[] =
          deckId === null
            ? await db.reviewLog.where('reviewedAt').between(sinceMs, untilMs, true, true).toArray()
            : await db.reviewLog.where('[deckId+reviewedAt]').between([deckId, sinceMs], [deckId, untilMs], true, true).toArray();
        return entries(rows);
      }),

    loadAllStates: () => run('load', async () => states(await db.cardStates.toArray())),

    updateCardState: (deckId, cardId, change) =>
      run('save-card', () =>
        db.transaction('rw', db.cardStates, async () => {
          const row: CardStateRow | undefined = await db.cardStates.get([deckId, cardId]);
          const parsed = row === undefined ? null : cardStateFromRow(row);
          // A damaged row is treated as no progress: the change (suspend, reset) then replaces it.
          const next = change(parsed?.ok === true ? parsed.value : null);
          if (next === null) {
            await db.cardStates.delete([deckId, cardId]);
            return null;
          }
          assertSameCard(next, deckId, cardId);
          await db.cardStates.put(cardStateToRow(next));
          return next;
        }),
      ),
  };
}

/** A change that returns another card's state is a caller bug that would corrupt storage. */
export function assertSameCard(state: CardState, deckId: DeckId, cardId: CardId): void {
  if (state.deckId !== deckId || state.cardId !== cardId) {
    throw new Error(`A change for ${deckId}/${cardId} returned the state of ${state.deckId}/${state.cardId}.`);
  }
}
