/**
 * Study settings in one object so a later settings screen can edit them.
 * Units are in the names; hours are local clock hours.
 */
export interface StudySettings {
  /** Target probability of recall at the moment a review card falls due (0.70–0.99). */
  readonly desiredRetention: number;
  readonly learningStepsMinutes: readonly number[];
  readonly relearningStepsMinutes: readonly number[];
  readonly maximumIntervalDays: number;
  /** Interval fuzz spreads reviews; seeded from the card and `now`, so it is reproducible. */
  readonly isFuzzEnabled: boolean;
  readonly newCardsPerDay: number;
  readonly reviewsPerDay: number;
  /** The study day starts at this local hour (Anki: 4 am). */
  readonly dayStartHour: number;
  /** When nothing else is left, a learning card due within this many minutes is shown early. */
  readonly learnAheadMinutes: number;
  /** A new card waits for the next day when another card of its note (a cloze sibling) is studied today. */
  readonly isBuryingNewSiblings: boolean;
  /** A review card waits for the next day when another card of its note is studied today. */
  readonly isBuryingReviewSiblings: boolean;
  /** The 21 FSRS-6 weights fitted to this user's reviews; null uses the published defaults. */
  readonly fsrsWeights: readonly number[] | null;
  /** The weights in use before the last "Optimize" was applied, so they can be restored. */
  readonly previousFsrsWeights: readonly number[] | null;
  /**
   * Exam-date mode (issue 14): the start of the exam's study day, epoch ms, or null when off.
   * While `now` is before it, no interval carries a card past it with recall below the target.
   */
  readonly examAt: number | null;
  /** The recall wanted for each card at `examAt` (0.70–0.99); the exam is the day it counts. */
  readonly examTargetRecall: number;
  /** Minutes a day the student will study for the exam; null means no cap. */
  readonly examDailyMinutes: number | null;
  /**
   * Load balancing (issue 14, as Anki since 24.11): a review's due day is the least busy one
   * within its interval fuzz range, so the daily load stays even.
   */
  readonly isLoadBalanced: boolean;
  /** Weekdays to keep light, 0 (Sunday) to 6; balancing gives them fewer reviews. */
  readonly easyWeekdays: readonly number[];
}

/** The defaults from the product spec (issue 2). */
export const DEFAULT_SETTINGS: StudySettings = {
  desiredRetention: 0.9,
  learningStepsMinutes: [1, 10],
  relearningStepsMinutes: [10],
  maximumIntervalDays: 36500,
  isFuzzEnabled: true,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  learnAheadMinutes: 20,
  // Anki's options of the same names; new siblings on, so a cloze note's cards arrive a day apart.
  isBuryingNewSiblings: true,
  isBuryingReviewSiblings: false,
  fsrsWeights: null,
  previousFsrsWeights: null,
  examAt: null,
  examTargetRecall: 0.95,
  examDailyMinutes: null,
  isLoadBalanced: true,
  easyWeekdays: [],
};

/** How many weights an FSRS-6 parameter set has. */
export const FSRS_WEIGHT_COUNT = 21;

/** Whether `weights` is a usable FSRS-6 parameter set (21 finite numbers). */
export function isFsrsWeights(weights: unknown): weights is readonly number[] {
  return (
    Array.isArray(weights) &&
    weights.length === FSRS_WEIGHT_COUNT &&
    weights.every((w) => typeof w === 'number' && Number.isFinite(w))
  );
}
