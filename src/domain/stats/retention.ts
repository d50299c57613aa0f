import type { ReviewLogEntry } from '../scheduling/types';
import { recentStudyDayStarts } from './days';
import { isMature } from './maturity';

/** The periods Anki's true-retention table shows, in study days ending today. */
export const RETENTION_PERIOD_DAYS: readonly number[] = [7, 30, 365];

export interface PassCount {
  /** Reviews not graded Again. */
  readonly passed: number;
  readonly total: number;
}

export interface RetentionPeriod {
  readonly days: number;
  readonly young: PassCount;
  readonly mature: PassCount;
  readonly all: PassCount;
}

/**
 * True retention as Anki defines it: of the reviews of cards that were in long-term review
 * (before.phase === 'review'), the share not graded Again; young vs mature by the interval the
 * card had before that review. Learning-step and first reviews are left out.
 */
export function trueRetention(
  log: readonly ReviewLogEntry[],
  now: number,
  dayStartHour: number,
  periodsDays: readonly number[] = RETENTION_PERIOD_DAYS,
): RetentionPeriod[] {
  return periodsDays.map((days) => {
    const since = recentStudyDayStarts(now, dayStartHour, days)[0] ?? now;
    const young = { passed: 0, total: 0 };
    const mature = { passed: 0, total: 0 };
    for (const entry of log) {
      const { before } = entry;
      if (before?.phase !== 'review' || entry.reviewedAt < since || entry.reviewedAt > now) continue;
      const bucket = isMature(before) ? mature : young;
      bucket.total += 1;
      if (entry.rating !== 'again') bucket.passed += 1;
    }
    const all = { passed: young.passed + mature.passed, total: young.total + mature.total };
    return { days, young, mature, all };
  });
}

/** The pass rate as a fraction 0–1, or null when there were no reviews to judge by. */
export const passRate = (count: PassCount): number | null => (count.total === 0 ? null : count.passed / count.total);
