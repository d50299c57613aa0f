import type { CardState } from '../scheduling/types';
import { isMature } from './maturity';

export interface CardCounts {
  readonly fresh: number;
  /** In learning or relearning steps. */
  readonly learning: number;
  readonly young: number;
  readonly mature: number;
  /** Suspended cards are counted here only, whatever their phase. */
  readonly suspended: number;
  readonly total: number;
}

/** Counts cards by state. Pass one entry per card in the deck(s): its stored state, or undefined when it was never studied. */
export function cardCounts(states: readonly (CardState | undefined)[]): CardCounts {
  let fresh = 0;
  let learning = 0;
  let young = 0;
  let mature = 0;
  let suspended = 0;
  for (const state of states) {
    if (state?.isSuspended === true) suspended += 1;
    else if (!state || state.phase === 'new') fresh += 1;
    else if (state.phase === 'learning' || state.phase === 'relearning') learning += 1;
    else if (isMature(state)) mature += 1;
    else young += 1;
  }
  return { fresh, learning, young, mature, suspended, total: states.length };
}
