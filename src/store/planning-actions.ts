/**
 * The planning actions' bodies, loaded with the first plan, simulation or break: the deck list
 * (the first screen) never runs them. planning-slice.ts forwards to these.
 */
import { messageOf } from '../domain/errors';
import type { CardEvent } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import { announceWrite } from './announce-write';
import type { StudyDeck } from './deck-family';
import type { PlanningSlice } from './planning-slice';
import type { StoreDeps, StudyState } from './study-store';

/** What this module does for the slice: the planning actions, with the family's card read in place of the slice's. */
export type PlanningActions = Omit<PlanningSlice, 'readPlanningCards'> & {
  /** The cards of a deck and of every deck under it: a parent's exam covers its family (deck-family.ts). */
  readFamilyCards(study: StudyDeck): Promise<(CardState | null)[]>;
};

export function planningActions(get: () => StudyState, deps: StoreDeps): PlanningActions {
  async function familyCards(study: StudyDeck): Promise<(CardState | null)[]> {
    const { repository } = get();
    if (!repository) return [];
    if (study.members.length === 1) return deckCards(study.deck.id);
    const stored = await Promise.all(study.members.map((member) => repository.loadDeckStates(member.id)));
    const byCard = new Map<string, CardState>();
    study.members.forEach((member, index) => {
      for (const state of stored[index]!) if (study.deckOf(state.cardId) === member.id) byCard.set(state.cardId, state);
    });
    return study.deck.cards.map((card) => byCard.get(card.id) ?? null).filter((state) => state?.isSuspended !== true);
  }
  async function deckCards(deckId: DeckId): Promise<(CardState | null)[]> {
    const { repository, decks } = get();
    const deck = decks.get(deckId);
    if (!repository || !deck) return [];
    const stored = await repository.loadDeckStates(deckId);
    const byCard = new Map<string, CardState>(stored.map((state) => [state.cardId, state]));
    return deck.cards.map((card) => byCard.get(card.id) ?? null).filter((state) => state?.isSuspended !== true);
  }
  return {
    readFamilyCards: familyCards,
    async readAllPlanningCards() {
      const cards: (CardState | null)[] = [];
      for (const deckId of get().decks.keys()) for (const card of await deckCards(deckId)) cards.push(card);
      return { cards, now: deps.clock() };
    },
    async readStoredStates(deckId) {
      const { repository } = get();
      return { cards: repository ? await repository.loadDeckStates(deckId) : [], now: deps.clock() };
    },
    async applyBreakPlan(deckId, moves) {
      const { repository } = get();
      if (!repository) return 'Your progress is not available on this device.';
      if (moves.length === 0) return null;
      const createdAt = deps.clock();
      const events: CardEvent[] = moves.map((move) => ({
        id: repository.newEventId(createdAt), deviceId: repository.deviceId, createdAt, deckId: move.deckId, cardId: move.cardId, kind: 'reschedule', dueAt: move.toDueAt,
      }));
      try {
        await repository.appendCardEvents(events);
      } catch (error) {
        return `The break plan was not applied: ${messageOf(error)}`;
      }
      announceWrite(get(), deps, { kind: 'progress', deckId });
      await get().refreshCounts(deckId);
      return null;
    },
  };
};
