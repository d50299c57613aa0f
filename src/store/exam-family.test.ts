import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { asCardId, asDeckId } from '../domain/ids';
import { testStorage } from '../storage/test-fixtures';
import { createStudyStore } from './study-store';

// Issue 14: an exam set on a parent deck holds back its subdecks' intervals, and replay agrees.
const NOON = Date.UTC(2026, 10, 30, 12);
const DAY = 86_400_000;
const bundled: Deck = { schemaVersion: 1, id: asDeckId('c3'), title: 'Bundled', description: '', cards: [{ id: asCardId('q1'), front: 'Q', back: 'A', tags: [] }] };

const userDeck = (slug: string, cards: readonly string[], parent?: string): UserDeck => ({
  schemaVersion: 1,
  id: userDeckId(slug),
  title: slug,
  description: '',
  cards: cards.map((id) => ({ id: asCardId(id), front: `${id}?`, back: `${id}!`, tags: [] })),
  ...(parent === undefined ? {} : { parent: userDeckId(parent) }),
  origin: 'apkg',
  createdAt: NOON,
  updatedAt: NOON,
});

async function harness() {
  const storage = await testStorage();
  let now = NOON;
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => [deckIndexEntry(bundled)], loadDeck: async () => bundled },
    clock: () => now,
  });
  await store.getState().hydrate();
  for (const deck of [userDeck('course', ['c1']), userDeck('week-1', ['w1a', 'w1b'], 'course')]) await store.getState().saveUserDeck(deck);
  return { store, repository: storage.repository, advance: (ms: number) => (now += ms) };
}

const COURSE = userDeckId('course');
const WEEK = userDeckId('week-1');

describe('an exam on a parent deck', () => {
  // Settings events take their time from the system clock: keep it just before the grades.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOON - 60_000);
  });
  afterEach(() => vi.useRealTimers());

  it("keeps a subdeck card's Easy interval inside the parent's exam, records the ancestors, and replays to the same state", async () => {
    const { store, repository } = await harness();
    const examAt = NOON + 5 * DAY;
    expect(await store.getState().saveDeckOverrides(COURSE, { examAt })).toBeNull();
    // The subdeck's plan says whose exam it follows, and plans for it.
    const plan = await store.getState().readPlanningCards(WEEK);
    expect(plan.exam).toEqual({ sourceDeckId: COURSE, isInherited: true, isOver: false });
    expect(plan.settings.examAt).toBe(examAt);
    // The parent's plan covers its own card and the subdeck's two.
    expect((await store.getState().readPlanningCards(COURSE)).cards).toHaveLength(3);

    await store.getState().startSession(WEEK);
    expect(store.getState().session?.current?.cardId).toBe('w1a');
    store.getState().flip();
    await store.getState().grade('easy');
    const [graded] = await repository.loadDeckStates(WEEK);
    expect(graded!.dueAt).toBeLessThan(examAt);

    const { cardEvents } = await repository.exportEvents();
    expect(cardEvents.find((e) => e.cardId === 'w1a')).toMatchObject({ kind: 'review', deckAncestors: [COURSE] });
    // Rebuilt from the log alone, the card has the state the grade gave it.
    await repository.rebuildAllStates();
    expect((await repository.loadDeckStates(WEEK))[0]).toEqual(graded);
    store.getState().leaveSession();
  });

  it('gives normal intervals again once the exam is removed', async () => {
    const { store, repository } = await harness();
    const examAt = NOON + 5 * DAY;
    await store.getState().saveDeckOverrides(COURSE, { examAt });
    await store.getState().saveDeckOverrides(COURSE, {});
    expect((await store.getState().readPlanningCards(WEEK)).exam).toBeNull();
    await store.getState().startSession(COURSE);
    // Studying the parent, the first card is the parent's own; grade through to the subdeck's.
    for (let i = 0; i < 2; i += 1) {
      store.getState().flip();
      await store.getState().grade('easy');
    }
    const states = await repository.loadDeckStates(WEEK);
    expect(states[0]!.dueAt).toBeGreaterThan(examAt);
    store.getState().leaveSession();
  });
});
