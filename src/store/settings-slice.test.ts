import { describe, expect, it } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { asCardId, asDeckId } from '../domain/ids';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { testStorage, type TestStorage } from '../storage/test-fixtures';
import { createStudyStore, type StudyStore } from './study-store';
import { settingsForDeck } from './selectors';

const NOON = Date.UTC(2026, 10, 30, 12, 0, 0);

const makeDeck = (id: string, cardCount: number): Deck => ({
  schemaVersion: 1,
  id: asDeckId(id),
  title: `Deck ${id}`,
  description: 'Test deck',
  cards: Array.from({ length: cardCount }, (_, i) => ({ id: asCardId(`c${i + 1}`), front: `Q${i + 1}`, back: `A${i + 1}`, tags: [] })),
});

async function storeWith(decks: Deck[], storage: TestStorage): Promise<StudyStore> {
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => decks.map(deckIndexEntry), loadDeck: async (listing) => decks.find((d) => d.id === listing.id)! },
    clock: () => NOON,
  });
  await store.getState().hydrate();
  return store;
}

const newCount = (store: StudyStore, deckId: string) => {
  const entry = store.getState().deckEntries.find((e) => e.listing.id === deckId);
  return entry?.status === 'ready' ? entry.counts.fresh : undefined;
};

describe('settings slice', () => {
  it('loads stored deck overrides at start-up and counts each deck with its own limit', async () => {
    const repository = await testStorage({ deckOverrides: new Map([[asDeckId('a'), { newCardsPerDay: 5 }]]) });
    const store = await storeWith([makeDeck('a', 30), makeDeck('b', 30)], repository);
    expect(newCount(store, 'a')).toBe(5);
    expect(newCount(store, 'b')).toBe(20);
    expect(settingsForDeck(store.getState(), asDeckId('a')).newCardsPerDay).toBe(5);
  });

  it('saves all-deck settings, then recounts every deck', async () => {
    const store = await storeWith([makeDeck('a', 30)], await testStorage());
    expect(await store.getState().saveStudySettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 })).toBeNull();
    expect(store.getState().settings.newCardsPerDay).toBe(7);
    expect(newCount(store, 'a')).toBe(7);
  });

  it('keeps the old settings and says why when the write fails', async () => {
    const repository = await testStorage({}, {
      onBeforeWrite: (write) => {
        if (write.table.startsWith('settings')) throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const store = await storeWith([makeDeck('a', 30)], repository);
    const message = await store.getState().saveStudySettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.8 });
    expect(message).toMatch(/^Your settings were not saved/);
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(await store.getState().saveAppearance({ theme: 'dark', isReducedMotion: false, cardFontSize: 'medium' })).toMatch(/not saved/);
    expect(store.getState().appearance.theme).toBe('system');
  });

  it('applies fitted weights and restores the previous ones', async () => {
    const store = await storeWith([makeDeck('a', 3)], await testStorage());
    const fitted = Array.from({ length: 21 }, (_, i) => i + 0.5);
    await store.getState().applyFsrsWeights(fitted);
    expect(store.getState().settings).toMatchObject({ fsrsWeights: fitted, previousFsrsWeights: null });
    await store.getState().restorePreviousFsrsWeights();
    expect(store.getState().settings).toMatchObject({ fsrsWeights: null, previousFsrsWeights: fitted });
  });

  it('carries appearance and deck overrides into the in-memory fallback', async () => {
    const repository = await testStorage({
      appearance: { theme: 'dark', isReducedMotion: true, cardFontSize: 'small' },
      deckOverrides: new Map([[asDeckId('a'), { newCardsPerDay: 2 }]]),
    });
    const store = await storeWith([makeDeck('a', 30)], repository);
    expect(store.getState().appearance.theme).toBe('dark');
    await store.getState().continueWithoutSaving();
    expect(store.getState().repository?.isPersistent).toBe(false);
    const fallback = store.getState().settingsRepository!;
    expect(await fallback.loadAppearance()).toEqual({ theme: 'dark', isReducedMotion: true, cardFontSize: 'small' });
    expect(await fallback.loadDeckOverrides()).toEqual(new Map([[asDeckId('a'), { newCardsPerDay: 2 }]]));
  });

  it('builds quick appearance changes on each other, even while the first is still being saved', async () => {
    const repository = await testStorage();
    const store = await storeWith([makeDeck('a', 3)], repository);
    const first = store.getState().saveAppearance({ cardFontSize: 'x-large' });
    const second = store.getState().saveAppearance({ isReducedMotion: true });
    expect(await Promise.all([first, second])).toEqual([null, null]);
    expect(store.getState().appearance).toEqual({ theme: 'system', isReducedMotion: true, cardFontSize: 'x-large' });
    expect(await repository.settings.loadAppearance()).toEqual({ theme: 'system', isReducedMotion: true, cardFontSize: 'x-large' });
  });
});
