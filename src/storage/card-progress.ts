/**
 * Cross-deck reads for the statistics. The interface is part of ProgressRepository, implemented
 * here on Dexie with the indexes of the event log, so no read scans more than its time range.
 */
import type { DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { FlipdeckDb } from './db';
import type { StorageOperation } from './storage-error';

export interface CardProgressMethods {
  /**
   * Effective reviews with sinceMs <= reviewedAt <= untilMs, in log order (time, then event id):
   * of one deck, or of every deck when deckId is null.
   */
  reviewsBetween(deckId: DeckId | null, sinceMs: number, untilMs: number): Promise<ReviewLogEntry[]>;
  /** Every stored state of every deck, ordered by deckId then cardId. */
  loadAllStates(): Promise<CardState[]>;
}

interface DexieHelpers {
  readonly run: <T>(operation: StorageOperation, work: () => Promise<T>) => Promise<T>;
  readonly states: (rows: readonly unknown[]) => CardState[];
  readonly reviewsIn: (deckId: DeckId | null, sinceMs: number, untilMs: number) => Promise<ReviewLogEntry[]>;
}

/** The Dexie implementation, sharing the repository's error mapping and row parsing. */
export function dexieCardProgress(db: FlipdeckDb, { run, states, reviewsIn }: DexieHelpers): CardProgressMethods {
  return {
    reviewsBetween: (deckId, sinceMs, untilMs) => run('load', () => reviewsIn(deckId, sinceMs, untilMs)),
    loadAllStates: () => run('load', async () => states(await db.cardStates.toArray())),
  };
}
