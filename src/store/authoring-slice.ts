/**
 * Decks and cards written in the app: the state, and actions whose code loads with the first one
 * used (authoring-actions.ts), so the deck list and study carry none of it. Each action computes
 * the content events with the domain from the deck as its events leave it, appends them through
 * storage in one transaction (which also rewrites the deck's cached row), and only then updates
 * the deck in the store. A failed write throws a StorageError and changes nothing here.
 */
import type { CardDraft } from '../domain/authoring/commands';
import type { AuthoredDeck } from '../domain/authoring/content-replay';
import type { Deck } from '../domain/deck/types';
import type { CardId, DeckId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

export interface AuthoringSlice extends AuthoringActions {
  /** Null until hydrate() has opened storage. */
  readonly contentRepository: ContentRepository | null;
  /** Authored decks as the editor needs them (with card positions), loaded by openAuthoredDeck. */
  readonly authoredDecks: ReadonlyMap<DeckId, AuthoredDeck>;
}

export interface AuthoringActions {
  /** Creates an empty deck of the student's own, a subdeck of `parent` when given; resolves with its id. */
  createAuthoredDeck(title: string, description: string, parent?: DeckId | null): Promise<DeckId>;
  /** Loads an authored deck for the editor; null when the deck was not written in the app. */
  openAuthoredDeck(deckId: DeckId): Promise<AuthoredDeck | null>;
  /** Saves the deck's details; `parent` (null: top level) only when given. Refuses a parent that would make a cycle. */
  editAuthoredDeck(deckId: DeckId, title: string, description: string, parent?: DeckId | null): Promise<void>;
  /** Adds cards at the end of the deck, in order; resolves with their new ids. */
  addCards(deckId: DeckId, drafts: readonly CardDraft[]): Promise<CardId[]>;
  /** Saves the changed fields of a card; its id, and so its progress, stay. */
  editCard(deckId: DeckId, cardId: CardId, draft: CardDraft): Promise<void>;
  /** Takes the card out of the deck and the queue; its reviews stay in the log. */
  deleteCard(deckId: DeckId, cardId: CardId): Promise<void>;
  /** Puts the card at `toIndex` (0-based) of its deck. */
  reorderCard(deckId: DeckId, cardId: CardId, toIndex: number): Promise<void>;
  /** Moves the card to the end of another authored deck, with its progress. */
  moveCardToDeck(fromDeckId: DeckId, toDeckId: DeckId, cardId: CardId): Promise<void>;
  /** Makes an authored deck equal a deck file of the same id imported again, as content events. */
  importOverAuthoredDeck(deckId: DeckId, incoming: Deck): Promise<void>;
  /** How many reviews the card has, for the delete confirmation. */
  countCardReviews(deckId: DeckId, cardId: CardId): Promise<number>;
}


export const createAuthoringSlice: SliceCreator<AuthoringSlice> = (set, get, deps) => {
  const actions = lazyActions(() => import('./authoring-actions').then((m): AuthoringActions => m.createAuthoringActions(set, get, deps)));
  return {
    contentRepository: null,
    authoredDecks: new Map(),
    createAuthoredDeck: async (title, description, parent) => (await actions()).createAuthoredDeck(title, description, parent),
    openAuthoredDeck: async (deckId) => (await actions()).openAuthoredDeck(deckId),
    editAuthoredDeck: async (deckId, title, description, parent) => (await actions()).editAuthoredDeck(deckId, title, description, parent),
    addCards: async (deckId, drafts) => (await actions()).addCards(deckId, drafts),
    editCard: async (deckId, cardId, draft) => (await actions()).editCard(deckId, cardId, draft),
    deleteCard: async (deckId, cardId) => (await actions()).deleteCard(deckId, cardId),
    reorderCard: async (deckId, cardId, toIndex) => (await actions()).reorderCard(deckId, cardId, toIndex),
    moveCardToDeck: async (fromDeckId, toDeckId, cardId) => (await actions()).moveCardToDeck(fromDeckId, toDeckId, cardId),
    importOverAuthoredDeck: async (deckId, incoming) => (await actions()).importOverAuthoredDeck(deckId, incoming),
    countCardReviews: async (deckId, cardId) => (await actions()).countCardReviews(deckId, cardId),
  };
};
