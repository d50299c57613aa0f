/**
 * SM-2 scheduling (an interval and an ease, what Anki keeps for a card without FSRS) turned into
 * an FSRS memory state, for a card imported with scheduling but without a usable review history.
 *
 * The method is Anki's own (the fsrs crate's `memory_state_from_sm2`, FSRS-6 form), so a card
 * lands where Anki itself would put it when FSRS is switched on:
 *   stability  = the stability whose forgetting curve falls to `sm2Retention` after `interval`
 *                days; with the usual 0.9 that is the interval itself;
 *   difficulty = the difficulty at which a Good review `interval` days on would multiply the
 *                stability by the card's ease (FSRS's recall-stability formula solved for D),
 *                clamped to 1..10.
 * ts-fsrs has no such conversion, so the formula is here, next to the weights it reads.
 */
import { FSRS6_DEFAULT_DECAY, S_MIN, default_w } from 'ts-fsrs';
import type { CardId, DeckId } from '../ids';
import type { CardState } from './types';

const DAY_MS = 86_400_000;

/** The recall SM-2 intervals are taken to aim at (Anki's default for this conversion). */
export const SM2_RETENTION = 0.9;

/** Stability in days (> 0) and difficulty (1–10). */
export interface Sm2Memory {
  readonly stability: number;
  readonly difficulty: number;
}

/**
 * The FSRS memory of a card SM-2 gave `intervalDays` at `easeFactor` (2.5 = 250 %).
 * `weights` null uses the FSRS-6 defaults.
 */
export function memoryFromSm2(easeFactor: number, intervalDays: number, weights: readonly number[] | null, sm2Retention = SM2_RETENTION): Sm2Memory {
  const w = weights ?? default_w;
  const decay = -(w[20] ?? FSRS6_DEFAULT_DECAY);
  const factor = 0.9 ** (1 / decay) - 1;
  const stability = (Math.max(intervalDays, S_MIN) * factor) / (sm2Retention ** (1 / decay) - 1);
  const w8 = w[8] ?? 0;
  const w9 = w[9] ?? 0;
  const w10 = w[10] ?? 0;
  const difficulty = 11 - (easeFactor - 1) / (Math.exp(w8) * stability ** -w9 * Math.expm1((1 - sm2Retention) * w10));
  return { stability, difficulty: Number.isFinite(difficulty) ? Math.min(10, Math.max(1, difficulty)) : 5 };
}

/** What an SM-2 card says about itself. Times are epoch ms. */
export interface Sm2Card {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly intervalDays: number;
  readonly easeFactor: number;
  readonly dueAt: number;
  readonly reps: number;
  readonly lapses: number;
}

/** A review-phase state carrying the card's SM-2 schedule: due when SM-2 said, last seen an interval before. */
export function stateFromSm2(card: Sm2Card, weights: readonly number[] | null): CardState {
  const intervalDays = Math.max(1, Math.round(card.intervalDays));
  const memory = memoryFromSm2(card.easeFactor, intervalDays, weights);
  return {
    deckId: card.deckId,
    cardId: card.cardId,
    phase: 'review',
    dueAt: card.dueAt,
    stability: memory.stability,
    difficulty: memory.difficulty,
    scheduledDays: intervalDays,
    learningStep: 0,
    reps: Math.max(1, card.reps),
    lapses: Math.max(0, card.lapses),
    lastReviewedAt: card.dueAt - intervalDays * DAY_MS,
  };
}
