// The ProgressRepository contract. There is one implementation: the in-memory fallback is the
// same Dexie code on an in-memory IndexedDB, so this suite covers it too.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCoreMutateRequest, Middleware, DBCore } from 'dexie';
import { asCardId } from '../domain/ids';
import { FlipdeckDb } from './db';
import type { RowProblem, TableName } from './row-parse';
import type { MemoryWrite } from './test-fixtures';
import { createDexieRepository } from './progress-repository';
import type { ProgressRepository } from './progress-repository';
import { StorageError } from './storage-error';
import { DECK_A, DECK_B, makeReview, makeState, quotaError } from './test-fixtures';

interface Subject {
  readonly repo: ProgressRepository;
  /** Makes every later write to `table` of `type` throw `error`, as a full disk would. */
  readonly failWrites: (table: TableName, type: MemoryWrite['type'], error: unknown) => void;
  readonly problems: RowProblem[];
}

interface Implementation {
  readonly isPersistent: boolean;
  readonly create: () => Promise<Subject>;
}

type Fault = { table: TableName | string; type: MemoryWrite['type']; error: unknown };

const openDbs: FlipdeckDb[] = [];
afterEach(() => {
  openDbs.splice(0).forEach((db) => db.close());
});

/** A DBCore middleware that rejects matching mutations, so a transaction fails part-way. */
function faultMiddleware(faults: Fault[]): Middleware<DBCore> {
  const matches = (table: string, req: DBCoreMutateRequest) =>
    faults.find((fault) => fault.table === table && (fault.type === req.type || (fault.type === 'delete' && req.type === 'deleteRange')));
  return {
    stack: 'dbcore',
    name: 'test-faults',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            const fault = matches(tableName, req);
            return fault ? Promise.reject(fault.error) : table.mutate(req);
          },
        };
      },
    }),
  };
}

const implementation: Implementation = {
  isPersistent: true,
  create: async () => {
    const faults: Fault[] = [];
    const problems: RowProblem[] = [];
    const db = new FlipdeckDb({ name: 'contract', indexedDB: new IDBFactory() });
    openDbs.push(db);
    db.use(faultMiddleware(faults));
    return {
      repo: createDexieRepository(db, { onCorruptRow: (problem) => problems.push(problem) }),
      failWrites: (table, type, error) => faults.push({ table, type, error }),
      problems,
    };
  },
};

/** Resolves with the StorageError the promise rejects with; fails the test if it resolves. */
async function storageErrorFrom(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('ProgressRepository', () => {
  it('reports whether progress survives the tab', async () => {
    const { repo } = await implementation.create();
    expect(repo.isPersistent).toBe(implementation.isPersistent);
  });

  describe('recordReview', () => {
    it('writes the card state and the log row together and returns the new row id', async () => {
      const { repo } = await implementation.create();
      const after = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000 });
      const id = await repo.recordReview(makeReview(null, after));

      expect(id).toBe(1);
      const exported = await repo.exportAll();
      expect(exported.cardStates).toEqual([after]);
      expect(exported.reviewLog).toEqual([{ ...makeReview(null, after), id: 1 }]);
    });

    it('replaces the state on later reviews and keeps every log row', async () => {
      const { repo } = await implementation.create();
      const first = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000, reps: 1 });
      const second = makeState('c1', { dueAt: 9_000, lastReviewedAt: 5_000, reps: 2 });
      await repo.recordReview(makeReview(null, first));
      const secondId = await repo.recordReview(makeReview(first, second, { rating: 'easy' }));

      expect(secondId).toBe(2);
      expect(await repo.loadDeckStates(DECK_A)).toEqual([second]);
      const history = await repo.reviewHistory(DECK_A, asCardId('c1'));
      expect(history.map((entry) => [entry.id, entry.rating, entry.before?.reps ?? null, entry.after.reps])).toEqual([
        [1, 'good', null, 1],
        [2, 'easy', 1, 2],
      ]);
    });

    it('refuses an entry whose states belong to another card, writing nothing', async () => {
      const { repo } = await implementation.create();
      const entry = { ...makeReview(null, makeState('c1')), cardId: asCardId('c2') };

      const error = await storageErrorFrom(repo.recordReview(entry));
      expect(error.kind).toBe('unknown');
      expect(await repo.exportAll()).toEqual({ cardStates: [], reviewLog: [] });
    });

    it('leaves no partial write and reports quota when the log append fails', async () => {
      const { repo, failWrites } = await implementation.create();
      const first = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000 });
      await repo.recordReview(makeReview(null, first));
      const before = await repo.exportAll();

      failWrites('reviewLog', 'add', quotaError());
      const second = makeState('c1', { dueAt: 9_000, lastReviewedAt: 5_000, reps: 2 });
      const error = await storageErrorFrom(repo.recordReview(makeReview(first, second)));

      expect(error.kind).toBe('quota');
      expect(error.code).toBe('storage/quota');
      expect(error.message).toBe("Your device's storage is full, so this grade was not saved. Free up some space and try again.");
      // The state put ran before the failing append; it must have been rolled back with it.
      expect(await repo.exportAll()).toEqual(before);
    });
    it('refuses a grade computed from a state another tab has since replaced, writing nothing', async () => {
      const { repo } = await implementation.create();
      const first = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000, reps: 1 });
      // Tab A grades the new card; tab B, which loaded before that, grades it as new too.
      await repo.recordReview(makeReview(null, first));
      const stored = await repo.exportAll();
      const fromStaleNew = await storageErrorFrom(repo.recordReview(makeReview(null, makeState('c1', { reps: 1, dueAt: 7_000 }))));
      expect(fromStaleNew.kind).toBe('conflict');
      expect(fromStaleNew.message).toMatch(/another Flipdeck tab/);

      // And a grade computed from an older, non-new state.
      const second = makeState('c1', { dueAt: 9_000, lastReviewedAt: 5_000, reps: 2 });
      await repo.recordReview(makeReview(first, second));
      const afterSecond = await repo.exportAll();
      const fromStaleFirst = await storageErrorFrom(repo.recordReview(makeReview(first, makeState('c1', { reps: 2, dueAt: 8_000 }))));
      expect(fromStaleFirst.kind).toBe('conflict');
      expect(afterSecond.reviewLog).toHaveLength(stored.reviewLog.length + 1);
      expect(await repo.exportAll()).toEqual(afterSecond);
    });

  });

  describe('reading states', () => {
    async function seeded() {
      const subject = await implementation.create();
      const states = [
        makeState('late', { dueAt: 3_000 }),
        makeState('early', { dueAt: 1_000 }),
        makeState('tie-b', { dueAt: 2_000 }),
        makeState('tie-a', { dueAt: 2_000 }),
        makeState('cutoff', { dueAt: 2_500 }),
        makeState('new-card', { dueAt: 500, phase: 'new' }),
        makeState('learning', { dueAt: 1_500, phase: 'learning' }),
        makeState('other-deck', { deckId: DECK_B, dueAt: 100 }),
      ];
      for (const state of states) await subject.repo.recordReview(makeReview(null, state));
      return subject;
    }

    it('loadDueStates returns only this deck, due strictly before the cutoff, not new, by dueAt then cardId', async () => {
      const { repo } = await seeded();
      const due = await repo.loadDueStates(DECK_A, 2_500);
      expect(due.map((state) => state.cardId)).toEqual(['early', 'learning', 'tie-a', 'tie-b']);
    });

    it('loadDueStates handles empty and impossible cutoffs', async () => {
      const { repo } = await seeded();
      expect(await repo.loadDueStates(DECK_A, 0)).toEqual([]);
      expect(await repo.loadDueStates(DECK_A, Number.NaN)).toEqual([]);
      expect(await repo.loadDueStates(DECK_A, -Infinity)).toEqual([]);
      expect(await repo.loadDueStates(DECK_A, Infinity)).toHaveLength(6);
      expect(await repo.loadDueStates(DECK_B, Infinity)).toHaveLength(1);
    });

    it('loadDeckStates and countStates see only the given deck', async () => {
      const { repo } = await seeded();
      const states = await repo.loadDeckStates(DECK_A);
      expect(states.map((state) => state.cardId)).toEqual(['cutoff', 'early', 'late', 'learning', 'new-card', 'tie-a', 'tie-b']);
      expect(await repo.countStates(DECK_A)).toBe(7);
      expect(await repo.countStates(DECK_B)).toBe(1);
    });

    it('loadStoredCardIds lists every stored card of the deck, new ones included, by cardId', async () => {
      const { repo } = await seeded();
      expect(await repo.loadStoredCardIds(DECK_A)).toEqual(['cutoff', 'early', 'late', 'learning', 'new-card', 'tie-a', 'tie-b']);
      expect(await repo.loadStoredCardIds(DECK_B)).toEqual(['other-deck']);
    });

    it('earliestDueAt finds the first non-new state due at or after the cutoff, in this deck only', async () => {
      const { repo } = await seeded();
      expect(await repo.earliestDueAt(DECK_A, 2_000)).toBe(2_000);
      expect(await repo.earliestDueAt(DECK_A, 2_001)).toBe(2_500);
      // 'new-card' (dueAt 500) is never the answer: a new card is not waiting for a due time.
      expect(await repo.earliestDueAt(DECK_A, 0)).toBe(1_000);
      expect(await repo.earliestDueAt(DECK_B, 101)).toBeNull();
      expect(await repo.earliestDueAt(DECK_A, Number.NaN)).toBeNull();
    });

    it('hands out copies, so mutating a result cannot change what is stored', async () => {
      const { repo } = await seeded();
      const [state] = await repo.loadDeckStates(DECK_B);
      (state as { dueAt: number }).dueAt = 99_999;
      expect((await repo.loadDeckStates(DECK_B))[0]?.dueAt).toBe(100);
    });
  });

  describe('reading the log', () => {
    it('reviewsSince returns this deck from the cutoff on (inclusive), ordered by reviewedAt', async () => {
      const { repo } = await implementation.create();
      // Recorded out of time order (clock changes, other tabs): the result must still be sorted.
      await repo.recordReview(makeReview(null, makeState('c1'), { reviewedAt: 3_000 }));
      await repo.recordReview(makeReview(null, makeState('c2'), { reviewedAt: 1_000 }));
      await repo.recordReview(makeReview(null, makeState('c3'), { reviewedAt: 2_000 }));
      await repo.recordReview(makeReview(null, makeState('c4'), { reviewedAt: 999 }));
      await repo.recordReview(makeReview(null, makeState('b1', { deckId: DECK_B }), { reviewedAt: 2_000 }));

      const since = await repo.reviewsSince(DECK_A, 1_000);
      expect(since.map((entry) => [entry.cardId, entry.reviewedAt])).toEqual([
        ['c2', 1_000],
        ['c3', 2_000],
        ['c1', 3_000],
      ]);
      expect(await repo.reviewsSince(DECK_A, 3_001)).toEqual([]);
    });

    it('lastReview is null for an untouched deck, else the latest review of that deck', async () => {
      const { repo } = await implementation.create();
      expect(await repo.lastReview(DECK_A)).toBeNull();
      await repo.recordReview(makeReview(null, makeState('c1'), { reviewedAt: 2_000 }));
      await repo.recordReview(makeReview(null, makeState('c2'), { reviewedAt: 3_000 }));
      await repo.recordReview(makeReview(null, makeState('b1', { deckId: DECK_B }), { reviewedAt: 9_000 }));

      expect(await repo.lastReview(DECK_A)).toMatchObject({ id: 2, cardId: 'c2' });
      expect(await repo.lastReview(DECK_B)).toMatchObject({ id: 3, cardId: 'b1' });
    });
  });

  describe('undoReview', () => {
    it('restores the before state and removes the log row', async () => {
      const { repo } = await implementation.create();
      const first = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000, reps: 1 });
      const second = makeState('c1', { dueAt: 9_000, lastReviewedAt: 5_000, reps: 2 });
      await repo.recordReview(makeReview(null, first));
      const id = await repo.recordReview(makeReview(first, second));

      const undone = await repo.undoReview(id);

      expect(undone).toEqual({ ...makeReview(first, second), id });
      expect(await repo.loadDeckStates(DECK_A)).toEqual([first]);
      expect((await repo.exportAll()).reviewLog.map((entry) => entry.id)).toEqual([1]);
    });

    it('deletes the state when the card was new before the review', async () => {
      const { repo } = await implementation.create();
      const id = await repo.recordReview(makeReview(null, makeState('c1')));

      await repo.undoReview(id);

      expect(await repo.countStates(DECK_A)).toBe(0);
      expect(await repo.exportAll()).toEqual({ cardStates: [], reviewLog: [] });
    });

    it('refuses when the card was reviewed again since, changing nothing', async () => {
      const { repo } = await implementation.create();
      const first = makeState('c1', { lastReviewedAt: 1_000 });
      const second = makeState('c1', { lastReviewedAt: 5_000, reps: 2 });
      const firstId = await repo.recordReview(makeReview(null, first));
      await repo.recordReview(makeReview(first, second));
      const before = await repo.exportAll();

      const error = await storageErrorFrom(repo.undoReview(firstId));

      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/reviewed again/);
      expect(await repo.exportAll()).toEqual(before);
    });

    it('refuses a row that no longer exists (already undone)', async () => {
      const { repo } = await implementation.create();
      const id = await repo.recordReview(makeReview(null, makeState('c1')));
      await repo.undoReview(id);

      const error = await storageErrorFrom(repo.undoReview(id));
      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/already undone/);
    });

    it('never reuses an undone row id', async () => {
      const { repo } = await implementation.create();
      const id = await repo.recordReview(makeReview(null, makeState('c1')));
      await repo.undoReview(id);
      expect(await repo.recordReview(makeReview(null, makeState('c1')))).toBe(id + 1);
    });

    it('leaves no partial write and reports quota when restoring the state fails', async () => {
      const { repo, failWrites } = await implementation.create();
      const first = makeState('c1', { lastReviewedAt: 1_000 });
      const second = makeState('c1', { lastReviewedAt: 5_000, reps: 2 });
      await repo.recordReview(makeReview(null, first));
      const id = await repo.recordReview(makeReview(first, second));
      const before = await repo.exportAll();

      failWrites('cardStates', 'put', quotaError());
      const error = await storageErrorFrom(repo.undoReview(id));

      expect(error.kind).toBe('quota');
      expect(error.message).toMatch(/grade was not undone/);
      expect(await repo.exportAll()).toEqual(before);
    });
  });
});
