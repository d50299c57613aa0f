/** Builders shared by the storage and store tests; not imported by app code. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { ChangeFeed, StorageChange } from './change-feed';
import { asCardId, asDeckId } from '../domain/ids';
import type { CardState, Rating, ReviewLogEntry } from '../domain/scheduling/types';
import { FlipdeckDb } from './db';
import { repositoriesOn, seedDb, type MemorySeed, type StorageRepositories } from './memory-storage';
import type { OpenedRepository } from './open-repository';
import type { RowProblem } from './row-parse';

export const DECK_A = asDeckId('deck-a');
export const DECK_B = asDeckId('deck-b');

/** A review-phase card state; override any field. Times are epoch ms. */
export function makeState(cardId: string, overrides: Partial<CardState> = {}): CardState {
  return {
    deckId: DECK_A,
    cardId: asCardId(cardId),
    phase: 'review',
    dueAt: 1_000,
    stability: 3.2,
    difficulty: 5.1,
    scheduledDays: 3,
    learningStep: 0,
    reps: 1,
    lapses: 0,
    lastReviewedAt: 0,
    ...overrides,
  };
}

/** A review of `after.cardId` moving it from `before` to `after`. */
export function makeReview(
  before: CardState | null,
  after: CardState,
  overrides: { rating?: Rating; reviewedAt?: number; answerMs?: number } = {},
): ReviewLogEntry {
  return {
    deckId: after.deckId,
    cardId: after.cardId,
    rating: overrides.rating ?? 'good',
    reviewedAt: overrides.reviewedAt ?? after.lastReviewedAt ?? 0,
    answerMs: overrides.answerMs ?? 2_500,
    before,
    after,
  };
}

/** The error a browser raises when the origin's storage quota is used up. */
export const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Change feeds for tabs in one test, linked like a BroadcastChannel: a change published by one
 * reaches every other feed, never its sender, and arrives asynchronously.
 */
export function linkedChangeFeeds(count: number): ChangeFeed[] {
  const listeners: ((change: StorageChange) => void)[][] = Array.from({ length: count }, () => []);
  return listeners.map((own, index) => ({
    publish(change) {
      listeners.forEach((others, other) => {
        if (other !== index) for (const listener of others) queueMicrotask(() => listener(change));
      });
    },
    subscribe(listener) {
      own.push(listener);
      return () => own.splice(own.indexOf(listener), 1);
    },
  }));
}

/** One row write, as a test's fault hook sees it. */
export interface MemoryWrite {
  readonly table: string;
  readonly type: 'put' | 'add' | 'delete';
}

export interface TestStorageOptions {
  /**
   * Called before every row write once the seed is in; if it throws, the write fails with that
   * error and its transaction is rolled back, as with a full disk.
   */
  readonly onBeforeWrite?: (write: MemoryWrite) => void;
  readonly onCorruptRow?: (problem: RowProblem) => void;
  /** What the repositories report; the in-memory fallback says false (the default here). */
  readonly isPersistent?: boolean;
}

export interface TestStorage extends StorageRepositories {
  readonly db: FlipdeckDb;
  /** What openRepository would resolve with for this storage. */
  readonly opened: OpenedRepository;
}

/** A DBCore middleware that hands every mutation to `hook` first and fails it if the hook throws. */
export function writeHookMiddleware(hook: (write: MemoryWrite) => void): Middleware<DBCore> {
  const typeOf = (req: DBCoreMutateRequest): MemoryWrite['type'] => (req.type === 'deleteRange' ? 'delete' : req.type);
  return {
    stack: 'dbcore',
    name: 'test-write-hook',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            try {
              hook({ table: tableName, type: typeOf(req) });
            } catch (error) {
              return Promise.reject(error);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/** The app's repositories on a fresh in-memory database holding `seed`. */
export async function testStorage(seed: MemorySeed = {}, options: TestStorageOptions = {}): Promise<TestStorage> {
  const db = new FlipdeckDb({ name: 'flipdeck-test', indexedDB: new IDBFactory(), IDBKeyRange });
  let isSeeded = false;
  const { onBeforeWrite } = options;
  if (onBeforeWrite) db.use(writeHookMiddleware((write) => (isSeeded ? onBeforeWrite(write) : undefined)));
  await db.open();
  await seedDb(db, seed);
  const repositories = await repositoriesOn(db, { isPersistent: options.isPersistent ?? false, onCorruptRow: options.onCorruptRow ?? (() => {}) });
  isSeeded = true;
  return { ...repositories, db, opened: { ...repositories, problem: null, onConnectionEvent: () => () => {} } };
}
