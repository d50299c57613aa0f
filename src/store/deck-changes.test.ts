// When a lecturer edits a deck file, progress is keyed by (deckId, cardId): kept cards keep their
// progress, new cards arrive as new, removed cards leave the queue and their history stays.
// Runs the store against real IndexedDB storage (fake-indexeddb), across a "reload" with a new deck.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { asCardId, asDeckId } from '../domain/ids';
import { openRepository } from '../storage/open-repository';
import { createStudyStore } from './study-store';

const NOON = Date.UTC(2026, 10, 30, 12, 0, 0);
const deckId = asDeckId('course');

function deck(cards: [id: string, front: string][]): Deck {
  return {
    schemaVersion: 1, id: deckId, title: 'Course', description: '',
    cards: cards.map(([id, front]) => ({ id: asCardId(id), front, back: 'answer', tags: [] })),
  };
}

async function storeFor(factory: IDBFactory, theDeck: Deck) {
  const store = createStudyStore({
    openRepository: () => openRepository({ dbName: 'deck-changes', indexedDB: factory }),
    deckSource: { listDecks: async () => [deckIndexEntry(theDeck)], loadDeck: async () => theDeck },
    clock: () => NOON,
  });
  await store.getState().hydrate();
  return store;
}

describe('editing a deck file', () => {
  it('keeps progress by card id, adds new cards as new, and drops removed cards from the queue but not the log', async () => {
    const factory = new IDBFactory();
    const before = await storeFor(factory, deck([['a', 'Q a'], ['b', 'Q b'], ['c', 'Q c']]));
    await before.getState().startSession(deckId);
    for (let i = 0; i < 2; i += 1) {
      before.getState().flip();
      await before.getState().grade('easy'); // a and b graduate to review, days away
    }

    // The lecturer reworded a, removed b and added d before c.
    const after = await storeFor(factory, deck([['a', 'Q a, reworded'], ['d', 'Q d'], ['c', 'Q c']]));
    const entry = after.getState().deckEntries[0];
    expect(entry?.status === 'ready' && entry.counts).toEqual({ fresh: 2, learning: 0, review: 0 });

    await after.getState().startSession(deckId);
    await vi.waitFor(() => expect(after.getState().session?.queue.fresh).toEqual(['d', 'c']));
    expect(after.getState().session?.current?.cardId).toBe('d');

    const { reviewLog, cardStates } = await after.getState().repository!.exportAll();
    expect(cardStates.find((s) => s.cardId === 'a')?.phase).toBe('review');
    expect(reviewLog.map((r) => r.cardId)).toEqual(['a', 'b']);
  });
});
