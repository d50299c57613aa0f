import type { CardState } from '../../domain/scheduling/types';
import { formatDay } from '../../domain/stats/format';

const PHASE_NAMES = { new: 'New', learning: 'Learning', review: 'Review', relearning: 'Relearning' } as const;

/** The card's state in words, e.g. "Review", "Suspended (review)" or "New". */
export function stateName(state: CardState | undefined): string {
  const phase = PHASE_NAMES[state?.phase ?? 'new'];
  return state?.isSuspended === true ? `Suspended (${phase.toLowerCase()})` : phase;
}

/** Label/value pairs for a card: state, due date, interval, stability, difficulty, reviews, lapses. */
export function cardFacts(state: CardState | undefined): [string, string][] {
  if (!state || (state.phase === 'new' && state.reps === 0)) {
    return [['State', stateName(state)], ['Reviews', '0'], ['Lapses', '0']];
  }
  return [
    ['State', stateName(state)],
    ['Due', formatDay(state.dueAt)],
    ['Interval', state.phase === 'review' ? `${Math.round(state.scheduledDays)} d` : 'in steps'],
    ['Stability', `${state.stability.toFixed(1)} d`],
    ['Difficulty', state.difficulty.toFixed(1)],
    ['Reviews', String(state.reps)],
    ['Lapses', String(state.lapses)],
  ];
}
