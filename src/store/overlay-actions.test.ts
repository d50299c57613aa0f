import { describe, expect, it } from 'vitest';
import { cardHash } from '../domain/authoring/overlay';
import type { Deck } from '../domain/deck/types';
import { asCardId, asDeckId } from '../domain/ids';
import { makeDeck, storeHarness, study } from './store-test-harness';

const DECK = 'bundled';
const deckId = asDeckId(DECK);
const c1 = asCardId('c1');
const c2 = asCardId('c2');
const mine = { front: 'Q1', back: 'A1, with my mnemonic', tags: ['mine'] };

/** The same deck in a later build: c1's back changed, c3 removed. */
function nextBuild(deck: Deck): Deck {
  return { ...deck, cards: [{ ...deck.cards[0]!, back: 'A1, reworded by the lecturer' }, deck.cards[1]!] };
}

describe('overlay actions (the student versions of bundled cards)', () => {
  it("shows the student's version in the deck study reads, keeps progress, and survives a reload", async () => {
    const deck = makeDeck(DECK, 3);
    const { store, storage, clock } = await storeHarness([deck], { isPersistent: true });
    await study(store, DECK, 1);
    const progress = await storage.repository.loadDeckStates(deckId);

    clock.now += 60_000;
    await store.getState().editBundledCard(deckId, c1, mine);
    expect(store.getState().decks.get(deckId)?.cards[0]).toEqual({ id: c1, ...mine });
    expect(store.getState().bundledOverlays.get(deckId)?.lecturer).toBe(deck);
    expect(store.getState().bundledOverlays.get(deckId)?.overlay.cards.get(c1)).toMatchObject({ status: 'edited', overHash: cardHash(deck.cards[0]!) });
    expect(await storage.repository.loadDeckStates(deckId)).toEqual(progress);

    // A new tab on the same storage (a reload) sees the lecturer's deck until it opens the overlay.
    const reloaded = await storeHarness([deck], { storage });
    expect(reloaded.store.getState().decks.get(deckId)?.cards[0]?.back).toBe('A1');
    await reloaded.store.getState().openBundledOverlay(deckId);
    expect(reloaded.store.getState().decks.get(deckId)?.cards[0]).toEqual({ id: c1, ...mine });
  });

  it('after a new build: tells the student, "Keep mine" clears the notice, "Take the lecturer\'s" restores the card', async () => {
    const deck = makeDeck(DECK, 3);
    const first = await storeHarness([deck], { isPersistent: true });
    await first.store.getState().editBundledCard(deckId, c1, mine);
    await first.store.getState().editBundledCard(deckId, asCardId('c3'), { front: 'Q3', back: 'My A3', tags: [] });

    const v2 = nextBuild(deck);
    const { store, clock } = await storeHarness([v2], { storage: first.storage });
    const opened = (await store.getState().openBundledOverlay(deckId))!;
    expect(opened.overlay.changed.map((c) => c.cardId)).toEqual([c1]);
    expect(opened.overlay.removed.map((c) => c.cardId)).toEqual([asCardId('c3')]);
    // The removed card leaves the deck (and so the queue); the student's version of c1 stays.
    expect(store.getState().decks.get(deckId)?.cards.map((c) => c.id)).toEqual([c1, c2]);
    expect(store.getState().decks.get(deckId)?.cards[0]?.back).toBe(mine.back);

    clock.now += 1_000;
    await store.getState().keepMyCard(deckId, c1);
    expect(store.getState().bundledOverlays.get(deckId)?.overlay.changed).toEqual([]);
    expect(store.getState().decks.get(deckId)?.cards[0]?.back).toBe(mine.back);

    clock.now += 1_000;
    await store.getState().resetBundledCard(deckId, c1);
    expect(store.getState().decks.get(deckId)?.cards[0]).toEqual(v2.cards[0]);
    expect(store.getState().bundledOverlays.get(deckId)?.overlay.cards.has(c1)).toBe(false);
  });

  it('refuses a deck that is not bundled, and leaves it as it was', async () => {
    const { store } = await storeHarness([makeDeck(DECK, 1)]);
    expect(await store.getState().openBundledOverlay(asDeckId('user.mine-1'))).toBeNull();
    await expect(store.getState().keepMyCard(asDeckId('user.mine-1'), c1)).rejects.toThrow(/bundled/);
    await expect(store.getState().editBundledCard(deckId, c1, { front: '', back: 'x', tags: [] })).rejects.toThrow(/front is empty/);
    expect(store.getState().bundledOverlays.get(deckId)?.overlay.cards.size ?? 0).toBe(0);
  });
});
