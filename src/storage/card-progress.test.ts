// The card-progress part of the repository contract.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { asCardId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import { FlipdeckDb } from './db';
import { createDexieRepository } from './progress-repository';
import type { ProgressRepository } from './progress-repository';
import { StorageError } from './storage-error';
import { DECK_A, DECK_B, makeReview, makeState, quotaError, writeHookMiddleware } from './test-fixtures';

const openDbs: FlipdeckDb[] = [];
afterEach(() => {
  openDbs.splice(0).forEach((db) => db.close());
});

function create(failPuts = false): ProgressRepository {
  const db = new FlipdeckDb({ name: 'card-progress', indexedDB: new IDBFactory() });
  openDbs.push(db);
  if (failPuts) db.use(writeHookMiddleware((write) => {
    if (write.table === 'cardStates') throw quotaError();
  }));
  return createDexieRepository(db, { onCorruptRow: () => {} });
}

const suspend = (fallback: CardState) => (current: CardState | null): CardState => ({ ...(current ?? fallback), isSuspended: true });

describe('card progress', () => {
  it('reviewsBetween reads one deck or every deck, inclusive at both ends, ordered by time then id', async () => {
    const repo = create();
    const a1 = makeState('a1', { lastReviewedAt: 100 });
    const b1 = { ...makeState('b1', { lastReviewedAt: 100 }), deckId: DECK_B };
    await repo.recordReview(makeReview(null, a1, { reviewedAt: 300 }));
    await repo.recordReview(makeReview(null, b1, { reviewedAt: 100 }));
    await repo.recordReview(makeReview(a1, a1, { reviewedAt: 100 }));
    await repo.recordReview(makeReview(a1, a1, { reviewedAt: 50 }));

    const all = await repo.reviewsBetween(null, 100, 300);
    expect(all.map((e) => [e.id, e.deckId, e.reviewedAt])).toEqual([
      [2, 'deck-b', 100],
      [3, 'deck-a', 100],
      [1, 'deck-a', 300],
    ]);
    expect((await repo.reviewsBetween(DECK_A, 0, 200)).map((e) => e.id)).toEqual([4, 3]);
    expect(await repo.reviewsBetween(DECK_A, 400, 100)).toEqual([]);
  });

  it('loadAllStates returns every deck’s states', async () => {
    const repo = create();
    await repo.recordReview(makeReview(null, { ...makeState('x'), deckId: DECK_B }));
    await repo.recordReview(makeReview(null, makeState('y')));
    expect((await repo.loadAllStates()).map((s) => [s.deckId, s.cardId])).toEqual([
      ['deck-a', 'y'],
      ['deck-b', 'x'],
    ]);
  });

  it('suspends a studied card keeping its memory, and a never-studied card with the fallback state', async () => {
    const repo = create();
    const studied = makeState('c1', { reps: 4, stability: 9 });
    await repo.recordReview(makeReview(null, studied));
    const fresh = makeState('c2', { phase: 'new', reps: 0 });

    expect(await repo.updateCardState(DECK_A, asCardId('c1'), suspend(fresh))).toEqual({ ...studied, isSuspended: true });
    await repo.updateCardState(DECK_A, asCardId('c2'), suspend(fresh));
    expect(await repo.loadDeckStates(DECK_A)).toEqual([
      { ...studied, isSuspended: true },
      { ...fresh, isSuspended: true },
    ]);
  });

  it('resetting removes the state and keeps the review log', async () => {
    const repo = create();
    const state = makeState('c1');
    await repo.recordReview(makeReview(null, state));
    expect(await repo.updateCardState(DECK_A, asCardId('c1'), () => null)).toBeNull();
    expect(await repo.loadDeckStates(DECK_A)).toEqual([]);
    expect(await repo.reviewHistory(DECK_A, asCardId('c1'))).toHaveLength(1);
  });

  it('undo refuses a review whose card was suspended or reset since, changing nothing', async () => {
    const repo = create();
    const state = makeState('c1');
    const id = await repo.recordReview(makeReview(null, state));
    await repo.updateCardState(DECK_A, asCardId('c1'), suspend(state));
    await expect(repo.undoReview(id)).rejects.toMatchObject({ kind: 'conflict' });
    await repo.updateCardState(DECK_A, asCardId('c1'), () => null);
    await expect(repo.undoReview(id)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await repo.reviewHistory(DECK_A, asCardId('c1'))).toHaveLength(1);
  });

  it('refuses a change that returns another card’s state', async () => {
    const repo = create();
    await expect(repo.updateCardState(DECK_A, asCardId('c1'), () => makeState('other'))).rejects.toBeInstanceOf(StorageError);
    expect(await repo.loadAllStates()).toEqual([]);
  });

  it('reports a full disk with a message naming the card change, storing nothing', async () => {
    const repo = create(true);
    const error = await repo.updateCardState(DECK_A, asCardId('c1'), suspend(makeState('c1'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota', message: expect.stringMatching(/change to this card was not saved/) });
    expect(await repo.loadAllStates()).toEqual([]);
  });
});
