/**
 * The study queue for one deck and one study day: which card comes next, and the counts shown in
 * the deck list. Order (issue 2): due (re)learning cards, then due review cards (most overdue
 * first), then new cards in deck order; when nothing else is left, a learning card due within the
 * learn-ahead limit is shown early. Pure: time is always a parameter.
 */
import type { CardId } from '../ids';
import type { StudySettings } from '../settings/study-settings';
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import { nextStudyDayStart, studyDayStart } from './study-day';

const MINUTE_MS = 60_000;

/** A learning or relearning card waiting for its step to elapse. */
export interface LearningEntry {
  readonly cardId: CardId;
  readonly dueAt: number;
}

export interface StudyQueue {
  /** (Re)learning cards due before the end of the study day, soonest first. */
  readonly learning: readonly LearningEntry[];
  /** Review cards due today, most overdue first, already cut to the daily review limit. */
  readonly review: readonly CardId[];
  /** New cards in deck order, already cut to the daily new-card limit. */
  readonly fresh: readonly CardId[];
}

/** How many cards a student has already introduced and reviewed today. */
export interface DoneToday {
  readonly newCards: number;
  readonly reviews: number;
  /**
   * Every card graded today before the queue was read, for sibling burying: a card graded today and
   * due later is not among the states a large deck loads. Grades given since are in the states.
   */
  readonly gradedCardIds?: ReadonlySet<CardId>;
}

export type QueueSource = 'learning' | 'review' | 'new' | 'learn-ahead';

export interface NextCard {
  readonly cardId: CardId;
  readonly source: QueueSource;
}

export interface QueueCounts {
  readonly fresh: number;
  readonly learning: number;
  readonly review: number;
}

export interface BuildQueueInput {
  /** The deck's card ids in deck order. */
  readonly cardIds: readonly CardId[];
  /** Stored states for this deck; cards without a state are new. States of removed cards are ignored; suspended cards are skipped. */
  readonly states: ReadonlyMap<CardId, CardState>;
  /**
   * Set when `states` holds only the cards due before the study day ends (a large deck loads no
   * more): every card with a stored state. A card listed here but missing from `states` is not
   * new and not due today. Omitted, `states` must hold every stored state.
   */
  readonly storedCardIds?: ReadonlySet<CardId>;
  /** With storedCardIds: the earliest dueAt among the stored states left out of `states`, or null. */
  readonly laterDueAt?: number | null;
  readonly settings: StudySettings;
  readonly doneToday: DoneToday;
  /** The note of each card that has one (cloze siblings); cards without a note have no siblings. */
  readonly noteIds?: ReadonlyMap<CardId, string>;
  readonly now: number;
}

/** Builds the day's queue from deck order and stored states. */
export function buildQueue(input: BuildQueueInput): StudyQueue {
  const { cardIds, states, settings, doneToday, now } = input;
  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  const piles = emptyPiles(dayEnd);
  const siblings = siblingRule(input);
  const newCandidates: CardId[] = [];
  const freshLimit = Math.max(0, settings.newCardsPerDay - doneToday.newCards);

  for (const cardId of cardIds) {
    const state = states.get(cardId);
    if (state !== undefined && isHeldOut(state, now)) continue;
    if (!state && input.storedCardIds?.has(cardId)) continue;
    if (!state || state.phase === 'new') {
      // Without siblings the limit can cut here; with them, a buried sibling must not use a place.
      if (siblings !== null || newCandidates.length < freshLimit) newCandidates.push(cardId);
    } else {
      addDue(piles, cardId, state);
    }
  }
  return toQueue(piles, reviewLimitOf(settings, doneToday), newCandidates, freshLimit, siblings);
}

/**
 * Sibling burying (Anki's "bury new siblings" and "bury review siblings"): the cards of one note
 * are not shown on the same study day. A note is taken by a card graded today, by a (re)learning
 * card due today, and then, in queue order, by the first review and the first new card kept; a
 * later new (or review) card of a taken note waits for the next day. Learning cards are never held
 * back. Nothing is written: the rule is recomputed from the states whenever the queue is built, so
 * an undone grade brings the sibling back, and tomorrow it is simply due.
 */
interface SiblingRule {
  readonly noteIds: ReadonlyMap<CardId, string>;
  readonly takenNotes: Set<string>;
  readonly isBuryingNew: boolean;
  readonly isBuryingReview: boolean;
}

function siblingRule(input: Pick<BuildQueueInput, 'noteIds' | 'states' | 'settings' | 'doneToday' | 'now'>): SiblingRule | null {
  const { noteIds, states, settings, doneToday, now } = input;
  const isBuryingNew = settings.isBuryingNewSiblings;
  const isBuryingReview = settings.isBuryingReviewSiblings;
  if (noteIds === undefined || noteIds.size === 0 || (!isBuryingNew && !isBuryingReview)) return null;
  const dayStart = studyDayStart(now, settings.dayStartHour);
  const takenNotes = new Set<string>();
  doneToday.gradedCardIds?.forEach((cardId) => {
    const noteId = noteIds.get(cardId);
    if (noteId !== undefined) takenNotes.add(noteId);
  });
  noteIds.forEach((noteId, cardId) => {
    const reviewedAt = states.get(cardId)?.lastReviewedAt;
    if (reviewedAt != null && reviewedAt >= dayStart && reviewedAt <= now) takenNotes.add(noteId);
  });
  return { noteIds, takenNotes, isBuryingNew, isBuryingReview };
}

/** Whether the rule keeps `cardId` (and, if so, its note is now taken). */
function keepsSibling(rule: SiblingRule, cardId: CardId, isBuryable: boolean): boolean {
  const noteId = rule.noteIds.get(cardId);
  if (noteId === undefined) return true;
  if (isBuryable && rule.takenNotes.has(noteId)) return false;
  rule.takenNotes.add(noteId);
  return true;
}

/** Suspended, or buried until a time still to come: the card stays out of today's queue. */
export function isHeldOut(state: CardState, now: number): boolean {
  return state.isSuspended === true || (state.buriedUntil !== undefined && state.buriedUntil > now);
}

export interface DueQueueInput {
  /** Stored states of the deck: at least every one due before the study day ends. */
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly noteIds?: ReadonlyMap<CardId, string>;
  /** The deck's card ids: states of other cards (removed from the deck) are ignored. */
  readonly deckCardIds: ReadonlySet<CardId>;
  readonly settings: StudySettings;
  readonly doneToday: DoneToday;
  readonly now: number;
}

/**
 * The queue's learning and review piles, with no new cards: what buildQueue gives with a daily
 * new-card limit of 0. It walks the states instead of the deck's card list, so on a large deck it
 * costs the few thousand due states rather than every card (deck ids must be unique, as
 * parseDeck guarantees; both sorts are total orders, so the walk order does not matter).
 */
export function buildDueQueue(input: DueQueueInput): StudyQueue {
  const { states, deckCardIds, settings, doneToday, now } = input;
  const piles = emptyPiles(nextStudyDayStart(now, settings.dayStartHour));
  // forEach rather than for-of with [key, value] destructuring: this runs once per session, in
  // not-yet-optimised code, where the per-entry iterator and destructuring cost several ms.
  states.forEach((state, cardId) => {
    if (!isHeldOut(state, now) && state.phase !== 'new' && deckCardIds.has(cardId)) addDue(piles, cardId, state);
  });
  return toQueue(piles, reviewLimitOf(settings, doneToday), [], 0, siblingRule(input));
}

function reviewLimitOf(settings: StudySettings, doneToday: DoneToday): number {
  return Math.max(0, settings.reviewsPerDay - doneToday.reviews);
}

/** The learning and review piles while they are being filled (entries unsorted). */
interface DuePiles {
  readonly dayEndMs: number;
  readonly learning: LearningEntry[];
  readonly review: LearningEntry[];
}

const emptyPiles = (dayEndMs: number): DuePiles => ({ dayEndMs, learning: [], review: [] });

/** Files a seen, unsuspended card (not new) into its pile when it is due before the day ends. */
function addDue(piles: DuePiles, cardId: CardId, state: CardState): void {
  if (state.dueAt >= piles.dayEndMs) return;
  const entry = { cardId, dueAt: state.dueAt };
  if (state.phase === 'learning' || state.phase === 'relearning') piles.learning.push(entry);
  else piles.review.push(entry);
}

function toQueue(piles: DuePiles, reviewLimit: number, newCandidates: readonly CardId[], freshLimit: number, siblings: SiblingRule | null): StudyQueue {
  piles.learning.sort(byDueThenId);
  // Most overdue first means the earliest due date first; ties keep a stable, id-based order.
  piles.review.sort(byDueThenId);
  if (siblings === null) {
    return { learning: piles.learning, review: piles.review.slice(0, reviewLimit).map((e) => e.cardId), fresh: newCandidates.slice(0, freshLimit) };
  }
  for (const entry of piles.learning) keepsSibling(siblings, entry.cardId, false);
  const review: CardId[] = [];
  for (const entry of piles.review) {
    if (review.length >= reviewLimit) break;
    if (keepsSibling(siblings, entry.cardId, siblings.isBuryingReview)) review.push(entry.cardId);
  }
  const fresh: CardId[] = [];
  for (const cardId of newCandidates) {
    if (fresh.length >= freshLimit) break;
    if (keepsSibling(siblings, cardId, siblings.isBuryingNew)) fresh.push(cardId);
  }
  return { learning: piles.learning, review, fresh };
}

/** The card to show at `now`, or null when the session is over for today. */
export function nextCard(queue: StudyQueue, now: number, learnAheadMinutes: number): NextCard | null {
  const firstLearning = queue.learning[0];
  if (firstLearning && firstLearning.dueAt <= now) return { cardId: firstLearning.cardId, source: 'learning' };
  const firstReview = queue.review[0];
  if (firstReview) return { cardId: firstReview, source: 'review' };
  const firstNew = queue.fresh[0];
  if (firstNew) return { cardId: firstNew, source: 'new' };
  if (firstLearning && firstLearning.dueAt <= now + learnAheadMinutes * MINUTE_MS) {
    return { cardId: firstLearning.cardId, source: 'learn-ahead' };
  }
  return null;
}

/**
 * The queue after `cardId` was graded into `after`: the card leaves whichever list held it and, if
 * it is still in (re)learning steps due before the day ends, rejoins the learning list by due time.
 */
export function applyGradeToQueue(queue: StudyQueue, after: CardState, now: number, dayStartHour: number): StudyQueue {
  const { cardId } = after;
  const learning = queue.learning.filter((e) => e.cardId !== cardId);
  const isInSteps = after.phase === 'learning' || after.phase === 'relearning';
  if (isInSteps && after.dueAt < nextStudyDayStart(now, dayStartHour)) {
    const entry = { cardId, dueAt: after.dueAt };
    const at = learning.findIndex((e) => byDueThenId(entry, e) < 0);
    learning.splice(at === -1 ? learning.length : at, 0, entry);
  }
  return {
    learning,
    review: queue.review.filter((id) => id !== cardId),
    fresh: queue.fresh.filter((id) => id !== cardId),
  };
}

/** Deck-list counts at `now`: new and review cards left today, and learning cards due by day's end. */
export function queueCounts(queue: StudyQueue): QueueCounts {
  return { fresh: queue.fresh.length, learning: queue.learning.length, review: queue.review.length };
}

/** Today's new-card and review counts from the review log, as Anki counts them against the limits. */
export function countDoneToday(log: readonly ReviewLogEntry[], now: number, dayStartHour: number): DoneToday {
  const dayStart = studyDayStart(now, dayStartHour);
  let newCards = 0;
  let reviews = 0;
  const gradedCardIds = new Set<CardId>();
  for (const entry of log) {
    if (entry.reviewedAt < dayStart || entry.reviewedAt > now) continue;
    gradedCardIds.add(entry.cardId);
    if (entry.before === null || entry.before.phase === 'new') newCards += 1;
    else if (entry.before.phase === 'review') reviews += 1;
  }
  return { newCards, reviews, gradedCardIds };
}

/**
 * When the next card of the deck falls due after this session: the earliest due time among studied
 * cards still in the deck, or the next study day when new cards are waiting. Null when nothing is left.
 */
export function nextDueAt(input: BuildQueueInput): number | null {
  const { cardIds, states, settings, now, storedCardIds } = input;
  const tomorrow = nextStudyDayStart(now, settings.dayStartHour);
  let earliest: number | null = storedCardIds ? (input.laterDueAt ?? null) : null;
  for (const cardId of cardIds) {
    const state = states.get(cardId);
    if (state?.isSuspended === true) continue;
    // Left out of `states` because it is due after today: laterDueAt already counts it.
    if (!state && storedCardIds?.has(cardId)) continue;
    // Unseen cards and review cards still due today were held back by a daily limit: tomorrow.
    const isHeldBack = !state || state.phase === 'new' || (state.phase === 'review' && state.dueAt < tomorrow);
    const dueAt = isHeldBack ? tomorrow : state.dueAt;
    if (earliest === null || dueAt < earliest) earliest = dueAt;
  }
  return earliest;
}

function byDueThenId(a: { cardId: CardId; dueAt: number }, b: { cardId: CardId; dueAt: number }): number {
  return a.dueAt - b.dueAt || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
}
