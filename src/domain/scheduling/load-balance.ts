/**
 * Load balancing and easy days (issue 14): among the days a review card's interval fuzz could
 * give anyway, prefer the least busy one, counting the student's easy weekdays as busier so they
 * get fewer reviews. The due date chosen depends on other cards, which replay of one card cannot
 * see, so the grading device records it on the review event (ReviewBody.balancedDueAt) and replay
 * honours it only inside the card's own fuzz range (honourBalancedDueAt).
 */
import { FSRSAlgorithm, generatorParameters, get_fuzz_range } from 'ts-fsrs';
import type { StudySettings } from '../settings/study-settings';
import type { CardState } from './types';

const DAY_MS = 86_400_000;
/** An easy weekday's reviews count this many times over, so it is chosen only when far lighter. */
export const EASY_DAY_WEIGHT = 2;

type RangeSettings = Pick<StudySettings, 'desiredRetention' | 'maximumIntervalDays' | 'fsrsWeights'>;

/** Whole days from the review, inclusive bounds. */
export interface DayRange {
  readonly minDays: number;
  readonly maxDays: number;
}

/**
 * The interval range fuzz could give the graded card: ts-fsrs's fuzz range around the unfuzzed
 * interval, widened to include the interval actually scheduled. Null outside the review phase.
 */
export function fuzzRange(state: CardState, elapsedDays: number, settings: RangeSettings): DayRange | null {
  if (state.phase !== 'review' || state.scheduledDays < 1) return null;
  const algorithm = new FSRSAlgorithm(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: false,
      ...(settings.fsrsWeights ? { w: [...settings.fsrsWeights] } : {}),
    }),
  );
  const interval = algorithm.next_interval(state.stability, elapsedDays);
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsedDays, settings.maximumIntervalDays);
  return { minDays: Math.min(min_ivl, state.scheduledDays), maxDays: Math.max(max_ivl, state.scheduledDays) };
}

/** Whole days from the card's previous review to `now`, as balancing counts them (0 if none). */
export function elapsedWholeDays(before: CardState | null, now: number): number {
  return before?.lastReviewedAt == null ? 0 : Math.max(0, Math.floor((now - before.lastReviewedAt) / DAY_MS));
}

export interface BalanceInput {
  /** The state the grade produced (already exam-aware). */
  readonly state: CardState;
  readonly now: number;
  /** Whole days since the card's previous review (0 for a first review). */
  readonly elapsedDays: number;
  readonly settings: RangeSettings;
  /** Reviews already due on the day `days` after `now` (other cards). */
  readonly loadOn: (days: number) => number;
  /** Weekdays to keep light, 0 (Sunday) to 6, in local time. */
  readonly easyWeekdays: readonly number[];
}

/**
 * The due time balancing chooses, or null to keep the scheduled one. Deterministic: the least
 * weighted load wins, ties go to the day nearest the scheduled interval, then the earlier day.
 */
export function balancedDueAt(input: BalanceInput): number | null {
  const { state, now } = input;
  const range = fuzzRange(state, input.elapsedDays, input.settings);
  // An exam-shortened interval lies outside the fuzz range on purpose: leave it where it is.
  if (range === null || range.minDays === range.maxDays || state.scheduledDays < range.minDays || state.scheduledDays > range.maxDays) return null;
  const easy = new Set(input.easyWeekdays);
  let best = state.scheduledDays;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let days = range.minDays; days <= range.maxDays; days += 1) {
    const weekday = new Date(now + days * DAY_MS).getDay();
    const cost = input.loadOn(days) * (easy.has(weekday) ? EASY_DAY_WEIGHT : 1) + (easy.has(weekday) ? 0.5 : 0);
    const isBetter = cost < bestCost || (cost === bestCost && Math.abs(days - state.scheduledDays) < Math.abs(best - state.scheduledDays));
    if (isBetter) {
      best = days;
      bestCost = cost;
    }
  }
  return best === state.scheduledDays ? null : now + best * DAY_MS;
}

/**
 * The graded state moved to a recorded balanced due time, when that time is a whole number of
 * days inside the card's fuzz range; otherwise (another device's merged history, a hostile
 * event) the state as graded.
 */
export function honourBalancedDueAt(state: CardState, now: number, elapsedDays: number, settings: RangeSettings, dueAt: number): CardState {
  const range = fuzzRange(state, elapsedDays, settings);
  const days = (dueAt - now) / DAY_MS;
  if (range === null || !Number.isInteger(days) || days < range.minDays || days > range.maxDays) return state;
  if (state.scheduledDays < range.minDays || state.scheduledDays > range.maxDays) return state;
  return { ...state, dueAt, scheduledDays: days };
}
