/**
 * The FSRS memory model applied to a whole review log: per-card histories in study days, the
 * flattened form the optimizer takes, the log loss of a parameter set on that log, and the daily
 * review load a desired retention implies. Pure: time comes from the log, randomness from a seed.
 */
import { FSRSAlgorithm, type FSRSState, default_w, generatorParameters } from 'ts-fsrs';
import { studyDayStart } from '../queue/study-day';
import type { CardState, Rating, ReviewLogEntry } from './types';

const RATING_NUMBER: Readonly<Record<Rating, number>> = { again: 1, hard: 2, good: 3, easy: 4 };
const DAY_MS = 86_400_000;

/** Fitting needs this many reviews before its parameters beat the defaults reliably. */
export const MIN_REVIEWS_TO_OPTIMIZE = 400;

/** The published FSRS-6 default weights. */
export const DEFAULT_FSRS_WEIGHTS: readonly number[] = default_w;

/** One card's reviews in order: ratings 1–4 and whole study days since the previous review (0 first). */
export interface CardHistory {
  readonly ratings: readonly number[];
  readonly dayDeltas: readonly number[];
}

/** The review log flattened for fsrs-browser's computeParameters: one item per review prefix. */
export interface OptimizerInput {
  readonly ratings: Uint32Array;
  readonly dayDeltas: Uint32Array;
  readonly lengths: Uint32Array;
  readonly itemCount: number;
}

/** Index of the study day containing `at`, counted so that differences are whole study days. */
function studyDayIndex(at: number, dayStartHour: number): number {
  const start = studyDayStart(at, dayStartHour);
  // Date.UTC of the local calendar date ignores DST, so consecutive study days differ by exactly 1.
  const local = new Date(start);
  return Math.round(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS);
}

/** Groups a review log into per-card histories, each in review order, deltas in study days. */
export function cardHistories(log: readonly ReviewLogEntry[], dayStartHour: number): CardHistory[] {
  const byCard = new Map<string, ReviewLogEntry[]>();
  for (const entry of log) {
    const key = JSON.stringify([entry.deckId, entry.cardId]);
    const list = byCard.get(key);
    if (list) list.push(entry);
    else byCard.set(key, [entry]);
  }
  const histories: CardHistory[] = [];
  for (const entries of byCard.values()) {
    entries.sort((a, b) => a.reviewedAt - b.reviewedAt || byId(a.id, b.id));
    const days = entries.map((e) => studyDayIndex(e.reviewedAt, dayStartHour));
    histories.push({
      ratings: entries.map((e) => RATING_NUMBER[e.rating]),
      dayDeltas: days.map((day, i) => (i === 0 ? 0 : Math.max(0, day - days[i - 1]!))),
    });
  }
  return histories;
}

/**
 * Flattens histories into optimizer items: for every review after the first that comes at least a
 * day after the one before it, the card's history up to and including that review.
 */
export function toOptimizerInput(histories: readonly CardHistory[]): OptimizerInput {
  const ratings: number[] = [];
  const dayDeltas: number[] = [];
  const lengths: number[] = [];
  for (const history of histories) {
    for (let end = 1; end < history.ratings.length; end += 1) {
      if (history.dayDeltas[end]! === 0) continue;
      for (let i = 0; i <= end; i += 1) {
        ratings.push(history.ratings[i]!);
        dayDeltas.push(history.dayDeltas[i]!);
      }
      lengths.push(end + 1);
    }
  }
  return {
    ratings: Uint32Array.from(ratings),
    dayDeltas: Uint32Array.from(dayDeltas),
    lengths: Uint32Array.from(lengths),
    itemCount: lengths.length,
  };
}

const algorithmFor = (weights: readonly number[]) => new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_short_term: true }));

/** Keeps log() finite when a prediction is (numerically) certain. */
const clampProbability = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

export interface LogLossResult {
  /** Mean binary cross-entropy of predicted recall against what happened; lower predicts better. */
  readonly logLoss: number;
  /** How many reviews were scored (those at least a day after the card's previous review). */
  readonly reviewCount: number;
}

/**
 * How well `weights` predict the log: replays each card's memory state and scores every review
 * that came a day or more after the previous one (recalled = any rating but Again).
 */
export function logLoss(histories: readonly CardHistory[], weights: readonly number[]): LogLossResult {
  const algorithm = algorithmFor(weights);
  let total = 0;
  let count = 0;
  for (const history of histories) {
    let state: FSRSState | null = null;
    for (let i = 0; i < history.ratings.length; i += 1) {
      const rating = history.ratings[i]!;
      const delta = history.dayDeltas[i]!;
      if (state !== null && delta > 0) {
        const p = clampProbability(algorithm.forgetting_curve(delta, state.stability));
        total -= rating > 1 ? Math.log(p) : Math.log(1 - p);
        count += 1;
      }
      state = algorithm.next_state(state, i === 0 ? 0 : delta, rating);
    }
  }
  return { logLoss: count === 0 ? Number.NaN : total / count, reviewCount: count };
}

/** A small seeded PRNG (mulberry32) so simulations are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReviewLoadInput {
  readonly desiredRetention: number;
  readonly newCardsPerDay: number;
  /** Null uses the default weights. */
  readonly weights: readonly number[] | null;
  /** Cards already in review: their stability sets how often they come back. */
  readonly states: readonly CardState[];
  readonly maximumIntervalDays: number;
}

export interface ReviewLoadEstimate {
  /** Reviews a day the cards studied so far need at this retention. */
  readonly currentCardsPerDay: number;
  /** Reviews a day after a year of adding `newCardsPerDay` new cards every day. */
  readonly afterOneYearPerDay: number;
}

const SIMULATED_CARDS = 200;
const HORIZON_DAYS = 365;

/**
 * Estimates the daily review load a desired retention implies: exactly for the cards already in
 * review (1 / interval each), and by a seeded simulation of a year of new cards for the future.
 */
export function estimateReviewLoad(input: ReviewLoadInput): ReviewLoadEstimate {
  const weights = input.weights ?? DEFAULT_FSRS_WEIGHTS;
  const algorithm = new FSRSAlgorithm(
    generatorParameters({
      w: [...weights],
      request_retention: input.desiredRetention,
      maximum_interval: input.maximumIntervalDays,
      enable_fuzz: false,
    }),
  );
  const intervalDays = (stability: number) => Math.max(1, algorithm.next_interval(stability, 0));

  let currentCardsPerDay = 0;
  for (const state of input.states) {
    if (state.phase === 'review' && state.stability > 0) currentCardsPerDay += 1 / intervalDays(state.stability);
  }

  // A year in, today's load is the sum over each of the past 365 days' new cards of the chance
  // that they are due today, which adds up to newCardsPerDay x (reviews a card gets in its first
  // year). Simulate that per-card count: learned on day 0, reviewed whenever due.
  const random = seededRandom(0x5eed);
  let reviews = 0;
  for (let card = 0; card < SIMULATED_CARDS; card += 1) {
    let state = algorithm.next_state(null, 0, 3);
    let day = 0;
    for (;;) {
      const interval = intervalDays(state.stability);
      day += interval;
      if (day >= HORIZON_DAYS) break;
      reviews += 1;
      const isRecalled = random() < algorithm.forgetting_curve(interval, state.stability);
      state = algorithm.next_state(state, interval, isRecalled ? 3 : 1);
      // A lapse is relearnt the same day: one more review, and the short-term stability update.
      if (!isRecalled) {
        reviews += 1;
        state = algorithm.next_state(state, 0, 3);
      }
    }
  }
  const reviewsPerCardInFirstYear = reviews / SIMULATED_CARDS;
  return {
    currentCardsPerDay,
    afterOneYearPerDay: input.newCardsPerDay * reviewsPerCardInFirstYear,
  };
}

/** Event ids (ULIDs) sort by the time they were made, so they break ties in time. */
function byId(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}
