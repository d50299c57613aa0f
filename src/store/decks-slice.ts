import { messageOf } from '../domain/errors';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import type { UserDeck } from '../domain/deck/user-deck';
import type { DeckId } from '../domain/ids';
import { buildQueue, queueCounts } from '../domain/queue/queue';
import { forgetReadsStaledBy } from './announce-write';
import { prefetchDueRows, type PrefetchedDueRows } from './queue-reads';
import { ancestorsOf, deckTreeOf, readStudyQueueInput, studyDeckOf } from './deck-family';
import type { SliceCreator, StudyState } from './study-store';
import type { DeckEntry, DeckListing } from './types';
import type { StorageChange } from '../storage/change-feed';

export interface DecksSlice {
  readonly deckEntries: readonly DeckEntry[];
  /** Why the deck list itself could not be read (each deck's own errors live on its entry). */
  readonly deckListError: string | null;
  /** True once the list of decks is known (each entry may still be loading its deck and counts). */
  readonly isDeckListLoaded: boolean;
  readonly decks: ReadonlyMap<DeckId, Deck>;
  /**
   * Fetches the bundled deck list and reads the user's own decks, then loads every deck and its
   * counts; one broken deck (or an unreachable bundled list) never hides the others.
   */
  loadDecks(): Promise<void>;
  /** Recomputes one deck's new/learning/due counts from storage. */
  refreshCounts(deckId: DeckId): Promise<void>;
  /** Recomputes every deck's counts (after a change to the settings, which shape every queue). */
  refreshAllCounts(): Promise<void>;
  /** Re-reads what another tab changed (see storage/change-feed.ts), so both tabs show the same. */
  followOtherTab(change: StorageChange): Promise<void>;
}

/** True once every deck in the list has its counts or its error: the home screen stops changing shape. */
export const isDeckListSettled = (state: Pick<DecksSlice, 'isDeckListLoaded' | 'deckEntries'>): boolean =>
  state.isDeckListLoaded && state.deckEntries.every((entry) => entry.status !== 'loading');

export const createDecksSlice: SliceCreator<DecksSlice> = (set, get, deps) => {
  const replaceEntry = (entry: DeckEntry) =>
    set((s) => ({ deckEntries: s.deckEntries.map((e) => (e.listing.id === entry.listing.id ? entry : e)) }));

  return {
    // The prerendered page lists these; the first render (which hydrates it) must list them too.
    deckEntries: (deps.prerenderedDecks ?? []).map((listing) => ({ status: 'loading', listing })),
    deckListError: null,
    isDeckListLoaded: false,
    decks: new Map(),

    async loadDecks() {
      const { decks: userDecks, error: userDeckError } = await readUserDecks(get());
      let listings: readonly DeckListing[] = [];
      let deckListError: string | null = userDeckError === null ? null : `your own decks could not be read (${userDeckError}).`;
      try {
        listings = await deps.deckSource.listDecks();
      } catch (error) {
        deckListError = [messageOf(error), deckListError].filter((part) => part !== null).join(' Also, ');
      }
      const userListings = userDecks.map(userDeckListing);
      const decks = new Map(get().decks);
      // Drop user decks that were deleted since the last load; bundled ones are re-added below.
      for (const id of decks.keys()) if (!userDecks.some((d) => d.id === id) && !get().bundledOverlays.has(id)) decks.delete(id);
      for (const deck of userDecks) decks.set(deck.id, deck);
      set({
        deckListError,
        isDeckListLoaded: true,
        decks,
        deckEntries: [...listings, ...userListings].map((listing) => ({ status: 'loading', listing })),
      });
      // A deck deleted elsewhere (another tab, or another device through sync) takes its session
      // with it, in the same turn as it leaves the list: nothing may study a deck that is gone.
      const studied = get().session?.deckId;
      if (studied !== undefined && !decks.has(studied)) get().leaveSession();
      await Promise.all([
        ...listings.map(async (listing) => {
          try {
            // Started after anything written before this load, so the counts may use it.
            const dueRows = prefetchDueRows(get(), listing.id, deps.clock());
            const deck = await deps.deckSource.loadDeck(listing);
            // A deck with the student's versions open keeps showing them; they are re-read, as
            // another tab or a sync may have changed them.
            const hasOverlay = get().bundledOverlays.has(deck.id);
            if (!hasOverlay) set((s) => ({ decks: new Map(s.decks).set(deck.id, deck) }));
            else void get().openBundledOverlay(deck.id).catch(() => undefined);
            replaceEntry({ status: 'ready', listing, counts: await countsFor(get(), deck, deps.clock(), dueRows) });
          } catch (error) {
            replaceEntry({ status: 'error', listing, error: messageOf(error) });
          }
        }),
        ...userDecks.map(async (deck, index) => {
          const listing = userListings[index]!;
          try {
            replaceEntry({ status: 'ready', listing, counts: await countsFor(get(), deck, deps.clock()) });
          } catch (error) {
            replaceEntry({ status: 'error', listing, error: messageOf(error) });
          }
        }),
      ]);
      // A parent's counts were read while some of its subdecks may still have been loading.
      const { children } = deckTreeOf(get());
      await Promise.all([...children.keys()].map((deckId) => get().refreshCounts(deckId)));
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

    async refreshAllCounts() {
      await Promise.all(get().deckEntries.map((entry) => get().refreshCounts(entry.listing.id)));
    },

    async followOtherTab(change) {
      forgetReadsStaledBy(get().repository, change);
      if (change.kind === 'progress') {
        await Promise.all([change.deckId, ...ancestorsOf(get(), change.deckId)].map((deckId) => get().refreshCounts(deckId)));
      } else if (change.kind === 'library') {
        await get().loadDecks();
      } else {
        const { settingsRepository } = get();
        if (!settingsRepository) return;
        try {
          set({ settings: await settingsRepository.loadSettings() });
        } catch {
          // Unreadable here too: keep the settings this tab has.
        }
        await get().loadPreferences();
        await get().refreshAllCounts();
      }
    },
  };
};

/** The user's decks, by title; unreadable storage shows no user decks (and says why), never no decks at all. */
async function readUserDecks(state: StudyState): Promise<{ decks: UserDeck[]; error: string | null }> {
  if (!state.userDecks) return { decks: [], error: null };
  try {
    const decks = await state.userDecks.listDecks();
    return { decks: decks.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1)), error: null };
  } catch (error) {
    return { decks: [], error: messageOf(error) };
  }
}

/** The deck-list row of a user deck: an index entry marked with where it came from. */
function userDeckListing(deck: UserDeck): DeckListing {
  return { ...deckIndexEntry(deck), origin: deck.origin };
}

/** The deck's counts; a deck with subdecks counts theirs too, as studying it includes them. */
async function countsFor(state: StudyState, deck: Deck, now: number, prefetched: PrefetchedDueRows | null = null) {
  const study = studyDeckOf(state, deck.id) ?? { deck, members: [deck], deckOf: () => deck.id };
  return queueCounts(buildQueue(await readStudyQueueInput(state, study, now, false, prefetched).full));
}

