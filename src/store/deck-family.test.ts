import { describe, expect, it } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { asCardId, asDeckId } from '../domain/ids';
import { testStorage } from '../storage/test-fixtures';
import { createStudyStore } from './study-store';

const NOON = Date.UTC(2026, 10, 30, 12);
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
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => [deckIndexEntry(bundled)], loadDeck: async () => bundled },
    clock: () => NOON,
  });
  await store.getState().hydrate();
  for (const deck of [userDeck('course', []), userDeck('week-1', ['w1a', 'w1b'], 'course'), userDeck('week-2', ['w2a'], 'course')]) await store.getState().saveUserDeck(deck);
  return { store, repository: storage.repository };
}

const countsOf = (store: Awaited<ReturnType<typeof harness>>['store'], slug: string) => {
  const entry = store.getState().deckEntries.find((e) => e.listing.id === userDeckId(slug));
  return entry?.status === 'ready' ? entry.counts : undefined;
};

describe('a deck with subdecks', () => {
  it('counts and studies its subdecks\' cards, writing each grade to the card\'s own deck', async () => {
    const { store, repository } = await harness();
    expect(countsOf(store, 'course')).toMatchObject({ fresh: 3 });
    expect(countsOf(store, 'week-1')).toMatchObject({ fresh: 2 });

    await store.getState().startSession(userDeckId('course'));
    const seen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const current = store.getState().session?.current;
      seen.push(current!.cardId);
      store.getState().flip();
      await store.getState().grade('easy');
    }
    expect(seen).toEqual(['w1a', 'w1b', 'w2a']);
    expect((await repository.loadDeckStates(userDeckId('week-1'))).map((s) => s.cardId)).toEqual(['w1a', 'w1b']);
    expect((await repository.loadDeckStates(userDeckId('week-2'))).map((s) => s.cardId)).toEqual(['w2a']);
    expect(await repository.loadDeckStates(userDeckId('course'))).toEqual([]);

    store.getState().leaveSession();
    await expect.poll(() => countsOf(store, 'course')?.fresh).toBe(0);
    expect(countsOf(store, 'week-2')).toMatchObject({ fresh: 0 });
  });

  it('a single subdeck is studied on its own', async () => {
    const { store } = await harness();
    await store.getState().startSession(userDeckId('week-2'));
    expect(store.getState().session?.current?.cardId).toBe('w2a');
    store.getState().flip();
    await store.getState().grade('easy');
    expect(store.getState().session?.current).toBeNull();
  });

  it('is deleted with its subdecks and their progress, which the question counts and names first', async () => {
    const { store, repository } = await harness();
    await store.getState().startSession(userDeckId('week-1'));
    store.getState().flip();
    await store.getState().grade('good');

    expect(await store.getState().countDeckProgress(userDeckId('course'))).toEqual({ reviews: 1, cardsStudied: 1, subdecks: ['week-1', 'week-2'] });
    expect(await store.getState().countDeckProgress(userDeckId('week-2'))).toEqual({ reviews: 0, cardsStudied: 0, subdecks: [] });

    await store.getState().deleteUserDeck(userDeckId('course'));
    expect(store.getState().deckEntries.map((e) => e.listing.id)).toEqual(['c3']);
    expect(store.getState().session).toBeNull();
    expect(await repository.loadDeckStates(userDeckId('week-1'))).toEqual([]);
  });

  it('deleting a subdeck leaves its parent and its siblings', async () => {
    const { store } = await harness();
    await store.getState().deleteUserDeck(userDeckId('week-1'));
    expect(store.getState().deckEntries.map((e) => e.listing.id).sort()).toEqual(['c3', userDeckId('course'), userDeckId('week-2')].sort());
    expect(countsOf(store, 'course')).toMatchObject({ fresh: 1 });
  });
});
