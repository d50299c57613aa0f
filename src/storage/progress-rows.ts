/**
 * Progress rows (card states and review-log rows) <-> domain values. Rows are declared apart from
 * the domain types so a later schema version can change the stored shape without touching the domain.
 */
import { asCardId, asDeckId } from '../domain/ids';
import type { CardId, DeckId } from '../domain/ids';
import type { CardPhase, CardState, Rating, ReviewLogEntry } from '../domain/scheduling/types';
import { RATINGS } from '../domain/scheduling/types';
import { FieldError, describeValue, finiteNumber, isObject, nonEmptyString, nonNegativeInteger, oneOf, optionalBoolean, toResult } from './row-parse';
import type { RowResult } from './row-parse';

/** Stored shape of one card's scheduler state; primary key is [deckId+cardId]. Times are epoch ms. */
export interface CardStateRow {
  deckId: string;
  cardId: string;
  phase: CardPhase;
  dueAt: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningStep: number;
  reps: number;
  lapses: number;
  lastReviewedAt: number | null;
  /** Only stored when true, so rows written before suspension existed stay unchanged. */
  isSuspended?: true;
  /** Only stored while the card is buried (schema v3): hidden from the queue until then, epoch ms. */
  buriedUntil?: number;
}

/** Stored shape of one review-log row before IndexedDB assigns its auto-increment id. */
export interface NewReviewLogRow {
  deckId: string;
  cardId: string;
  rating: Rating;
  reviewedAt: number;
  answerMs: number;
  before: CardStateRow | null;
  after: CardStateRow;
}

/** Stored shape of one review-log row; `id` is the auto-increment primary key. */
export interface ReviewLogRow extends NewReviewLogRow {
  id: number;
}

const CARD_PHASES: readonly CardPhase[] = ['new', 'learning', 'review', 'relearning'];

export function parseCardStateFields(value: unknown, prefix: string): CardState {
  if (!isObject(value)) throw new FieldError(prefix || '(row)', `expected an object, ${describeValue(value)}`);
  const lastReviewedAt = value['lastReviewedAt'] === null ? null : finiteNumber(value, 'lastReviewedAt', prefix);
  const state: CardState = {
    deckId: asDeckId(nonEmptyString(value, 'deckId', prefix)),
    cardId: asCardId(nonEmptyString(value, 'cardId', prefix)),
    phase: oneOf(value, 'phase', prefix, CARD_PHASES),
    dueAt: finiteNumber(value, 'dueAt', prefix),
    stability: finiteNumber(value, 'stability', prefix),
    difficulty: finiteNumber(value, 'difficulty', prefix),
    scheduledDays: finiteNumber(value, 'scheduledDays', prefix),
    learningStep: nonNegativeInteger(value, 'learningStep', prefix),
    reps: nonNegativeInteger(value, 'reps', prefix),
    lapses: nonNegativeInteger(value, 'lapses', prefix),
    lastReviewedAt,
  };
  // Copied only for the rare suspended or buried card: a spread per row is measurable when thousands are read.
  const flagged = optionalBoolean(value, 'isSuspended', prefix) ? { ...state, isSuspended: true } : state;
  return value['buriedUntil'] === undefined ? flagged : { ...flagged, buriedUntil: finiteNumber(value, 'buriedUntil', prefix) };
}
function requireSameCard(state: CardState, deckId: DeckId, cardId: CardId, prefix: string): void {
  if (state.deckId !== deckId || state.cardId !== cardId) {
    throw new FieldError(`${prefix}deckId/cardId`, `belongs to ${state.deckId}/${state.cardId}, not to the row's card`);
  }
}
const CARD_STATE_KEY = ['deckId', 'cardId'] as const;
const REVIEW_LOG_KEY = ['id'] as const;
/** Copies a domain card state into its stored row shape. */
export function cardStateToRow(state: CardState): CardStateRow {
  return {
    deckId: state.deckId,
    cardId: state.cardId,
    phase: state.phase,
    dueAt: state.dueAt,
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningStep: state.learningStep,
    reps: state.reps,
    lapses: state.lapses,
    lastReviewedAt: state.lastReviewedAt,
    ...(state.isSuspended === true ? { isSuspended: true as const } : {}),
    ...(state.buriedUntil === undefined ? {} : { buriedUntil: state.buriedUntil }),
  };
}

/** Parses a stored card-state row; rejects it if any field is missing or of the wrong type. */
export function cardStateFromRow(row: unknown): RowResult<CardState> {
  return toResult('cardStates', row, CARD_STATE_KEY, () => parseCardStateFields(row, ''));
}

/** A review-log row of schema v1/v2 (or backup format 1), read back with its auto-increment id. */
export type LegacyReview = Omit<ReviewLogEntry, 'id'> & { readonly id: number };

/** Copies a review into the v1/v2 review-log row shape (for old databases and old backups); the id is left to IndexedDB. */
export function reviewLogEntryToRow(entry: Omit<ReviewLogEntry, 'id'>): NewReviewLogRow {
  return {
    deckId: entry.deckId,
    cardId: entry.cardId,
    rating: entry.rating,
    reviewedAt: entry.reviewedAt,
    answerMs: entry.answerMs,
    before: entry.before === null ? null : cardStateToRow(entry.before),
    after: cardStateToRow(entry.after),
  };
}

/** Parses a stored review-log row, including its before/after states, which must be the same card. */
export function reviewLogEntryFromRow(row: unknown): RowResult<LegacyReview> {
  return toResult('reviewLog', row, REVIEW_LOG_KEY, () => {
    if (!isObject(row)) throw new FieldError('(row)', `expected an object, ${describeValue(row)}`);
    const id = nonNegativeInteger(row, 'id', '');
    const deckId = asDeckId(nonEmptyString(row, 'deckId', ''));
    const cardId = asCardId(nonEmptyString(row, 'cardId', ''));
    const before = row['before'] === null ? null : parseCardStateFields(row['before'], 'before.');
    const after = parseCardStateFields(row['after'], 'after.');
    if (before !== null) requireSameCard(before, deckId, cardId, 'before.');
    requireSameCard(after, deckId, cardId, 'after.');
    return {
      id,
      deckId,
      cardId,
      rating: oneOf(row, 'rating', '', RATINGS),
      reviewedAt: finiteNumber(row, 'reviewedAt', ''),
      answerMs: finiteNumber(row, 'answerMs', ''),
      before,
      after,
    };
  });
}

/** Whether two card states are field-for-field identical (used by undo's conflict check). */
export function isSameCardState(a: CardState, b: CardState): boolean {
  const rowA = cardStateToRow(a);
  const rowB = cardStateToRow(b);
  // Both rows' keys: the optional isSuspended and buriedUntil may be present on only one side.
  const fields = new Set([...Object.keys(rowA), ...Object.keys(rowB)] as (keyof CardStateRow)[]);
  return [...fields].every((field) => Object.is(rowA[field], rowB[field]));
}
