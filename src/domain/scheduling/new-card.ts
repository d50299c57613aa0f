/**
 * The blank state of a card never reviewed. Kept apart from scheduler.ts, so code that only needs
 * a blank state (the store, the card browser) does not pull ts-fsrs into the first-load bundle.
 * new-card.test.ts pins it to ts-fsrs's own empty card.
 */
import type { CardId, DeckId } from '../ids';
import type { CardState } from './types';

/** The state of a card that has never been reviewed: due now, phase 'new'. */
export function newCardState(deckId: DeckId, cardId: CardId, now: number): CardState {
  return {
    deckId,
    cardId,
    phase: 'new',
    dueAt: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningStep: 0,
    reps: 0,
    lapses: 0,
    lastReviewedAt: null,
  };
}
