import { messageOf } from '../domain/errors';
import type { CardEvent } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { BreakMove } from '../domain/planning/break-plan';
import type { CardState } from '../domain/scheduling/types';
import { announceWrite } from './announce-write';
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
  /** The deck's stored states (suspended ones too), for planning a break. */
  readStoredStates(deckId: DeckId): Promise<PlanningCards & { readonly cards: readonly CardState[] }>;
  /**
   * Applies a break plan: one reschedule event per move, all in one write (all or nothing).
   * Resolves to an error message, or null once saved.
   */
  applyBreakPlan(deckId: DeckId, moves: readonly BreakMove[]): Promise<string | null>;
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
