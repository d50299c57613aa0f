/**
 * The actions on the student's versions of a bundled deck's cards (authoring-slice.ts
 * OverlayActions), lazily loaded with the authoring actions (their chunk): only a study session,
 * the deck page and the card list of a bundled deck load it. Each computes content events with the domain (domain/authoring/overlay.ts)
 * over the lecturer's deck as this build ships it, appends them through the content repository in
 * one transaction, then shows the new overlay: `decks` gets the student's versions, so the study
 * screen shows them at once. Progress is keyed by (deckId, cardId) and is never touched.
 */
import type { CardDraft, EventEnvelope } from '../domain/authoring/commands';
import { editBundledCardEvents, keepMineEvents, overlayBundledDeck, resetCardEvents } from '../domain/authoring/overlay';
import type { ContentEvent } from '../domain/authoring/types';
import type { Deck } from '../domain/deck/types';
import type { CardId, DeckId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { announceWrite } from './announce-write';
import type { BundledOverlay, OverlayActions } from './authoring-slice';
import type { SliceCreator, StudyState } from './study-store';

function requireContent(state: StudyState): ContentRepository {
  if (!state.contentRepository || !state.repository) throw new Error('Storage is not open yet.');
  return state.contentRepository;
}

/** The lecturer's deck: the one kept with its overlay, or the bundled deck the list loaded. */
function lecturerDeck(state: StudyState, deckId: DeckId): Deck | null {
  const known = state.bundledOverlays.get(deckId);
  if (known) return known.lecturer;
  const entry = state.deckEntries.find((e) => e.listing.id === deckId);
  // Only a bundled deck (no origin) has a lecturer; the student's own decks are edited as authored decks.
  if (!entry || entry.listing.origin !== undefined) return null;
  return state.decks.get(deckId) ?? null;
}

export const createOverlayActions: SliceCreator<OverlayActions> = (set, get, deps) => {
  function envelope(): EventEnvelope {
    const repository = get().repository;
    if (!repository) throw new Error('Storage is not open yet.');
    return { newId: (at) => repository.newEventId(at), deviceId: repository.deviceId, now: deps.clock() };
  }

  function show(lecturer: Deck, events: readonly ContentEvent[]): BundledOverlay {
    const opened: BundledOverlay = { lecturer, overlay: overlayBundledDeck(lecturer, events) };
    set((s) => ({
      bundledOverlays: new Map(s.bundledOverlays).set(lecturer.id, opened),
      decks: new Map(s.decks).set(lecturer.id, opened.overlay.deck),
    }));
    return opened;
  }

  async function open(deckId: DeckId): Promise<BundledOverlay> {
    const lecturer = lecturerDeck(get(), deckId);
    if (!lecturer) throw new Error('Only the cards of a bundled deck have a lecturer version to keep or reset.');
    return show(lecturer, await requireContent(get()).loadContentEvents(deckId));
  }

  /** Appends the events made from the overlay as it is in storage now, then shows the new one. */
  async function commit(deckId: DeckId, make: (made: EventEnvelope, opened: BundledOverlay) => ContentEvent[]): Promise<void> {
    const opened = await open(deckId);
    const events = make(envelope(), opened);
    if (events.length === 0) return;
    await requireContent(get()).appendContent(events);
    show(opened.lecturer, await requireContent(get()).loadContentEvents(deckId));
    announceWrite(get(), deps, { kind: 'library' });
  }

  return {
    async openBundledOverlay(deckId) {
      return lecturerDeck(get(), deckId) === null ? null : open(deckId);
    },

    editBundledCard: (deckId: DeckId, cardId: CardId, draft: CardDraft) =>
      commit(deckId, (made, { lecturer, overlay }) => editBundledCardEvents(made, lecturer, overlay, cardId, draft)),

    keepMyCard: (deckId, cardId) => commit(deckId, (made, { lecturer }) => keepMineEvents(made, lecturer, cardId)),

    resetBundledCard: (deckId, cardId) =>
      commit(deckId, (made, { lecturer, overlay }) => (overlay.cards.has(cardId) ? resetCardEvents(made, lecturer, cardId) : [])),
  };
};
