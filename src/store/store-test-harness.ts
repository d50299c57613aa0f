/** A store on in-memory storage with a settable clock, for the slice tests; not imported by app code. */
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { asCardId, asDeckId } from '../domain/ids';
import { testStorage, type TestStorage, type TestStorageOptions } from '../storage/test-fixtures';
import type { ProgressRepository } from '../storage/progress-repository';
import { createStudyStore, type StudyStore } from './study-store';

/** Monday 30 November 2026, 12:00 UTC (tests run with TZ=UTC; the study day began at 04:00Z). */
export const NOON = Date.UTC(2026, 10, 30, 12);

export function makeDeck(id: string, cardCount: number): Deck {
  return {
    schemaVersion: 1,
    id: asDeckId(id),
    title: `Deck ${id}`,
    description: 'Test deck',
    cards: Array.from({ length: cardCount }, (_, i) => ({ id: asCardId(`c${i + 1}`), front: `Q${i + 1}`, back: `A${i + 1}`, tags: [] })),
  };
}

export interface Harness {
  readonly store: StudyStore;
  readonly repository: ProgressRepository;
  readonly clock: { now: number };
}

export interface HarnessOptions extends TestStorageOptions {
  /** Storage another harness already uses: two stores on it are two tabs of one browser. */
  readonly storage?: TestStorage;
  /** Wraps the progress repository the store sees, e.g. to hold its writes. */
  readonly wrapRepository?: (repository: ProgressRepository) => ProgressRepository;
}

/** A hydrated store over `decks`, starting at NOON, on new in-memory storage or `options.storage`. */
export async function storeHarness(decks: Deck[], options: HarnessOptions = {}): Promise<Harness & { readonly storage: TestStorage }> {
  const storage = options.storage ?? (await testStorage({}, options));
  const { repository } = storage;
  const seen = options.wrapRepository ? options.wrapRepository(repository) : repository;
  const clock = { now: NOON };
  const store = createStudyStore({
    openRepository: async () => ({ ...storage.opened, repository: seen }),
    deckSource: { listDecks: async () => decks.map(deckIndexEntry), loadDeck: async (listing) => decks.find((d) => d.id === listing.id)! },
    clock: () => clock.now,
  });
  await store.getState().hydrate();
  return { store, repository, clock, storage };
}

/** Studies the next `count` cards of the deck, answering each with `rating`. */
export async function study(store: StudyStore, deckId: string, count: number, rating: 'again' | 'good' | 'easy' = 'easy'): Promise<void> {
  await store.getState().startSession(asDeckId(deckId));
  for (let i = 0; i < count; i += 1) {
    store.getState().flip();
    await store.getState().grade(rating);
  }
  store.getState().leaveSession();
}
