import type { DeckId } from '../domain/ids';
import type { BreakMove } from '../domain/planning/break-plan';
import type { CardState } from '../domain/scheduling/types';
import type { ResolvedExam } from '../domain/settings/exam-inheritance';
import type { StudySettings } from '../domain/settings/study-settings';
import { examOfDeck, gradingSettingsForDeck, studyDeckOf } from './deck-family';
import { forwardActions, lazyActions } from './lazy-actions';
import type { PlanningActions } from './planning-actions';
import type { SliceCreator } from './study-store';

/** One deck's cards as the exam planner takes them, read at `now`. */
export interface PlanningCards {
  /** Each card still in the deck and not suspended: its state, or null while it is new. */
  readonly cards: readonly (CardState | null)[];
  readonly now: number;
}

/** A deck's (and its subdecks') cards for the planner, with the settings it plans with and whose exam they hold. */
export type PlanningDeckCards = PlanningCards & { readonly settings: StudySettings; readonly exam: ResolvedExam | null };

export interface PlanningSlice {
  /**
   * Reads the card states of the deck and its subdecks for the planner, with the settings it plans
   * with at `now` (a parent's exam when it follows one) and whose exam that is. The plan itself is
   * computed off the main thread.
   */
  readPlanningCards(deckId: DeckId): Promise<PlanningDeckCards>;
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
  const actions = lazyActions(() => import('./planning-actions').then((m): PlanningActions => m.planningActions(get, deps)));
  return {
    // The family and its exam are read here, where the store's deck-family code already is, so the
    // lazy planning chunk does not pull it apart from the first visit's store chunk.
    readPlanningCards: async (deckId) => {
      const study = studyDeckOf(get(), deckId);
      const cards = study ? await (await actions()).readFamilyCards(study) : [];
      const now = deps.clock();
      return { cards, now, settings: gradingSettingsForDeck(get(), deckId, now), exam: examOfDeck(get(), deckId, now) };
    },
    ...forwardActions<Omit<PlanningActions, 'readFamilyCards'>>(actions, { readAllPlanningCards: true, readStoredStates: true, applyBreakPlan: true }),
  };
};
