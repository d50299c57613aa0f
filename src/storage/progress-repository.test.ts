// The ProgressRepository contract on the event log. There is one implementation: the in-memory
// fallback is the same Dexie code on an in-memory IndexedDB, so this suite covers it too.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { replayCard } from '../domain/events/replay';
import { createSettingsTimeline } from '../domain/events/settings-log';
import { DAY, NOW, TestDevice, isCardEvent } from '../domain/events/test-events';
import type { CardEvent, SettingsEvent } from '../domain/events/types';
import { asCardId } from '../domain/ids';
import { createScheduler, newCardState } from '../domain/scheduling/scheduler';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { FlipdeckDb } from './db';
import { createDexieRepository, type ProgressRepository } from './progress-repository';
import { StorageError } from './storage-error';
import { DECK_A, quotaError, writeHookMiddleware } from './test-fixtures';

const openDbs: FlipdeckDb[] = [];
afterEach(() => {
  openDbs.splice(0).forEach((db) => db.close());
});

function setup(failing: { table?: string } = {}) {
  const db = new FlipdeckDb({ name: 'contract', indexedDB: new IDBFactory(), IDBKeyRange });
  openDbs.push(db);
  db.use(
    writeHookMiddleware((write) => {
      if (failing.table !== undefined && write.table === failing.table) throw quotaError();
    }),
  );
  const clock = { now: NOW };
  const repo = createDexieRepository(db, { clock: () => clock.now, onCorruptRow: () => {} });
  return { db, repo, clock, failing };
}

const c1 = asCardId('c1');
const scheduler = createScheduler(DEFAULT_SETTINGS);

/** A review event of c1 made by `repo`, graded as the session does (seeded by its own id). */
function reviewOf(repo: ProgressRepository, before: Parameters<typeof scheduler.grade>[0] | null, at: number, rating: 'again' | 'good' | 'easy' = 'good'): CardEvent {
  const id = repo.newEventId(at);
  const after = scheduler.grade(before ?? newCardState(DECK_A, c1, at), rating, at, id);
  return { id, deviceId: repo.deviceId, createdAt: at, deckId: DECK_A, cardId: c1, kind: 'review', rating, answerMs: 3_000, before, after };
}

const cardEvent = (repo: ProgressRepository, at: number, body: { kind: 'suspend' | 'unsuspend' | 'reset' }): CardEvent => ({
  id: repo.newEventId(at),
  deviceId: repo.deviceId,
  createdAt: at,
  deckId: DECK_A,
  cardId: c1,
  ...body,
});

describe('ProgressRepository on the event log', () => {
  it('appends a review and caches exactly the state replay computes, which is what the grading device scheduled', async () => {
    const { repo } = setup();
    const review = reviewOf(repo, null, NOW);
    const state = await repo.appendCardEvents([review], { expectedState: null });
    expect(review.kind === 'review' && state).toEqual(review.kind === 'review' ? review.after : null);
    expect(await repo.loadDeckStates(DECK_A)).toEqual([state]);
    expect((await repo.reviewsSince(DECK_A, NOW)).map((entry) => entry.id)).toEqual([review.id]);
  });

  it('refuses a stale append (another tab changed the card since), writing nothing', async () => {
    const { repo } = setup();
    const first = reviewOf(repo, null, NOW);
    await repo.appendCardEvents([first], { expectedState: null });
    const fromTheOtherTab = reviewOf(repo, null, NOW + 1_000, 'again');
    const error = await repo.appendCardEvents([fromTheOtherTab], { expectedState: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'conflict' });
    expect((await repo.exportEvents()).cardEvents.map((event) => event.id)).toEqual([first.id]);
  });

  it('undo appends an undo event: the review leaves every read, the state goes back, the event stays', async () => {
    const { repo, clock } = setup();
    const first = reviewOf(repo, null, NOW);
    const afterFirst = await repo.appendCardEvents([first], { expectedState: null });
    const second = reviewOf(repo, afterFirst, NOW + DAY, 'easy');
    await repo.appendCardEvents([second], { expectedState: afterFirst });
    clock.now = NOW + DAY + 5_000;

    expect((await repo.undoReview(second.id)).id).toBe(second.id);

    expect(await repo.loadDeckStates(DECK_A)).toEqual([afterFirst]);
    expect((await repo.reviewHistory(DECK_A, c1)).map((entry) => entry.id)).toEqual([first.id]);
    expect((await repo.reviewsBetween(null, 0, Infinity)).map((entry) => entry.id)).toEqual([first.id]);
    expect((await repo.lastReview(DECK_A))?.id).toBe(first.id);
    const { cardEvents } = await repo.exportEvents();
    expect(cardEvents.map((event) => event.kind)).toEqual(['review', 'review', 'undo']);
    // Undoing twice, or an earlier review under a later one, is refused.
    await expect(repo.undoReview(second.id)).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('eventsSince reads the card and settings events from a time on, in log order', async () => {
    const { repo } = setup();
    const old = reviewOf(repo, null, NOW - DAY);
    const state = await repo.appendCardEvents([old]);
    const recent = reviewOf(repo, state, NOW);
    await repo.appendCardEvents([recent]);
    const settings: SettingsEvent = { id: repo.newEventId(NOW + 1), deviceId: repo.deviceId, createdAt: NOW + 1, kind: 'settings', scope: { kind: 'study' }, values: { desiredRetention: 0.85 } };
    await repo.importEvents([settings]);
    expect((await repo.eventsSince(NOW)).map((event) => event.id)).toEqual([recent.id, settings.id]);
    expect(await repo.eventsSince(NOW + DAY)).toEqual([]);
    expect(await repo.eventsSince(Number.NaN)).toEqual([]);
  });

  it('undo refuses a review whose card was suspended or reset since', async () => {
    const { repo } = setup();
    const review = reviewOf(repo, null, NOW);
    await repo.appendCardEvents([review]);
    await repo.appendCardEvents([cardEvent(repo, NOW + 1, { kind: 'suspend' })]);
    await expect(repo.undoReview(review.id)).rejects.toMatchObject({ kind: 'conflict' });
    await repo.appendCardEvents([cardEvent(repo, NOW + 2, { kind: 'reset' })]);
    await expect(repo.undoReview(review.id)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await repo.reviewHistory(DECK_A, c1)).toHaveLength(1);
  });

  it('suspend, unsuspend and reset are events; reset forgets the state and keeps the history', async () => {
    const { repo } = setup();
    const review = reviewOf(repo, null, NOW);
    const reviewed = await repo.appendCardEvents([review]);
    expect(await repo.appendCardEvents([cardEvent(repo, NOW + 1, { kind: 'suspend' })])).toEqual({ ...reviewed, isSuspended: true });
    expect(await repo.appendCardEvents([cardEvent(repo, NOW + 2, { kind: 'unsuspend' })])).toEqual(reviewed);
    expect(await repo.appendCardEvents([cardEvent(repo, NOW + 3, { kind: 'reset' })])).toBeNull();
    expect(await repo.loadDeckStates(DECK_A)).toEqual([]);
    expect(await repo.reviewHistory(DECK_A, c1)).toHaveLength(1);
  });

  it('importEvents merges by id and replays: the same events twice change nothing', async () => {
    const { repo } = setup();
    const laptop = TestDevice.named('laptop', 7);
    laptop.review('a', 'good', NOW);
    laptop.review('a', 'again', NOW + DAY);
    laptop.review('b', 'easy', NOW);
    const first = await repo.importEvents(laptop.events);
    const cached = await repo.loadAllStates();
    const second = await repo.importEvents(laptop.events);
    expect(first).toEqual({ cardEventsAdded: 3, settingsEventsAdded: 0, cardsReplayed: 2 });
    expect(second).toEqual({ cardEventsAdded: 0, settingsEventsAdded: 0, cardsReplayed: 0 });
    expect(await repo.loadAllStates()).toEqual(cached);
    expect(cached.find((state) => state.cardId === 'a')).toEqual(laptop.stateOf(asCardId('a')));
  });

  it('every cached state equals a rebuild of the whole log', async () => {
    const { repo } = setup();
    const phone = TestDevice.named('phone', 11);
    const laptop = TestDevice.named('laptop', 12);
    for (let day = 0; day < 6; day += 1) {
      for (const card of ['a', 'b', 'c']) {
        const device = day % 2 === 0 ? phone : laptop;
        device.review(card, day % 3 === 0 ? 'again' : 'good', NOW + day * DAY + card.charCodeAt(0));
      }
    }
    const undone = phone.review('c', 'easy', NOW + 7 * DAY);
    phone.card('c', NOW + 7 * DAY + 1, { kind: 'undo', targetId: undone.id });
    phone.card('b', NOW + 7 * DAY + 2, { kind: 'suspend' });
    phone.settings({ desiredRetention: 0.85 }, NOW + 2 * DAY);
    await repo.importEvents([...phone.events, ...laptop.events]);
    const cached = await repo.loadAllStates();

    expect(await repo.rebuildAllStates()).toBe(cached.length);
    expect(await repo.loadAllStates()).toEqual(cached);
    // And the cache is what the pure replay of the merged log gives.
    const all = [...phone.events, ...laptop.events];
    const settingsAt = createSettingsTimeline(all.filter((e): e is SettingsEvent => e.kind === 'settings'));
    for (const state of cached) {
      const events = all.filter(isCardEvent).filter((e) => e.cardId === state.cardId && e.deckId === state.deckId);
      expect(replayCard(events, settingsAt).state).toEqual(state);
    }
  });

  it('a full disk fails the whole append: no event and no state is written', async () => {
    const { repo, failing } = setup();
    failing.table = 'cardStates';
    const error = await repo.appendCardEvents([reviewOf(repo, null, NOW)], { expectedState: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'quota', message: expect.stringMatching(/grade was not saved/) });
    failing.table = undefined;
    expect(await repo.exportEvents()).toEqual({ cardEvents: [], settingsEvents: [] });
    expect(await repo.loadAllStates()).toEqual([]);
  });

  it('reads keep the contract of the queue: due states exclusive of the cutoff, new ones never due', async () => {
    const { repo } = setup();
    const review = reviewOf(repo, null, NOW);
    const state = await repo.appendCardEvents([review]);
    expect(state).not.toBeNull();
    expect(await repo.loadDueStates(DECK_A, state!.dueAt)).toEqual([]);
    expect(await repo.loadDueStates(DECK_A, state!.dueAt + 1)).toEqual([state]);
    expect(await repo.earliestDueAt(DECK_A, 0)).toBe(state!.dueAt);
    expect(await repo.loadStoredCardIds(DECK_A)).toEqual([c1]);
    expect(await repo.countStates(DECK_A)).toBe(1);
  });
});
