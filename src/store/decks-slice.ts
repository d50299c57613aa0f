import type { Deck } from '../domain/deck/types';
import type { DeckId } from '../domain/ids';
import { buildQueue, queueCounts } from '../domain/queue/queue';
import { readQueueInput } from './queue-reads';
import type { SliceCreator, StudyState } from './study-store';
import type { DeckEntry } from './types';

export interface DecksSlice {
  readonly deckEntries: readonly DeckEntry[];
  /** Why the deck list itself could not be read (each deck's own errors live on its entry). */
  readonly deckListError: string | null;
  readonly decks: ReadonlyMap<DeckId, Deck>;
  /** Fetches the deck list, then loads every deck and its counts; one broken deck never hides the others. */
  loadDecks(): Promise<void>;
  /** Recomputes one deck's new/learning/due counts from storage. */
  refreshCounts(deckId: DeckId): Promise<void>;
}

export const createDecksSlice: SliceCreator<DecksSlice> = (set, get, deps) => {
  const replaceEntry = (entry: DeckEntry) =>
    set((s) => ({ deckEntries: s.deckEntries.map((e) => (e.listing.id === entry.listing.id ? entry : e)) }));

  return {
    deckEntries: [],
    deckListError: null,
    decks: new Map(),

    async loadDecks() {
      let listings;
      try {
        listings = await deps.deckSource.listDecks();
      } catch (error) {
        set({ deckListError: messageOf(error) });
        return;
      }
      set({ deckListError: null, deckEntries: listings.map((listing) => ({ status: 'loading', listing })) });
      await Promise.all(
        listings.map(async (listing) => {
          try {
            const deck = await deps.deckSource.loadDeck(listing);
            set((s) => ({ decks: new Map(s.decks).set(deck.id, deck) }));
            replaceEntry({ status: 'ready', listing, counts: await countsFor(get(), deck, deps.clock()) });
          } catch (error) {
            replaceEntry({ status: 'error', listing, error: messageOf(error) });
          }
        }),
      );
    },

    async refreshCounts(deckId) {
      const deck = get().decks.get(deckId);
      const entry = get().deckEntries.find((e) => e.listing.id === deckId);
      if (!deck || !entry) return;
      try {
        replaceEntry({ status: 'ready', listing: entry.listing, counts: await countsFor(get(), deck, deps.clock()) });
      } catch (error) {
        replaceEntry({ status: 'error', listing: entry.listing, error: messageOf(error) });
      }
    },
  };
};

async function countsFor(state: StudyState, deck: Deck, now: number) {
  return queueCounts(buildQueue(await readQueueInput(state, deck, now).full));
}

/** A user-facing message for anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
