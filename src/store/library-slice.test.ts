import { describe, expect, it } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { asCardId, asDeckId } from '../domain/ids';
import { testStorage } from '../storage/test-fixtures';
import type { DeckSource } from '../storage/deck-source';
import { createStudyStore } from './study-store';

const NOON = Date.UTC(2026, 10, 30, 12);

const bundled: Deck = {
  schemaVersion: 1,
  id: asDeckId('c3'),
  title: 'Bundled',
  description: '',
  cards: [{ id: asCardId('q1'), front: 'Q', back: 'A', tags: [] }],
};

const mine = (overrides: Partial<UserDeck> = {}): UserDeck => ({
  ...bundled,
  id: userDeckId('c3'),
  title: 'Mine',
  cards: [
    { id: asCardId('m1'), front: 'M1', back: 'A', tags: [] },
    { id: asCardId('m2'), front: 'M2', back: 'B', tags: [] },
  ],
  origin: 'json',
  createdAt: NOON,
  updatedAt: NOON,
  ...overrides,
});

async function harness(deckSource?: DeckSource) {
  const storage = await testStorage();
  const { repository } = storage;
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: deckSource ?? { listDecks: async () => [deckIndexEntry(bundled)], loadDeck: async () => bundled },
    clock: () => NOON,
  });
  await store.getState().hydrate();
  return { store, repository, storage };
}

const listed = (store: Awaited<ReturnType<typeof harness>>['store']) =>
  store.getState().deckEntries.map((e) => [e.listing.id, e.listing.origin ?? 'bundled', e.status]);

describe('user decks in the deck list', () => {
  it('appear beside the bundled decks, marked as the user\'s, even when the bundled id is the same slug', async () => {
    const { store } = await harness();
    await store.getState().saveUserDeck(mine());
    expect(listed(store)).toEqual([
      ['c3', 'bundled', 'ready'],
      ['user.c3', 'json', 'ready'],
    ]);
    expect(store.getState().decks.get(userDeckId('c3'))?.cards).toHaveLength(2);
  });

  it('still appear when the bundled deck list cannot be fetched', async () => {
    const offline: DeckSource = { listDecks: () => Promise.reject(new Error('offline')), loadDeck: () => Promise.reject(new Error('offline')) };
    const { store } = await harness(offline);
    await store.getState().saveUserDeck(mine());
    expect(store.getState().deckListError).toBe('offline');
    expect(listed(store)).toEqual([['user.c3', 'json', 'ready']]);
  });

  it('says so when the user\'s decks cannot be read, and still lists the bundled ones', async () => {
    const { store } = await harness();
    const failing = { ...store.getState().userDecks!, listDecks: () => Promise.reject(new Error('disk on fire')) };
    store.setState({ userDecks: failing });
    await store.getState().loadDecks();
    expect(store.getState().deckListError).toBe('your own decks could not be read (disk on fire).');
    expect(listed(store)).toEqual([['c3', 'bundled', 'ready']]);
  });

  it('can be studied, renamed and deleted with their progress', async () => {
    const { store } = await harness();
    await store.getState().saveUserDeck(mine());
    await store.getState().startSession(userDeckId('c3'));
    store.getState().flip();
    await store.getState().grade('good');
    expect(await store.getState().countDeckProgress(userDeckId('c3'))).toEqual({ reviews: 1, cardsStudied: 1, subdecks: [] });

    await store.getState().renameUserDeck(userDeckId('c3'), '  Renamed  ');
    expect(store.getState().deckEntries.find((e) => e.listing.id === 'user.c3')?.listing.title).toBe('Renamed');
    await expect(store.getState().renameUserDeck(userDeckId('c3'), '   ')).rejects.toThrow(/needs a name/);

    await store.getState().deleteUserDeck(userDeckId('c3'));
    expect(listed(store)).toEqual([['c3', 'bundled', 'ready']]);
    expect(store.getState().decks.has(userDeckId('c3'))).toBe(false);
    expect(store.getState().session).toBeNull();
  });
});

describe('reading a backup file', () => {
  it('refuses a file over the size limit from its size alone, without reading it into memory', async () => {
    const { store } = await harness();
    let isRead = false;
    const huge = {
      size: 300 * 1024 * 1024,
      arrayBuffer: async () => {
        isRead = true;
        return new ArrayBuffer(0);
      },
    } as unknown as Blob;
    await expect(store.getState().previewBackupFile(huge, 'huge.json')).rejects.toThrow(/huge\.json: the file is 300 MB; the largest backup Flipdeck can restore is 256 MB/);
    expect(isRead).toBe(false);
  });

  it('reads and checks a backup it is given as a file, and previews it against what is here', async () => {
    const { store } = await harness();
    await store.getState().saveUserDeck(mine());
    const text = await store.getState().exportBackupText();
    const progress: number[] = [];
    const preview = await store.getState().previewBackupFile(new Blob([text]), 'backup.json', (p) => progress.push(p.bytesRead));
    expect(preview).toMatchObject({ exportedAt: NOON, deckCount: 1, summary: { decksAdded: 0, decksKept: 1, isSettingsChanged: false } });
    expect(progress.at(-1)).toBe(text.length);
  });
});

describe('an import is recorded as content events, so it syncs (issue 13)', () => {
  const imported = (cards: UserDeck['cards'], title = 'Capitals') => ({ slug: 'capitals', origin: 'csv' as const, title, description: '', cards, warnings: [] });
  const card = (id: string, front: string, back: string, extra = {}) => ({ id: asCardId(id), front, back, tags: [], ...extra });

  async function storeWithContent() {
    const { store, storage } = await harness();
    const eventsOf = async () => (await storage.content.exportContentEvents()).filter((event) => event.deckId === userDeckId('capitals'));
    return { store, storage, eventsOf };
  }

  it('stores a first import as its events replay, so every device that replays them shows the same deck', async () => {
    const { store, storage } = await storeWithContent();
    await store.getState().addImportedDeck(imported([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Bonn'), card('it', 'Italy', 'Rome')]));
    const row = (await storage.userDecks.listDecks()).find((deck) => deck.id === userDeckId('capitals'));
    const replayed = await storage.content.loadAuthoredDeck(userDeckId('capitals'));
    expect(row?.cards).toEqual(replayed?.deck.cards);
    expect(row).toMatchObject({ origin: 'csv', title: 'Capitals', createdAt: replayed?.createdAt, updatedAt: replayed?.updatedAt });
    expect(row?.cards.map((c) => c.id)).toEqual(['fr', 'de', 'it']);
  });

  it('keeps the deck an imported one with its origin, and a second import and a rename add only their changes', async () => {
    const { store, eventsOf } = await storeWithContent();
    await store.getState().addImportedDeck(imported([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Bonn')]));
    expect(store.getState().decks.get(userDeckId('capitals'))).toMatchObject({ origin: 'csv', title: 'Capitals' });
    expect((await eventsOf()).map((event) => event.kind).sort()).toEqual(['card-created', 'card-created', 'deck-created']);

    await store.getState().addImportedDeck(imported([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Berlin')]));
    await store.getState().renameUserDeck(userDeckId('capitals'), 'Capitals of Europe');
    const deck = store.getState().decks.get(userDeckId('capitals'));
    expect(deck).toMatchObject({ origin: 'csv', title: 'Capitals of Europe' });
    expect(deck?.cards.map((c) => c.back)).toEqual(['Paris', 'Berlin']);
    expect((await eventsOf()).map((event) => event.kind).sort()).toEqual(['card-created', 'card-created', 'card-edited', 'deck-created', 'deck-edited']);
  });

  it('leaves a deck whose cards the events cannot carry (a typed answer) on this device, whole', async () => {
    const { store, eventsOf } = await storeWithContent();
    await store.getState().addImportedDeck(imported([card('fr', 'France', 'Paris', { typeAnswer: true })]));
    expect(store.getState().decks.get(userDeckId('capitals'))?.cards[0]).toMatchObject({ typeAnswer: true });
    expect(await eventsOf()).toEqual([]);
  });
});
