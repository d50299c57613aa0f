import type { CardId, DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import { forwardActions, lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

/** The card browser's view of one deck's stored states. */
export interface BrowsedDeck {
  readonly deckId: DeckId;
  readonly states: ReadonlyMap<CardId, CardState>;
}

export interface CardHistory {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  /** Oldest first. Kept after a reset, since the review log is append-only. */
  readonly entries: readonly ReviewLogEntry[];
}

export interface BrowseSlice {
  readonly browsed: BrowsedDeck | null;
  /** The last failed browser read or write; the card was left as it was. */
  readonly browseError: string | null;
  readonly cardHistory: CardHistory | null;
  loadBrowser(deckId: DeckId): Promise<void>;
  setCardSuspended(deckId: DeckId, cardId: CardId, isSuspended: boolean): Promise<void>;
  /** Forgets the card's progress so it is new again; its review history is kept. */
  resetCardProgress(deckId: DeckId, cardId: CardId): Promise<void>;
  loadCardHistory(deckId: DeckId, cardId: CardId): Promise<void>;
  closeCardHistory(): void;
}

/** The slice's actions but closing the history, which loads nothing. */
export type BrowseActions = Pick<BrowseSlice, 'loadBrowser' | 'setCardSuspended' | 'resetCardProgress' | 'loadCardHistory'>;

export const createBrowseSlice: SliceCreator<BrowseSlice> = (set, get, deps) => {
  const actions = lazyActions(() => import('./browse-actions').then((m): BrowseActions => m.browseActions(set, get, deps)));
  return {
    browsed: null,
    browseError: null,
    cardHistory: null,
    ...forwardActions<BrowseActions>(actions, { loadBrowser: true, setCardSuspended: true, resetCardProgress: true, loadCardHistory: true }),
    closeCardHistory() {
      set({ cardHistory: null });
    },
  };
};
