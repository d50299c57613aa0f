import type { DeckId } from '../domain/ids';
import type { BreakMove } from '../domain/planning/break-plan';
import type { CardState } from '../domain/scheduling/types';
import { lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

/** One deck's cards as the exam planner takes them, read at `now`. */
export interface PlanningCards {
  /** Each card still in the deck and not suspended: its state, or null while it is new. */
  readonly cards: readonly (CardState | null)[];
  readonly now: number;
}

export interface PlanningSlice {
  /** Reads the card states of the deck and its subdecks for the planner; the plan itself is computed off the main thread. */
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
  const actions = lazyActions(() => import('./planning-actions').then((m): PlanningSlice => m.planningActions(get, deps)));
  return {
    readPlanningCards: async (deckId) => (await actions()).readPlanningCards(deckId),
    readAllPlanningCards: async () => (await actions()).readAllPlanningCards(),
    readStoredStates: async (deckId) => (await actions()).readStoredStates(deckId),
    applyBreakPlan: async (deckId, moves) => (await actions()).applyBreakPlan(deckId, moves),
  };
};
