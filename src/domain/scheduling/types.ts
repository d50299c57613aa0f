import type { CardId, DeckId } from '../ids';

/** The four answer buttons, in button order. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

/** Where a card is in its life: never seen, in (re)learning steps, or in long-term review. */
export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';

/**
 * The scheduler's memory of one card, keyed by (deckId, cardId).
 * A card with no stored state is new. Times are epoch milliseconds.
 */
export interface CardState {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly phase: CardPhase;
  readonly dueAt: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  /** Index of the current (re)learning step; 0 outside steps. */
  readonly learningStep: number;
  readonly reps: number;
  readonly lapses: number;
  readonly lastReviewedAt: number | null;
  /** Set while the student has suspended the card: it keeps its memory but is never queued. Absent means false. */
  readonly isSuspended?: boolean;
  /** Set while the card is buried: it stays out of the queue until this time (epoch ms). */
  readonly buriedUntil?: number;
}

/** One append-only review-log row: enough to undo the review and to rebuild or refit state. */
export interface ReviewLogEntry {
  /** The id of the review event (a ULID); absent before the review is written. */
  readonly id?: string;
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly rating: Rating;
  readonly reviewedAt: number;
  /** Time from showing the front to grading, in ms. */
  readonly answerMs: number;
  /** The state before the review; null when the card was new (no stored state). */
  readonly before: CardState | null;
  readonly after: CardState;
}

/** What each button would schedule, for labels such as "10m" or "3d". */
export type GradePreview = Readonly<Record<Rating, { readonly dueAt: number; readonly state: CardState }>>;
