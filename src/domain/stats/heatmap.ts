import type { ReviewLogEntry } from '../scheduling/types';
import { dayIndexOf, recentStudyDayStarts } from './days';

/** Days shown in the review heatmap: one year, today included. */
export const HEATMAP_DAYS = 365;

export interface HeatmapDay {
  /** Start of the study day, epoch ms. */
  readonly dayStart: number;
  /** Local weekday of the day, 0 = Sunday, for the calendar layout. */
  readonly weekday: number;
  readonly reviews: number;
}

export interface ReviewHeatmap {
  /** Oldest first; the last day is today. */
  readonly days: readonly HeatmapDay[];
  /** Days in a row with at least one review, ending today (or yesterday while today has none yet). */
  readonly streakDays: number;
  readonly totalReviews: number;
  readonly activeDays: number;
}

/** Reviews per study day over the past year, with the current streak. Entries after `now` are ignored. */
export function reviewHeatmap(log: readonly ReviewLogEntry[], now: number, dayStartHour: number, dayCount = HEATMAP_DAYS): ReviewHeatmap {
  const starts = recentStudyDayStarts(now, dayStartHour, dayCount);
  const counts = new Array<number>(dayCount).fill(0);
  for (const entry of log) {
    if (entry.reviewedAt > now) continue;
    const index = dayIndexOf(starts, entry.reviewedAt);
    if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
  }
  const days = starts.map((dayStart, i) => ({ dayStart, weekday: new Date(dayStart).getDay(), reviews: counts[i] ?? 0 }));
  return {
    days,
    streakDays: streakEndingToday(counts),
    totalReviews: counts.reduce((sum, n) => sum + n, 0),
    activeDays: counts.filter((n) => n > 0).length,
  };
}

function streakEndingToday(counts: readonly number[]): number {
  let index = counts.length - 1;
  // A streak is not broken before the student has had a chance to study today.
  if ((counts[index] ?? 0) === 0) index -= 1;
  let streak = 0;
  while (index >= 0 && (counts[index] ?? 0) > 0) {
    streak += 1;
    index -= 1;
  }
  return streak;
}
