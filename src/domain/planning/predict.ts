/**
 * Recall predicted at a date: the mean FSRS retrievability of a deck's cards then, with new cards
 * counted as not known. The figure the deck page shows as "if you stop now".
 */
import { memoryModel, retrievabilityAt } from '../scheduling/forgetting-curve';
import type { CardState } from '../scheduling/types';

/** Mean retrievability at `at` (epoch ms) over `cards`; null entries are new cards (0). 0 for no cards. */
export function predictedRecall(cards: readonly (CardState | null)[], at: number, weights: readonly number[] | null): number {
  if (cards.length === 0) return 0;
  const model = memoryModel(weights);
  let total = 0;
  for (const state of cards) total += retrievabilityAt(model, state, at);
  return total / cards.length;
}
