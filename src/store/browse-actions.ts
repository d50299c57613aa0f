/**
 * The card browser's actions, loaded with the browser: the deck list never runs them.
 * browse-slice.ts forwards to these.
 */
import type { CardEvent } from '../domain/events/types';
import type { CardId, DeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import { messageOf } from '../domain/errors';
import { announceWrite } from './announce-write';
import type { BrowseActions } from './browse-slice';
import type { StoreDeps, StudyState, StudyStore } from './study-store';

export function browseActions(set: StudyStore['setState'], get: () => StudyState, deps: StoreDeps): BrowseActions {
  /** Appends one event about the card (suspend, unsuspend, reset); the repository replays its state. */
  async function change(deckId: DeckId, cardId: CardId, kind: 'suspend' | 'unsuspend' | 'reset', what: string): Promise<void> {
    const { repository } = get();
    if (!repository) return;
    let stored: CardState | null;
    try {
      const createdAt = deps.clock();
      const event: CardEvent = { id: repository.newEventId(createdAt), deviceId: repository.deviceId, createdAt, deckId, cardId, kind };
      stored = await repository.appendCardEvents([event]);
    } catch (error) {
      set({ browseError: `Could not ${what} this card: ${messageOf(error)}` });
      return;
    }
    const browsed = get().browsed;
    if (browsed?.deckId === deckId) {
      const states = new Map(browsed.states);
      if (stored === null) states.delete(cardId);
      else states.set(cardId, stored);
      set({ browsed: { deckId, states }, browseError: null });
    }
    // The deck list and deck page counts must reflect the change at once, here and in other tabs.
    announceWrite(get(), deps, { kind: 'progress', deckId });
    await get().refreshCounts(deckId);
  }

  return {
    async loadBrowser(deckId) {
      const { repository } = get();
      if (!repository) return;
      try {
        const stored = await repository.loadDeckStates(deckId);
        set({ browsed: { deckId, states: new Map(stored.map((s) => [s.cardId, s])) }, browseError: null, cardHistory: null });
      } catch (error) {
        set({ browseError: `Could not load this deck's cards: ${messageOf(error)}` });
      }
    },

    setCardSuspended(deckId, cardId, isSuspended) {
      return change(deckId, cardId, isSuspended ? 'suspend' : 'unsuspend', isSuspended ? 'suspend' : 'unsuspend');
    },

    resetCardProgress(deckId, cardId) {
      return change(deckId, cardId, 'reset', 'reset');
    },

    async loadCardHistory(deckId, cardId) {
      const { repository } = get();
      if (!repository) return;
      try {
        set({ cardHistory: { deckId, cardId, entries: await repository.reviewHistory(deckId, cardId) } });
      } catch (error) {
        set({ browseError: `Could not load this card's history: ${messageOf(error)}` });
      }
    },
  };
};
