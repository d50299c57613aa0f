/**
 * Decks and cards written in the app: the state, and actions whose code loads with the first one
 * used (authoring-actions.ts), so the deck list and study carry none of it. Each action computes
 * the content events with the domain from the deck as its events leave it and appends them through
 * storage in one transaction (which also rewrites the deck's cached row). A card's change is shown
 * at once and written behind it, in order, as grades are (grade-commits.ts); it counts as saved
 * only once its write has completed, and a failed write shows storage's deck again and says so.
 */
import type { CardDraft } from '../domain/authoring/commands';
import type { AuthoredDeck } from '../domain/authoring/content-replay';
import type { DeckOverlay } from '../domain/authoring/overlay';
import type { Deck } from '../domain/deck/types';
import type { ImportedMedia } from '../domain/import/imported-deck';
import type { CardId, DeckId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { forwardActions, lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

export interface AuthoringSlice extends AuthoringActions {
  /** Null until hydrate() has opened storage. */
  readonly contentRepository: ContentRepository | null;
  /** Authored decks as the editor needs them (with card positions), loaded by openAuthoredDeck. */
  readonly authoredDecks: ReadonlyMap<DeckId, AuthoredDeck>;
  /**
   * Bundled decks with the student's versions of their cards (overlay.ts), by deck id, loaded by
   * openBundledOverlay. While one is loaded, `decks` holds its `overlay.deck`, so study and browse
   * show the student's versions; `lecturer` is the deck as this build ships it.
   */
  readonly bundledOverlays: ReadonlyMap<DeckId, BundledOverlay>;
  /** Content writes queued or being written: shown, not yet saved. */
  readonly pendingCardSaves: number;
}

/** A card's change as writeCard shows it: the card's id, and the write that makes it saved. */
export interface CardWrite {
  readonly cardId: CardId;
  /**
   * Resolves once the change is durably stored. Rejects when its write failed, or was cancelled
   * because one queued before it failed; the store then shows the deck as storage holds it.
   */
  readonly saved: Promise<void>;
}

/** A bundled deck as the build ships it, and the student's versions over it. */
export interface BundledOverlay {
  readonly lecturer: Deck;
  readonly overlay: DeckOverlay;
}

/** Actions on the student's versions of a bundled deck's cards (overlay-actions.ts). */
export interface OverlayActions {
  /**
   * Reads the student's versions of bundled deck `deckId`'s cards and shows them (`decks`). Null
   * when `deckId` is not a loaded bundled deck.
   */
  openBundledOverlay(deckId: DeckId): Promise<BundledOverlay | null>;
  /** Saves the student's version of a bundled card, over the lecturer's as this build ships it. */
  editBundledCard(deckId: DeckId, cardId: CardId, draft: CardDraft): Promise<void>;
  /** "Keep mine": the student's version stays, and the notice that the lecturer changed the card goes. */
  keepMyCard(deckId: DeckId, cardId: CardId): Promise<void>;
  /** "Take the lecturer's" or "Reset to the lecturer's version": the student's version goes. */
  resetBundledCard(deckId: DeckId, cardId: CardId): Promise<void>;
}

export interface AuthoringActions extends OverlayActions {
  /** Creates an empty deck of the student's own, a subdeck of `parent` when given; resolves with its id. */
  createAuthoredDeck(title: string, description: string, parent?: DeckId | null): Promise<DeckId>;
  /** Loads an authored deck for the editor; null when the deck was not written in the app. */
  openAuthoredDeck(deckId: DeckId): Promise<AuthoredDeck | null>;
  /** Saves the deck's details; `parent` (null: top level) only when given. Refuses a parent that would make a cycle. */
  editAuthoredDeck(deckId: DeckId, title: string, description: string, parent?: DeckId | null): Promise<void>;
  /**
   * Adds a card (`cardId` null) or saves a card's changed fields, shown in the store at once: resolves
   * as soon as the change shows, with its write still running (CardWrite.saved). Rejects, showing and
   * writing nothing, when the draft is not a card (CardDraftError).
   */
  writeCard(deckId: DeckId, cardId: CardId | null, draft: CardDraft): Promise<CardWrite>;
  /** Adds cards at the end of the deck, in order; resolves with their new ids once saved. */
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
  /**
   * Stores an image for the deck's cards, already scaled down by the editor, with the deck's other
   * media; resolves with the stored file (its unique name). Throws CardImageError, with the message
   * for the student, for a type a card cannot hold or an image over the budgets (card-images.ts).
   */
  addCardImage(deckId: DeckId, image: CardImageUpload): Promise<ImportedMedia>;
}

/** An image the editor prepared: the name it came with (empty when pasted), its type and bytes. */
export interface CardImageUpload {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}


export const createAuthoringSlice: SliceCreator<AuthoringSlice> = (set, get, deps) => {
  // One chunk for both sets of actions: a second dynamic import costs the first visit more than the shared code.
  const chunk = lazyActions(() => import('./authoring-actions'));
  const actions = lazyActions(() => chunk().then((m) => m.createAuthoringActions(set, get, deps)));
  const overlays = lazyActions(() => chunk().then((m) => m.createOverlayActions(set, get, deps)));
  return {
    contentRepository: null,
    authoredDecks: new Map(),
    bundledOverlays: new Map(),
    pendingCardSaves: 0,
    ...forwardActions<Omit<AuthoringActions, keyof OverlayActions>>(actions, {
      createAuthoredDeck: true,
      openAuthoredDeck: true,
      editAuthoredDeck: true,
      writeCard: true,
      addCards: true,
      editCard: true,
      deleteCard: true,
      reorderCard: true,
      moveCardToDeck: true,
      importOverAuthoredDeck: true,
      countCardReviews: true,
      addCardImage: true,
    }),
    ...forwardActions<OverlayActions>(overlays, { openBundledOverlay: true, editBundledCard: true, keepMyCard: true, resetBundledCard: true }),
  };
};
