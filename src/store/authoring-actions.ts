/**
 * The actions of authoring-slice.ts, in their own chunk. Each action computes the content events with the domain
 * (domain/authoring/commands.ts) from the deck as its events leave it and appends them through
 * storage in one transaction (which also rewrites the deck's cached row). Every write goes through
 * one commit queue (grade-commits.ts), in the order the changes were made. A change to a card is
 * shown in the store before its write (the deck after it, applyNewerContentEvents), so the editor,
 * the study screen, browse and the deck list show it at once and the editor is ready for the next
 * card without waiting on the disk; the other actions wait for their write. A failed write throws a
 * StorageError (with a message for the user); the writes queued behind it are cancelled, and the
 * decks they touched are read again from storage, so the store never shows what was not saved. */
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
import { applyNewerContentEvents, touchedDecks, type AuthoredDeck } from '../domain/authoring/content-replay';
import type { ContentEvent } from '../domain/authoring/types';
import { deckIndexEntry } from '../domain/deck/deck-index';
import { parentCandidates } from '../domain/deck/deck-tree';
import { isUserDeckId } from '../domain/deck/user-deck';
import type { UserDeck } from '../domain/deck/user-deck';
import type { CardEvent } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { announceWrite } from './announce-write';
import { createCommitQueue } from './grade-commits';
import type { SliceCreator, StudyState } from './study-store';
import type { AuthoringActions, CardWrite, OverlayActions } from './authoring-slice';
import { measureSince, performanceNow } from './user-timing';

// The overlay actions on bundled decks share this chunk (authoring-slice.ts).
export { createOverlayActions } from './overlay-actions';

/**
 * User Timing entry for the durable write of one content change (events appended, deck cached, in
 * one transaction), from when its commit starts (not while it waits its turn), in ms.
 */
export const CARD_SAVE_MEASURE = 'flipdeck:card-save';

/** Why a change queued behind a failed one was not written. */
const CANCELLED_MESSAGE = 'This change was not saved, because a change made before it could not be saved.';


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

  // One at a time, in order: a change's events are computed from the deck as the changes before it leave it.
  const commits = createCommitQueue((pendingCardSaves) => set({ pendingCardSaves }));
  /** Per deck, the deck its latest change shown before its write makes; dropped when that write lands or fails. */
  const shownAhead = new Map<DeckId, AuthoredDeck>();
  /** The study deck show() made of each authored deck, so a deck already shown is not set again. */
  const studyDecks = new WeakMap<AuthoredDeck, UserDeck>();

  /**
   * Queues the write of the events and, once it is durable, shows every deck they changed and
   * resolves with them. `base` is the deck they were computed from and `after` the deck they make
   * of it, when the caller has shown it already. When the write fails or is cancelled, the decks
   * they touch are read again from storage and shown as stored, then the error is thrown.
   */
  async function commit(events: readonly ContentEvent[], cardEvents: readonly CardEvent[] = [], base?: AuthoredDeck, after?: AuthoredDeck): Promise<ReadonlyMap<DeckId, AuthoredDeck | null>> {
    if (events.length === 0) return new Map();
    const outcome = await commits.enqueue(async () => {
      const startMs = performanceNow();
      const replayed = await requireContent(get()).appendContent(events, cardEvents, base, after);
      measureSince(CARD_SAVE_MEASURE, startMs);
      return replayed;
    });
    if (outcome.status === 'saved') {
      // Storage's result is shown unless a later change, not written yet, is shown on top of it
      // (its own write shows it). Shown again even when it is what was shown before the write:
      // a read that began before the write (the editor opening the deck, the deck list reloading)
      // may have put the stored deck, without this change, in the store since.
      const latest = new Map([...outcome.value].filter(([deckId]) => (shownAhead.get(deckId) ?? after) === after));
      for (const deckId of latest.keys()) if (after !== undefined && shownAhead.get(deckId) === after) shownAhead.delete(deckId);
      show(latest);
      announceWrite(get(), deps, { kind: 'library' });
      await Promise.all([...outcome.value.keys()].map((deckId) => get().refreshCounts(deckId)));
      return outcome.value;
    }
    // Storage holds none of these events: show each deck as it holds it (left as shown if it cannot be read either).
    for (const deckId of touchedDecks(events)) shownAhead.delete(deckId);
    const stored = await Promise.all([...touchedDecks(events)].map(async (deckId) => [deckId, await requireContent(get()).loadAuthoredDeck(deckId).catch(() => null)] as const));
    show(new Map(stored));
    throw outcome.status === 'failed' ? outcome.error : new Error(CANCELLED_MESSAGE);
  }

  /**
   * Shows a card's change at once and queues its write (CardWrite.saved). A change the deck in the
   * store cannot take without its history (applyNewerContentEvents gives null) shows once written.
   */
  async function stage(deckId: DeckId, make: (made: EventEnvelope, base: AuthoredDeck) => ContentEvent[]): Promise<{ readonly events: readonly ContentEvent[]; readonly saved: Promise<void> }> {
    const base = await current(deckId);
    const events = make(envelope(), base);
    const after = events.length === 0 ? null : applyNewerContentEvents(base, events);
    if (after !== null) {
      shownAhead.set(deckId, after);
      show(new Map([[deckId, after]]));
    }
    const saved = commit(events, [], base, after ?? undefined).then(() => undefined);
    return { events, saved };
  }

  /** Shows the decks, skipping those the store already shows as they are (in both maps). */
  function show(replayed: ReadonlyMap<DeckId, AuthoredDeck | null>) {
    set((s) => {
      const isShown = (deckId: DeckId, authored: AuthoredDeck) => s.authoredDecks.get(deckId) === authored && s.decks.get(deckId) === studyDecks.get(authored);
      const changed = [...replayed].filter((entry): entry is [DeckId, AuthoredDeck] => entry[1] !== null && !isShown(entry[0], entry[1]));
      if (changed.length === 0) return s;
      const authoredDecks = new Map(s.authoredDecks);
      const decks = new Map(s.decks);
      let deckEntries = s.deckEntries;
      for (const [deckId, authored] of changed) {
        authoredDecks.set(deckId, authored);
        const deck: UserDeck = { ...studyDeckOf(authored.deck), origin: 'authored', createdAt: authored.createdAt, updatedAt: authored.updatedAt };
        studyDecks.set(authored, deck);
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
      const replayed = await commit(events);
      await get().loadDecks();
      show(replayed);
      return deckId;
    },

    async openAuthoredDeck(deckId) {
      const authored = await requireContent(get()).loadAuthoredDeck(deckId);
      // With a change shown and not written yet, storage's deck lacks it: the store's is the newer.
      const ahead = shownAhead.get(deckId);
      if (ahead !== undefined) return get().authoredDecks.get(deckId) ?? ahead;
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

    async writeCard(deckId, cardId, draft): Promise<CardWrite> {
      const { events, saved } = await stage(deckId, (made, base) => (cardId === null ? addCardEvents(made, base, [draft]) : editCardEvents(made, base, cardId, draft)));
      const created = events.find((event) => event.kind === 'card-created');
      return { cardId: created?.kind === 'card-created' ? created.cardId : cardId!, saved };
    },

    async addCards(deckId, drafts) {
      const { events, saved } = await stage(deckId, (made, base) => addCardEvents(made, base, drafts));
      await saved;
      return events.flatMap((event) => (event.kind === 'card-created' ? [event.cardId] : []));
    },

    async editCard(deckId, cardId, draft) {
      await (await stage(deckId, (made, base) => editCardEvents(made, base, cardId, draft))).saved;
    },

    async deleteCard(deckId, cardId) {
      await (await stage(deckId, (made, base) => deleteCardEvents(made, base, cardId))).saved;
    },

    async reorderCard(deckId, cardId, toIndex) {
      await (await stage(deckId, (made, base) => reorderCardEvents(made, base, cardId, toIndex))).saved;
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
