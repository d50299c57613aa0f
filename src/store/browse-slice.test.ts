import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../domain/ids';
import { makeDeck, storeHarness, study } from './store-test-harness';

const deckId = asDeckId('d');
const c1 = asCardId('c1');

const counts = (store: Awaited<ReturnType<typeof storeHarness>>['store']) => {
  const entry = store.getState().deckEntries[0];
  return entry?.status === 'ready' ? entry.counts : null;
};

describe('the card browser', () => {
  it('suspending a new card takes it out of the queue and the counts; unsuspending brings it back', async () => {
    const { store, repository } = await storeHarness([makeDeck('d', 3)]);
    await store.getState().loadBrowser(deckId);
    await store.getState().setCardSuspended(deckId, c1, true);
    expect(store.getState().browsed?.states.get(c1)).toMatchObject({ phase: 'new', isSuspended: true });
    expect(counts(store)).toEqual({ fresh: 2, learning: 0, review: 0 });

    await store.getState().startSession(deckId);
    expect(store.getState().session?.current?.cardId).toBe('c2');
    store.getState().leaveSession();

    await store.getState().setCardSuspended(deckId, c1, false);
    expect(store.getState().browsed?.states.has(c1)).toBe(false);
    expect(await repository.loadDeckStates(deckId)).toEqual([]);
    expect(counts(store)).toEqual({ fresh: 3, learning: 0, review: 0 });
  });

  it('reset makes a studied card new again and keeps its review history', async () => {
    const { store } = await storeHarness([makeDeck('d', 3)]);
    await study(store, 'd', 1);
    await store.getState().loadBrowser(deckId);
    expect(store.getState().browsed?.states.get(c1)?.phase).toBe('review');

    await store.getState().resetCardProgress(deckId, c1);
    expect(store.getState().browsed?.states.has(c1)).toBe(false);
    expect(counts(store)?.fresh).toBe(3);
    await store.getState().loadCardHistory(deckId, c1);
    expect(store.getState().cardHistory?.entries.map((e) => e.rating)).toEqual(['easy']);
  });

  it('a failed write shows an error and leaves the card as it was', async () => {
    let isFull = false;
    const { store } = await storeHarness([makeDeck('d', 2)], {
      onBeforeWrite: () => {
        if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    await store.getState().loadBrowser(deckId);
    isFull = true;
    await store.getState().setCardSuspended(deckId, c1, true);
    expect(store.getState().browseError).toMatch(/Could not suspend this card: .*storage is full/);
    expect(store.getState().browsed?.states.has(c1)).toBe(false);
    expect(counts(store)?.fresh).toBe(2);
  });
});
