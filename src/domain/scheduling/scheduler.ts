/**
 * The only module that talks to ts-fsrs (FSRS-6). It maps our camelCase CardState to ts-fsrs cards
 * and back, so the rest of the app never sees ts-fsrs types, enums or Date objects.
 */
import {
  type AbstractScheduler,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type RecordLogItem,
  type StepUnit,
  Rating as FsrsRating,
  State as FsrsState,
  StrategyMode,
  fsrs,
  generatorParameters,
} from 'ts-fsrs';
import type { CardId, DeckId } from '../ids';
import type { StudySettings } from '../settings/study-settings';
import { examInterval } from './exam-interval';
import { memoryModel } from './forgetting-curve';
import { balancedDueAt, elapsedWholeDays, honourBalancedDueAt } from './load-balance';
import type { CardPhase, CardState, GradePreview, Rating } from './types';

const DAY_MS = 86_400_000;

const RATING_TO_FSRS: Readonly<Record<Rating, Grade>> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

const PHASE_TO_FSRS: Readonly<Record<CardPhase, FsrsState>> = {
  new: FsrsState.New,
  learning: FsrsState.Learning,
  review: FsrsState.Review,
  relearning: FsrsState.Relearning,
};

const FSRS_TO_PHASE: Readonly<Record<FsrsState, CardPhase>> = {
  [FsrsState.New]: 'new',
  [FsrsState.Learning]: 'learning',
  [FsrsState.Review]: 'review',
  [FsrsState.Relearning]: 'relearning',
};

/** The fuzz seed rides along on the ts-fsrs card (see seedFromCard). */
type SeededCard = FsrsCard & { readonly flipdeckCardId: string; readonly flipdeckSeed: string | undefined };

/**
 * Interval fuzz seed: the caller's (a review event's id, so replaying the event reproduces the
 * interval on every device), else the card id, its review count and the review time. Either way
 * reproducible for a fixed `now`, and two cards graded in the same millisecond get independent fuzz.
 */
function seedFromCard(this: AbstractScheduler): string {
  const seed: unknown = Reflect.get(this.current, 'flipdeckSeed');
  if (typeof seed === 'string') return seed;
  const cardId: unknown = Reflect.get(this.current, 'flipdeckCardId');
  return `${String(cardId)}_${this.current.reps}_${this.review_time.getTime()}`;
}

const toSteps = (minutes: readonly number[]): StepUnit[] => minutes.map((m) => `${m}m` as StepUnit);

/** A configured scheduler. Build one per settings value; it is cheap and holds no card data. */
export interface Scheduler {
  /**
   * The state each of the four ratings would produce at `now`. Pass the `seed` the grade will use
   * (the review event's id) and each preview is exactly what that grade schedules.
   */
  preview(state: CardState, now: number, seed?: string): GradePreview;
  /** The state after grading `state` with `rating` at `now`; `seed` fixes the interval fuzz. */
  grade(state: CardState, rating: Rating, now: number, seed?: string): CardState;
  /**
   * Load balancing and easy days: `after` (what grading `before` at `now` gave) moved to the least
   * busy day of its fuzz range, `loadOn(days)` being the reviews already due `days` after `now`.
   * Null when the settings turn balancing off or the day stays. The move is the one replay makes
   * from the event's `balancedDueAt` (honourBalancedDueAt), so the cache and a rebuild agree.
   */
  balance(after: CardState, before: CardState | null, now: number, loadOn: (days: number) => number): CardState | null;
}

/** Creates a scheduler from study settings (retention, steps, fuzz, maximum interval, personal weights). */
export function createScheduler(settings: StudySettings): Scheduler {
  const engine: FSRS = fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: settings.isFuzzEnabled,
      enable_short_term: true,
      learning_steps: toSteps(settings.learningStepsMinutes),
      relearning_steps: toSteps(settings.relearningStepsMinutes),
      ...(settings.fsrsWeights ? { w: [...settings.fsrsWeights] } : {}),
    }),
  ).useStrategy(StrategyMode.SEED, seedFromCard);

  const model = memoryModel(settings.fsrsWeights);
  // The exam rule runs after ts-fsrs on every result, in preview and grade alike, so the buttons
  // show what the grade schedules and replay (which grades with the settings of the time) agrees.
  const withExam = (next: CardState, now: number): CardState => {
    if (settings.examAt === null || next.phase !== 'review') return next;
    const decision = examInterval(model, {
      now,
      examAt: settings.examAt,
      targetRecall: settings.examTargetRecall,
      stability: next.stability,
      difficulty: next.difficulty,
      dueAt: next.dueAt,
    });
    if (decision.kind === 'normal') return next;
    return { ...next, dueAt: now + decision.intervalDays * DAY_MS, scheduledDays: decision.intervalDays };
  };
  const fromItem = (base: CardState, item: RecordLogItem, now: number): CardState =>
    withExam(fromFsrsCard(base.deckId, base.cardId, item.card), now);

  return {
    preview(state, now, seed) {
      const log = engine.repeat(toFsrsCard(state, seed), now);
      return {
        again: previewEntry(fromItem(state, log[FsrsRating.Again], now)),
        hard: previewEntry(fromItem(state, log[FsrsRating.Hard], now)),
        good: previewEntry(fromItem(state, log[FsrsRating.Good], now)),
        easy: previewEntry(fromItem(state, log[FsrsRating.Easy], now)),
      };
    },
    grade(state, rating, now, seed) {
      return fromItem(state, engine.next(toFsrsCard(state, seed), now, RATING_TO_FSRS[rating]), now);
    },
    balance(after, before, now, loadOn) {
      if (!settings.isLoadBalanced) return null;
      const elapsedDays = elapsedWholeDays(before, now);
      const dueAt = balancedDueAt({ state: after, now, elapsedDays, settings, loadOn, easyWeekdays: settings.easyWeekdays });
      if (dueAt === null) return null;
      const moved = honourBalancedDueAt(after, now, elapsedDays, settings, dueAt);
      return moved === after ? null : moved;
    },
  };
}

const previewEntry = (state: CardState) => ({ dueAt: state.dueAt, state });

// Callers that grade also need a blank state; it lives in new-card.ts, free of ts-fsrs.
export { newCardState } from './new-card';

function toFsrsCard(state: CardState, seed: string | undefined): SeededCard {
  return {
    due: new Date(state.dueAt),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningStep,
    reps: state.reps,
    lapses: state.lapses,
    state: PHASE_TO_FSRS[state.phase],
    ...(state.lastReviewedAt === null ? {} : { last_review: new Date(state.lastReviewedAt) }),
    flipdeckCardId: state.cardId,
    flipdeckSeed: seed,
  };
}

function fromFsrsCard(deckId: DeckId, cardId: CardId, card: FsrsCard): CardState {
  return {
    deckId,
    cardId,
    phase: FSRS_TO_PHASE[card.state],
    dueAt: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningStep: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReviewedAt: card.last_review ? card.last_review.getTime() : null,
  };
}
