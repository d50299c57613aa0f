import { describe, expect, it } from 'vitest';
import { asDeckId } from '../domain/ids';
import { makeDeck, storeHarness, study } from './store-test-harness';

describe('loadStats', () => {
  it('computes one deck’s figures from its log and states, with never-studied cards counted as new', async () => {
    const { store, clock } = await storeHarness([makeDeck('a', 5), makeDeck('b', 4)]);
    clock.now += 2_000;
    await study(store, 'a', 2);
    await study(store, 'b', 1);

    await store.getState().loadStats(asDeckId('a'));
    const stats = store.getState().stats;
    expect(stats?.deckId).toBe('a');
    expect(stats?.report.counts).toEqual({ fresh: 3, learning: 0, young: 2, mature: 0, suspended: 0, total: 5 });
    expect(stats?.report.today.reviews).toBe(2);
    expect(stats?.report.heatmap.days.at(-1)?.reviews).toBe(2);
    expect(stats?.report.heatmap.streakDays).toBe(1);
  });

  it('adds every deck together for the all-decks view', async () => {
    const { store } = await storeHarness([makeDeck('a', 5), makeDeck('b', 4)]);
    await study(store, 'a', 2);
    await study(store, 'b', 1);
    await store.getState().loadStats(null);
    const report = store.getState().stats?.report;
    expect(report?.counts).toMatchObject({ fresh: 6, young: 3, total: 9 });
    expect(report?.today.reviews).toBe(3);
    expect(report?.forecast.reduce((sum, d) => sum + d.due, 0)).toBe(3);
  });

  it('counts a suspended card as suspended only', async () => {
    const { store } = await storeHarness([makeDeck('a', 3)]);
    await store.getState().setCardSuspended(asDeckId('a'), makeDeck('a', 3).cards[0]!.id, true);
    await store.getState().loadStats(asDeckId('a'));
    expect(store.getState().stats?.report.counts).toMatchObject({ fresh: 2, suspended: 1 });
  });
});
