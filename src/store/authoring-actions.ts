/**
 * The actions of authoring-slice.ts, in their own chunk. Each action computes the content events with the domain
 * (domain/authoring/commands.ts) from the deck as its events leave it, appends them through
 * storage in one transaction (which also rewrites the deck's cached row), and only then updates
 * the deck in the store, so the study screen, browse and the deck list show the change at once.
 * A failed write throws a StorageError (with a message for the user) and changes nothing here.
 */
import {
  addCardEvents,
  createDeckEvents,
  deleteCardEvents,
  editCardEvents,
  editDeckEvents,
  importOverEvents,
  moveCardToDeckEvents,
  newAuthoredDeckId,
  reorderCardEvents,
  type EventEnvelope,
} from '../domain/authoring/commands';
import { checkCardImageType, checkImageBudget, uniqueImageName } from '../domain/authoring/card-images';
import { noteCardIds, studyDeckOf } from '../domain/authoring/cloze-notes';
import type { AuthoredDeck } from '../domain/authoring/content-replay';
import type { ContentEvent } from '../domain/authoring/types';
import { deckIndexEntry } from '../domain/deck/deck-index';
import { parentCandidates } from '../domain/deck/deck-tree';
import { isUserDeckId } from '../domain/deck/user-deck';
import type { UserDeck } from '../domain/deck/user-deck';
import type { CardEvent } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { announceWrite } from './announce-write';
import type { SliceCreator, StudyState } from './study-store';
import type { AuthoringActions, OverlayActions } from './authoring-slice';
import { measureSince, performanceNow } from './user-timing';

/** User Timing entry for saving one card (events appended, deck replayed and cached), in ms. */
// The overlay actions on bundled decks share this chunk (authoring-slice.ts).
export { createOverlayActions } from './overlay-actions';

export const CARD_SAVE_MEASURE = 'flipdeck:card-save';


const randomSuffix = (randomBytes: (length: number) => Uint8Array) =>
  Array.from(randomBytes(6), (byte) => '0123456789abcdefghjkmnpqrstvwxyz'[byte % 32]).join('');

function requireContent(state: StudyState): ContentRepository {
  if (!state.contentRepository || !state.repository) throw new Error('Storage is not open yet.');
  return state.contentRepository;
}

/** The authoring actions; loaded with the first of them (authoring-slice.ts). */
export const createAuthoringActions: SliceCreator<Omit<AuthoringActions, keyof OverlayActions>> = (set, get, deps) => {
  const randomBytes = deps.randomBytes ?? ((length: number) => crypto.getRandomValues(new Uint8Array(length)));

  function envelope(): EventEnvelope {
    const repository = get().repository;
    if (!repository) throw new Error('Storage is not open yet.');
    return { newId: (at) => repository.newEventId(at), deviceId: repository.deviceId, now: deps.clock() };
  }

  /** The deck as its events leave it: the store's copy, or storage's when the editor has not opened it yet. */
  async function current(deckId: DeckId): Promise<AuthoredDeck> {
    const known = get().authoredDecks.get(deckId) ?? (await get().openAuthoredDeck(deckId));
    if (!known) throw new Error('This deck was not written in Flipdeck, so its cards cannot be edited here.');
    return known;
  }

  /** Checks a chosen parent: another of the student's decks, not the deck itself or one of its subdecks. */
  function checkParent(deckId: DeckId | null, parent: DeckId | null | undefined): void {
    if (parent === undefined || parent === null) return;
    const userDecks = get().deckEntries.map((entry) => entry.listing).filter((listing) => isUserDeckId(listing.id));
    if (!parentCandidates(userDecks, deckId).includes(parent)) throw new Error('That deck cannot be the parent: it is this deck, one of its subdecks, or not one of your decks.');
  }

  /** Writes the events, then shows every deck they changed. */
  async function commit(events: readonly ContentEvent[], cardEvents: readonly CardEvent[] = [], base?: AuthoredDeck): Promise<void> {
    if (events.length === 0) return;
    const startMs = performanceNow();
    const replayed = await requireContent(get()).appendContent(events, cardEvents, base);
    measureSince(CARD_SAVE_MEASURE, startMs);
    show(replayed);
    announceWrite(get(), deps, { kind: 'library' });
    await Promise.all([...replayed.keys()].map((deckId) => get().refreshCounts(deckId)));
  }

  function show(replayed: ReadonlyMap<DeckId, AuthoredDeck | null>) {
    set((s) => {
      const authoredDecks = new Map(s.authoredDecks);
      const decks = new Map(s.decks);
      let deckEntries = s.deckEntries;
      for (const [deckId, authored] of replayed) {
        if (authored === null) continue;
        authoredDecks.set(deckId, authored);
        const deck: UserDeck = { ...studyDeckOf(authored.deck), origin: 'authored', createdAt: authored.createdAt, updatedAt: authored.updatedAt };
        decks.set(deckId, deck);
        const listing = { ...deckIndexEntry(deck), origin: deck.origin };
        deckEntries = deckEntries.map((entry) => (entry.listing.id === deckId ? { ...entry, listing } : entry));
      }
      return { authoredDecks, decks, deckEntries };
    });
  }

  return {
    async createAuthoredDeck(title, description, parent = null) {
      checkParent(null, parent);
      const deckId = newAuthoredDeckId(title, randomSuffix(randomBytes));
      const events = createDeckEvents(envelope(), deckId, title, description, parent);
      const replayed = await requireContent(get()).appendContent(events);
      announceWrite(get(), deps, { kind: 'library' });
      await get().loadDecks();
      show(replayed);
      return deckId;
    },

    async openAuthoredDeck(deckId) {
      const authored = await requireContent(get()).loadAuthoredDeck(deckId);
      if (authored) set((s) => ({ authoredDecks: new Map(s.authoredDecks).set(deckId, authored) }));
      return authored;
    },

    async editAuthoredDeck(deckId, title, description, parent) {
      checkParent(deckId, parent);
      const base = await current(deckId);
      const events = editDeckEvents(envelope(), base, title, description, parent);
      await commit(events, [], base);
      // The deck list's tree (subdecks under their parent) is built when the decks load.
      if (events.some((event) => event.kind === 'deck-edited' && event.parent !== undefined)) await get().loadDecks();
    },

    async addCards(deckId, drafts) {
      const base = await current(deckId);
      const events = addCardEvents(envelope(), base, drafts);
      await commit(events, [], base);
      return events.flatMap((event) => (event.kind === 'card-created' ? [event.cardId] : []));
    },

    async editCard(deckId, cardId, draft) {
      const base = await current(deckId);
      await commit(editCardEvents(envelope(), base, cardId, draft), [], base);
    },

    async deleteCard(deckId, cardId) {
      const base = await current(deckId);
      await commit(deleteCardEvents(envelope(), base, cardId), [], base);
    },

    async reorderCard(deckId, cardId, toIndex) {
      const base = await current(deckId);
      await commit(reorderCardEvents(envelope(), base, cardId, toIndex), [], base);
    },

    async moveCardToDeck(fromDeckId, toDeckId, cardId) {
      const made = envelope();
      const from = await current(fromDeckId);
      const events = moveCardToDeckEvents(made, from, await current(toDeckId), cardId);
      // Progress is keyed by (deck, card): each studied card of the note (one, or one per cloze
      // number) takes its state along as a snapshot in the new deck. Its reviews stay in the log
      // under the deck they were made in.
      const note = from.deck.cards.find((card) => card.id === cardId);
      const studied = new Set<string>(note === undefined ? [cardId] : noteCardIds(note));
      const states = (await get().repository!.loadDeckStates(fromDeckId)).filter((s) => studied.has(s.cardId));
      const snapshot: CardEvent[] = states.map((state) => ({
        id: made.newId(made.now),
        deviceId: made.deviceId,
        createdAt: made.now,
        deckId: toDeckId,
        cardId: state.cardId,
        kind: 'snapshot',
        state: { ...state, deckId: toDeckId },
      }));
      await commit(events, snapshot);
    },

    async importOverAuthoredDeck(deckId, incoming) {
      const base = await current(deckId);
      await commit(importOverEvents(envelope(), base, incoming), [], base);
    },

    async countCardReviews(deckId, cardId) {
      // A cloze note's reviews are those of each of its cards.
      const note = get().authoredDecks.get(deckId)?.deck.cards.find((card) => card.id === cardId);
      const studied = note === undefined ? [cardId] : noteCardIds(note);
      const counts = await Promise.all(studied.map((id) => requireContent(get()).countCardReviews(deckId, id)));
      return counts.reduce((sum, count) => sum + count, 0);
    },

    async addCardImage(deckId, image) {
      checkCardImageType(image.fileName, image.mimeType);
      await current(deckId);
      const userDecks = get().userDecks;
      if (!userDecks) throw new Error('Storage is not open yet.');
      // Named and budgeted inside the write, against what is stored then, so two adds never share a name.
      return userDecks.addMedia(deckId, (stored) => {
        checkImageBudget(image.fileName, image.bytes.byteLength, stored.reduce((sum, file) => sum + file.byteLength, 0));
        const name = uniqueImageName(image.fileName, image.mimeType, new Set(stored.map((file) => file.name)));
        return { name, mimeType: image.mimeType, bytes: image.bytes };
      });
    },
  };
};
