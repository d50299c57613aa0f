import { describe, expect, it, vi } from 'vitest';
import { asDeckId } from '../domain/ids';
import type { ProgressRepository } from '../storage/progress-repository';
import { quotaError, type TestStorage } from '../storage/test-fixtures';
import { makeDeck, NOON, storeHarness } from './store-test-harness';
import type { StudyStore } from './study-store';

const current = (store: StudyStore) => store.getState().session?.current?.cardId;

/**
 * A repository whose grade writes wait until the test lets each one finish (or fail), so the
 * store can be observed while a grade is still on its way to storage.
 */
function heldWrites() {
  const held: { finish: (error?: unknown) => void }[] = [];
  const wrapped = (repository: ProgressRepository): ProgressRepository => ({
    ...repository,
    appendCardEvents: (events, options) =>
      new Promise((resolve, reject) => {
        held.push({ finish: (error) => (error === undefined ? resolve(repository.appendCardEvents(events, options)) : reject(error)) });
      }),
  });
  /** Finishes the oldest held write, once it has been asked for. */
  const release = async (error?: unknown) => {
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
    held.shift()!.finish(error);
  };
  return { wrapped, release, heldCount: () => held.length };
}

async function studyWith(wrapRepository?: (repository: ProgressRepository) => ProgressRepository, storage?: TestStorage, cardCount = 3) {
  const harness = await storeHarness([makeDeck('d', cardCount)], { ...(wrapRepository ? { wrapRepository } : {}), ...(storage ? { storage } : {}) });
  await harness.store.getState().startSession(asDeckId('d'));
  return harness;
}

/** Flips and grades the current card without waiting for its save. */
function gradeNow(store: StudyStore, rating: 'again' | 'good' | 'easy' = 'easy'): Promise<void> {
  store.getState().flip();
  return store.getState().grade(rating);
}

describe('one-frame grading', () => {
  it('shows the next card at once and counts the grade as saved only once its write is done', async () => {
    const { wrapped, release } = heldWrites();
    const { store, repository } = await studyWith(wrapped);
    const saved = gradeNow(store);
    // Synchronously: the next card, with the grade pending.
    expect(current(store)).toBe('c2');
    expect(store.getState().pendingSaves).toBe(1);
    expect(store.getState().isSaving).toBe(true);
    expect((await repository.exportAll()).reviewLog).toEqual([]);

    const second = gradeNow(store);
    expect(current(store)).toBe('c3');
    expect(store.getState().pendingSaves).toBe(2);

    await release();
    await saved;
    expect(store.getState().pendingSaves).toBe(1);
    await release();
    await second;
    expect(store.getState().pendingSaves).toBe(0);
    expect(store.getState().isSaving).toBe(false);
    const { reviewLog } = await repository.exportAll();
    expect(reviewLog.map((entry) => entry.cardId)).toEqual(['c1', 'c2']);
  });

  it('after a failed write, returns to that card with the error, takes back the grades queued behind it, and lets the student grade again', async () => {
    const { wrapped, release } = heldWrites();
    const { store, repository } = await studyWith(wrapped);
    const first = gradeNow(store); // c1: its write fails
    const second = gradeNow(store); // c2: queued behind it
    expect(current(store)).toBe('c3');
    await release(quotaError());
    await Promise.all([first, second]);

    expect(current(store)).toBe('c1');
    expect(store.getState().session?.isFlipped).toBe(true);
    expect(store.getState().saveError).toMatch(/not saved/i);
    expect(store.getState().saveError).toMatch(/grade after it was not saved either; that card is back in the queue/);
    expect(store.getState().session?.studiedCount).toBe(0);
    expect(store.getState().session?.queue.fresh).toEqual(['c1', 'c2', 'c3']);
    expect(store.getState().pendingSaves).toBe(0);
    expect((await repository.exportAll()).reviewLog).toEqual([]);

    const retry = store.getState().grade('good');
    expect(current(store)).toBe('c2');
    await release();
    await retry;
    expect(store.getState().saveError).toBeNull();
    expect((await repository.exportAll()).reviewLog.map((entry) => [entry.cardId, entry.rating])).toEqual([['c1', 'good']]);
  });

  it('undo waits for the grade still being written, then takes it back', async () => {
    const { wrapped, release } = heldWrites();
    const { store, repository } = await studyWith(wrapped);
    void gradeNow(store);
    const undoing = store.getState().undo();
    expect(store.getState().isUndoing).toBe(true);
    // No grading while the undo is on its way.
    store.getState().flip();
    await store.getState().grade('good');
    expect(current(store)).toBe('c2');

    await release();
    await undoing;
    expect(current(store)).toBe('c1');
    expect(store.getState().session?.isFlipped).toBe(false);
    expect(store.getState().isUndoing).toBe(false);
    expect(await repository.exportAll()).toEqual({ cardStates: [], reviewLog: [] });
  });

  it('an undo whose grade then fails to save leaves the returned card and its error', async () => {
    const { wrapped, release } = heldWrites();
    const { store, repository } = await studyWith(wrapped);
    const first = gradeNow(store);
    const undoing = store.getState().undo();
    await release(quotaError());
    await Promise.all([first, undoing]);
    expect(current(store)).toBe('c1');
    expect(store.getState().session?.isFlipped).toBe(true);
    expect(store.getState().saveError).toMatch(/not saved/i);
    expect(store.getState().isUndoing).toBe(false);
    expect((await repository.exportAll()).reviewLog).toEqual([]);
  });

  it('a grade refused because another tab graded the card first reloads the queue, and says the grade queued behind it was not saved', async () => {
    const tabA = await studyWith();
    const { wrapped, release } = heldWrites();
    const tabB = await studyWith(wrapped, tabA.storage);
    await gradeNow(tabA.store); // c1 graded in tab A

    const refused = gradeNow(tabB.store, 'again'); // tab B still shows c1 as new
    const queued = gradeNow(tabB.store); // c2, behind the refused one
    await release();
    await Promise.all([refused, queued]);

    expect(tabB.store.getState().sessionNotice).toMatch(/another Flipdeck tab/);
    expect(tabB.store.getState().sessionNotice).toMatch(/grade after it was not saved either/);
    expect(tabB.store.getState().saveError).toBeNull();
    expect(current(tabB.store)).toBe('c2');
    expect(tabB.store.getState().session?.queue.fresh).toEqual(['c2', 'c3']);
    const { reviewLog } = await tabA.repository.exportAll();
    expect(reviewLog.map((entry) => [entry.cardId, entry.rating])).toEqual([['c1', 'easy']]);
  });

  it('the deck list counts read after leaving include the grades still being saved', async () => {
    const { wrapped, release } = heldWrites();
    const { store } = await studyWith(wrapped);
    void gradeNow(store);
    store.getState().leaveSession();
    await release();
    await vi.waitFor(() => {
      const entry = store.getState().deckEntries[0];
      expect(entry?.status === 'ready' && entry.counts).toEqual({ fresh: 2, learning: 0, review: 0 });
    });
  });

  it('a session started while grades are being saved reads them', async () => {
    const { wrapped, release } = heldWrites();
    const { store, clock } = await studyWith(wrapped);
    void gradeNow(store);
    store.getState().leaveSession();
    clock.now = NOON + 1_000;
    const starting = store.getState().startSession(asDeckId('d'));
    await release();
    await starting;
    expect(current(store)).toBe('c2');
    expect(store.getState().session?.queue.fresh).toEqual(['c2', 'c3']);
  });
});
