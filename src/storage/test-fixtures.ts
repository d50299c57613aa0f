/** Builders shared by the storage tests; not imported by app code. */
import type { ChangeFeed, StorageChange } from './change-feed';
import { asCardId, asDeckId } from '../domain/ids';
import type { CardState, Rating, ReviewLogEntry } from '../domain/scheduling/types';

export const DECK_A = asDeckId('deck-a');
export const DECK_B = asDeckId('deck-b');

/** A review-phase card state; override any field. Times are epoch ms. */
export function makeState(cardId: string, overrides: Partial<CardState> = {}): CardState {
  return {
    deckId: DECK_A,
    cardId: asCardId(cardId),
    phase: 'review',
    dueAt: 1_000,
    stability: 3.2,
    difficulty: 5.1,
    scheduledDays: 3,
    learningStep: 0,
    reps: 1,
    lapses: 0,
    lastReviewedAt: 0,
    ...overrides,
  };
}

/** A review of `after.cardId` moving it from `before` to `after`. */
export function makeReview(
  before: CardState | null,
  after: CardState,
  overrides: { rating?: Rating; reviewedAt?: number; answerMs?: number } = {},
): ReviewLogEntry {
  return {
    deckId: after.deckId,
    cardId: after.cardId,
    rating: overrides.rating ?? 'good',
    reviewedAt: overrides.reviewedAt ?? after.lastReviewedAt ?? 0,
    answerMs: overrides.answerMs ?? 2_500,
    before,
    after,
  };
}

/** The error a browser raises when the origin's storage quota is used up. */
export const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Change feeds for tabs in one test, linked like a BroadcastChannel: a change published by one
 * reaches every other feed, never its sender, and arrives asynchronously.
 */
export function linkedChangeFeeds(count: number): ChangeFeed[] {
  const listeners: ((change: StorageChange) => void)[][] = Array.from({ length: count }, () => []);
  return listeners.map((own, index) => ({
    publish(change) {
      listeners.forEach((others, other) => {
        if (other !== index) for (const listener of others) queueMicrotask(() => listener(change));
      });
    },
    subscribe(listener) {
      own.push(listener);
      return () => own.splice(own.indexOf(listener), 1);
    },
  }));
}
