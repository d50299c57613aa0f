import type { DeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import type { SliceCreator } from './study-store';

/** One deck's cards as the exam planner takes them, read at `now`. */
export interface PlanningCards {
  /** Each card still in the deck and not suspended: its state, or null while it is new. */
  readonly cards: readonly (CardState | null)[];
  readonly now: number;
}

export interface PlanningSlice {
  /** Reads the deck's card states for the planner; the plan itself is computed off the main thread. */
  readPlanningCards(deckId: DeckId): Promise<PlanningCards>;
  /** The same for every deck at once (the workload simulator for all decks). */
  readAllPlanningCards(): Promise<PlanningCards>;
}

export const createPlanningSlice: SliceCreator<PlanningSlice> = (_set, get, deps) => {
  async function deckCards(deckId: DeckId): Promise<(CardState | null)[]> {
    const { repository, decks } = get();
    const deck = decks.get(deckId);
    if (!repository || !deck) return [];
    const stored = await repository.loadDeckStates(deckId);
    const byCard = new Map<string, CardState>(stored.map((state) => [state.cardId, state]));
    return deck.cards.map((card) => byCard.get(card.id) ?? null).filter((state) => state?.isSuspended !== true);
  }
  return {
    async readPlanningCards(deckId) {
      return { cards: await deckCards(deckId), now: deps.clock() };
    },
    async readAllPlanningCards() {
      const cards: (CardState | null)[] = [];
      for (const deckId of get().decks.keys()) for (const card of await deckCards(deckId)) cards.push(card);
      return { cards, now: deps.clock() };
    },
  };
};
