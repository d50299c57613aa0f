/**
 * A study session as a value: the day's queue, the states it has seen, what it has counted and
 * what it can undo. Every step (show the next card, grade it, take a grade back, return to a grade
 * that could not be saved) is a pure function from one session to the next; the store only
 * sequences these with storage writes and set(). Time is always a parameter.
 */
import type { EventIdGenerator } from '../events/event-id';
import type { EventId } from '../events/types';
import type { CardId, DeckId } from '../ids';
import {
  applyGradeToQueue,
  buildQueue,
  nextCard,
  nextDueAt,
  type BuildQueueInput,
  type DoneToday,
  type StudyQueue,
} from '../queue/queue';
import { causalTime } from '../sync/clock';
import { newCardState } from '../scheduling/new-card';
import type { Scheduler } from '../scheduling/scheduler';
import type { CardState, GradePreview, Rating, ReviewLogEntry } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';
import { loadOn, withMovedDue, type DueLoad } from './due-load';

export interface CurrentCard {
  readonly cardId: CardId;
  /** When the front was shown (epoch ms); the answer time is measured from here. */
  readonly shownAt: number;
  /**
   * The id the grade's review event will have, chosen when the card is shown: interval fuzz is
   * seeded from it, so the preview below is exactly what the grade will schedule (and replay).
   */
  readonly reviewId: EventId;
  /** What each grade button would schedule, for its interval label. */
  readonly preview: GradePreview;
  /** Whether the preview was load-balanced (the load was known when the card was shown); the grade then is too. */
  readonly isBalanced: boolean;
}

/** A grade given in this session, newest last: enough to take it back. */
export interface UndoEntry {
  /** The grade's review event id (CurrentCard.reviewId when it was graded). */
  readonly eventId: EventId;
  readonly entry: ReviewLogEntry;
}

export interface StudySession {
  readonly deckId: DeckId;
  readonly queue: StudyQueue;
  /** The states loaded at the start (those due today) and every state written since. */
  readonly states: ReadonlyMap<CardId, CardState>;
  /**
   * Every card with a stored state at the start (see BuildQueueInput.storedCardIds); null for the
   * moment after the start while they are still being read, when the queue holds no new cards.
   */
  readonly storedCardIds: ReadonlySet<CardId> | null;
  /** The earliest dueAt among stored states not loaded into `states`, or null. */
  readonly laterDueAt: number | null;
  /** Cards due on each study day, for load balancing; null until read (or with balancing off). */
  readonly dueLoad: DueLoad | null;
  readonly doneToday: DoneToday;
  /** Null when the session is over for now. */
  readonly current: CurrentCard | null;
  readonly isFlipped: boolean;
  readonly undoStack: readonly UndoEntry[];
  readonly studiedCount: number;
  /** When the session is over: when the deck's next card falls due (epoch ms), or null. */
  readonly nextDueAt: number | null;
}

/** A session before its next card is chosen. */
export type SessionProgress = Omit<StudySession, 'current' | 'isFlipped' | 'nextDueAt'>;

/** What the session functions need to know about the deck right now. */
export interface SessionDeck {
  /** The deck's card ids in deck order. */
  readonly cardIds: readonly CardId[];
  /** The note of each card that has one, for sibling burying (see buildQueue). */
  readonly noteIds?: ReadonlyMap<CardId, string> | undefined;
  /** The deck's effective settings (its overrides over the all-deck settings). */
  readonly settings: StudySettings;
  /** A scheduler built from `settings`. */
  readonly scheduler: Scheduler;
  /** Makes the review event id for each card shown (see CurrentCard.reviewId). */
  readonly newEventId: EventIdGenerator;
  /**
   * For a session over a deck and its subdecks: the deck a card belongs to (its progress is
   * written there) and the scheduler of that deck's settings. Absent: every card is the session's.
   */
  readonly member?: { readonly deckOf: (cardId: CardId) => DeckId; readonly schedulerOf: (cardId: CardId) => Scheduler };
}

/** The session's view of the deck as queue input (everything but `now`). */
export function queueInputOf(
  session: Pick<StudySession, 'states' | 'storedCardIds' | 'laterDueAt' | 'doneToday'>,
  cardIds: readonly CardId[],
  settings: StudySettings,
  noteIds?: ReadonlyMap<CardId, string>,
): Omit<BuildQueueInput, 'now'> {
  const { states, storedCardIds, laterDueAt, doneToday } = session;
  const siblings = noteIds === undefined ? {} : { noteIds };
  // New cards not known yet: leave them out rather than call every state not loaded new.
  if (storedCardIds === null) return { cardIds, states, settings: { ...settings, newCardsPerDay: 0 }, doneToday, ...siblings };
  return { cardIds, states, storedCardIds, laterDueAt, settings, doneToday, ...siblings };
}

/** Today's counts after adding (+1) or taking back (-1) a review of a card that was in `before`. */
export function countReview(done: DoneToday, before: CardState | null, delta: 1 | -1): DoneToday {
  if (before === null || before.phase === 'new') return { ...done, newCards: Math.max(0, done.newCards + delta) };
  if (before.phase === 'review') return { ...done, reviews: Math.max(0, done.reviews + delta) };
  return done;
}

/** The card's state in the session, or a blank one (in the card's own deck) when it was never reviewed. */
function stateOf(session: SessionProgress, cardId: CardId, deck: SessionDeck, now: number): CardState {
  return session.states.get(cardId) ?? newCardState(deck.member?.deckOf(cardId) ?? session.deckId, cardId, now);
}

const schedulerOf = (deck: SessionDeck, cardId: CardId): Scheduler => deck.member?.schedulerOf(cardId) ?? deck.scheduler;

/**
 * The session showing `cardId`, shown at `shownAt`, with a new review event id and the grade
 * preview that id gives from that moment.
 */
export function showCard(session: SessionProgress, cardId: CardId, deck: SessionDeck, shownAt: number, isFlipped = false): StudySession {
  const reviewId = deck.newEventId(shownAt);
  const before = session.states.get(cardId) ?? null;
  const scheduler = schedulerOf(deck, cardId);
  const scheduled = scheduler.preview(stateOf(session, cardId, deck, shownAt), shownAt, reviewId);
  const { dueLoad } = session;
  const isBalanced = dueLoad !== null && deck.settings.isLoadBalanced;
  const preview = isBalanced ? balancedPreview(scheduled, before, scheduler, deck, dueLoad, shownAt) : scheduled;
  return { ...session, current: { cardId, shownAt, reviewId, preview, isBalanced }, isFlipped, nextDueAt: null };
}

/** Each button's state moved as load balancing would move that grade's. */
function balancedPreview(preview: GradePreview, before: CardState | null, scheduler: Scheduler, deck: SessionDeck, dueLoad: DueLoad, now: number): GradePreview {
  const balance = (entry: GradePreview[Rating]) => {
    const moved = balanced(entry.state, before, scheduler, deck, dueLoad, now);
    return moved === null ? entry : { dueAt: moved.dueAt, state: moved };
  };
  return { again: balance(preview.again), hard: balance(preview.hard), good: balance(preview.good), easy: balance(preview.easy) };
}

function balanced(after: CardState, before: CardState | null, scheduler: Scheduler, deck: SessionDeck, dueLoad: DueLoad, now: number): CardState | null {
  const { dayStartHour } = deck.settings;
  return scheduler.balance(after, before, now, (days) => loadOn(dueLoad, now, days, dayStartHour));
}

/** The session with its next card chosen at `now`, or over for now (with when the next card falls due). */
export function advance(session: SessionProgress, deck: SessionDeck, now: number): StudySession {
  const next = nextCard(session.queue, now, deck.settings.learnAheadMinutes);
  if (next) return showCard(session, next.cardId, deck, now);
  const dueAt = nextDueAt({ ...queueInputOf(session, deck.cardIds, deck.settings), now });
  return { ...session, current: null, isFlipped: false, nextDueAt: dueAt };
}

/** A grade given: the review to write, its event id, and the session already on its next card. */
export interface Graded {
  readonly session: StudySession;
  readonly eventId: EventId;
  readonly entry: ReviewLogEntry;
  /** The due time load balancing chose, for the review event; absent when it kept the scheduled one. */
  readonly balancedDueAt?: number;
}

/**
 * Grades the current card at `now` with the event id chosen when it was shown: the review to
 * write and the session moved on to the next card, counting the grade and keeping it for undo.
 * Null when there is no card or its answer is not shown yet.
 */
export function gradeCurrent(session: StudySession, rating: Rating, deck: SessionDeck, now: number): Graded | null {
  if (!session.current || !session.isFlipped) return null;
  const { cardId, shownAt, reviewId, isBalanced } = session.current;
  const before = session.states.get(cardId) ?? null;
  // After the card's last review even when another device's clock stamped it ahead of ours, so
  // replay keeps the order the grades were given in (docs/sync.md, clock skew).
  const reviewedAt = causalTime(now, before?.lastReviewedAt);
  const scheduler = schedulerOf(deck, cardId);
  const scheduled = scheduler.grade(before ?? stateOf(session, cardId, deck, reviewedAt), rating, reviewedAt, reviewId);
  const moved = isBalanced && session.dueLoad !== null ? balanced(scheduled, before, scheduler, deck, session.dueLoad, reviewedAt) : null;
  // Written to the card's own deck, which is the session's unless it spans subdecks.
  const after = moved ?? scheduled;
  const entry: ReviewLogEntry = {
    deckId: after.deckId, cardId, rating, reviewedAt, answerMs: Math.max(0, now - shownAt), before, after,
  };
  const next = advance({
    ...session,
    states: new Map(session.states).set(cardId, after),
    dueLoad: session.dueLoad === null ? null : withMovedDue(session.dueLoad, before?.dueAt ?? null, after.dueAt, deck.settings.dayStartHour),
    queue: applyGradeToQueue(session.queue, after, now, deck.settings.dayStartHour),
    doneToday: countReview(session.doneToday, before, +1),
    undoStack: [...session.undoStack, { eventId: reviewId, entry }],
    studiedCount: session.studiedCount + 1,
  }, deck, now);
  return moved === null ? { session: next, eventId: reviewId, entry } : { session: next, eventId: reviewId, entry, balancedDueAt: moved.dueAt };
}

/** The session with the given grades (newest last) taken back in memory: states, counts and queue. */
function withoutGrades(session: StudySession, taken: readonly UndoEntry[], deck: SessionDeck, now: number): SessionProgress {
  const states = new Map(session.states);
  let { doneToday, dueLoad } = session;
  for (const { entry } of [...taken].reverse()) {
    if (entry.before) states.set(entry.cardId, entry.before);
    else states.delete(entry.cardId);
    doneToday = countReview(doneToday, entry.before, -1);
    if (dueLoad !== null) dueLoad = withMovedDue(dueLoad, entry.after.dueAt, entry.before?.dueAt ?? null, deck.settings.dayStartHour);
  }
  const rewound = { ...session, states, doneToday };
  return {
    deckId: session.deckId,
    states,
    storedCardIds: session.storedCardIds,
    laterDueAt: session.laterDueAt,
    dueLoad,
    doneToday,
    queue: buildQueue({ ...queueInputOf(rewound, deck.cardIds, deck.settings, deck.noteIds), now }),
    undoStack: session.undoStack.slice(0, session.undoStack.length - taken.length),
    studiedCount: Math.max(0, session.studiedCount - taken.length),
  };
}

/**
 * The session after its last grade was taken back (storage has already undone it): as in Anki,
 * that card is shown again at `now`, front first. Unchanged when there is nothing to undo.
 */
export function undoLastGrade(session: StudySession, deck: SessionDeck, now: number): StudySession {
  const last = session.undoStack.at(-1);
  if (!last) return session;
  return showCard(withoutGrades(session, [last], deck, now), last.entry.cardId, deck, now);
}

/** A grade that could not be saved, and the session back on its card. */
export interface ReturnedGrade {
  readonly session: StudySession;
  /** The review that failed. */
  readonly entry: ReviewLogEntry;
  /** How many later grades, not saved either, were taken back with it (their cards are queued again). */
  readonly laterCount: number;
}

/**
 * The session back on the card whose grade (review event `eventId`) could not be saved, answer
 * shown, so the student can grade it again, as a new event. Grades given after it were never saved
 * (commits run in order and stop at a failure), so they are taken back too and their cards return
 * to the queue. Null when the session holds no such grade (e.g. it was started afresh since).
 */
export function returnToUnsavedGrade(session: StudySession, eventId: EventId, deck: SessionDeck, now: number): ReturnedGrade | null {
  const at = session.undoStack.findIndex((undo) => undo.eventId === eventId);
  if (at === -1) return null;
  const taken = session.undoStack.slice(at);
  const { entry } = taken[0]!;
  const rewound = withoutGrades(session, taken, deck, now);
  // Shown as it was (with a new event id): the answer time still counts from the first sight of the front.
  const shownAt = entry.reviewedAt - entry.answerMs;
  return { session: showCard(rewound, entry.cardId, deck, shownAt, true), entry, laterCount: taken.length - 1 };
}
