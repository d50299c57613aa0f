/** Builders for the statistics tests; not imported by app code. Tests run with TZ=UTC. */
import { asCardId, asDeckId } from '../ids';
import type { CardPhase, CardState, Rating, ReviewLogEntry } from '../scheduling/types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 30 November 2026, 12:00 UTC; with the 4 am day start, today began at 04:00Z. */
export const NOW = Date.UTC(2026, 10, 30, 12);
export const TODAY_START = Date.UTC(2026, 10, 30, 4);
export const DAY_START_HOUR = 4;

/** A card state in `phase` with an interval of `scheduledDays`; override any field. */
export function cardState(cardId: string, phase: CardPhase, scheduledDays: number, overrides: Partial<CardState> = {}): CardState {
  return {
    deckId: asDeckId('deck'),
    cardId: asCardId(cardId),
    phase,
    dueAt: NOW + scheduledDays * DAY,
    stability: scheduledDays,
    difficulty: 5,
    scheduledDays,
    learningStep: 0,
    reps: 3,
    lapses: 0,
    lastReviewedAt: NOW - DAY,
    ...overrides,
  };
}

/** A review at `reviewedAt` of a card that was in `before` (null: a new card). */
export function review(reviewedAt: number, rating: Rating, before: CardState | null, answerMs = 5_000): ReviewLogEntry {
  const cardId = before?.cardId ?? asCardId('fresh');
  const after = cardState(cardId, 'review', 3, { lastReviewedAt: reviewedAt });
  return { deckId: after.deckId, cardId, rating, reviewedAt, answerMs, before, after };
}
