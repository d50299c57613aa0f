import type { Deck } from '../domain/deck/types';
import type { CardId, DeckId } from '../domain/ids';
import { buildQueue, countDoneToday, queueCounts, type BuildQueueInput } from '../domain/queue/queue';
import { studyDayStart } from '../domain/queue/study-day';
import type { CardState } from '../domain/scheduling/types';
import { settingsForDeck } from './settings-slice';
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

/** Everything the queue needs for one deck at `now`, read from storage. */
export async function loadQueueInput(state: StudyState, deck: Deck, now: number): Promise<BuildQueueInput> {
  const { repository } = state;
  const settings = settingsForDeck(state, deck.id);
  if (!repository) throw new Error('Storage is not open yet.');
  const [stored, todaysLog] = await Promise.all([
    repository.loadDeckStates(deck.id),
    repository.reviewsSince(deck.id, studyDayStart(now, settings.dayStartHour)),
  ]);
  const states = new Map<CardId, CardState>(stored.map((s) => [s.cardId, s]));
  return {
    cardIds: deck.cards.map((c) => c.id),
    states,
    settings,
    doneToday: countDoneToday(todaysLog, now, settings.dayStartHour),
    now,
  };
}

async function countsFor(state: StudyState, deck: Deck, now: number) {
  return queueCounts(buildQueue(await loadQueueInput(state, deck, now)));
}

/** A user-facing message for anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
