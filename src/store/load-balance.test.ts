import { describe, expect, it } from 'vitest';
import { asDeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import { makeDeck, NOON, storeHarness, study } from './store-test-harness';

const DAY = 86_400_000;

/** Waits until the open session has read its deck's due load. */
async function untilLoadKnown(read: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !read(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(read()).toBe(true);
}

describe('load balancing through the store', () => {
  it('records the balanced day on the review, keeps grading the same card without a conflict, and a rebuild from the log agrees', async () => {
    const deck = makeDeck('lb', 40);
    const { store, repository, clock } = await storeHarness([deck]);
    await store.getState().saveStudySettings({ ...store.getState().settings, newCardsPerDay: 40, reviewsPerDay: 400 });
    await study(store, 'lb', 40, 'easy');

    // Every card is in review now; a week and a half later they are due, and graded with the load known.
    clock.now = NOON + 12 * DAY;
    await store.getState().startSession(asDeckId('lb'));
    await untilLoadKnown(() => store.getState().session?.dueLoad != null);
    for (let i = 0; i < 40 && store.getState().session?.current; i += 1) {
      store.getState().flip();
      await store.getState().grade('good');
    }
    store.getState().leaveSession();
    expect(store.getState().saveError).toBeNull();
    const events = (await repository.exportEvents()).cardEvents.filter((event) => event.kind === 'review' && event.createdAt === NOON + 12 * DAY);
    const balanced = events.filter((event) => event.kind === 'review' && event.balancedDueAt !== undefined);
    expect(balanced.length).toBeGreaterThan(0);

    // A balanced card graded again when it falls due: replay of the stored events must give the
    // state the session holds, or the write is refused as a conflict.
    const cached = await repository.loadDeckStates(asDeckId('lb'));
    const moved = balanced[0]!;
    const state = cached.find((s: CardState) => s.cardId === moved.cardId)!;
    expect(state.dueAt).toBe(moved.kind === 'review' ? moved.balancedDueAt : NaN);
    clock.now = state.dueAt + 60_000;
    await store.getState().startSession(asDeckId('lb'));
    for (let i = 0; i < 40 && store.getState().session?.current; i += 1) {
      store.getState().flip();
      await store.getState().grade('good');
    }
    store.getState().leaveSession();
    expect(store.getState().saveError).toBeNull();
    expect(store.getState().sessionNotice).toBeNull();
    const regraded = await repository.loadDeckStates(asDeckId('lb'));
    expect(regraded.find((s) => s.cardId === moved.cardId)!.reps).toBe(state.reps + 1);

    const before = await repository.loadDeckStates(asDeckId('lb'));
    await repository.rebuildAllStates();
    expect(await repository.loadDeckStates(asDeckId('lb'))).toEqual(before);
  });

  it("counts every deck's due cards, not only the studied deck's, in the day loads it balances against", async () => {
    const { store } = await storeHarness([makeDeck('lb', 5), makeDeck('other', 12)]);
    await study(store, 'other', 12, 'easy');
    await study(store, 'lb', 2, 'easy');
    await store.getState().startSession(asDeckId('lb'));
    await untilLoadKnown(() => store.getState().session?.dueLoad != null);
    const load = store.getState().session!.dueLoad!;
    // The other deck's twelve reviews are on the calendar with this deck's two.
    expect([...load.values()].reduce((sum, count) => sum + count, 0)).toBe(14);
    store.getState().leaveSession();
  });
});
