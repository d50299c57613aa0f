import { studyDayStart } from '../queue/study-day';
import type { ReviewLogEntry } from '../scheduling/types';

export interface TodayStats {
  /** Every answer today, including first views and learning steps. */
  readonly reviews: number;
  /** Summed answer time, ms. */
  readonly studyMs: number;
  /** Average answer time per review in seconds, or null before the first review. */
  readonly averageSeconds: number | null;
}

/** Reviews done in the current study day, the time they took and the average per card. */
export function todayStats(log: readonly ReviewLogEntry[], now: number, dayStartHour: number): TodayStats {
  const since = studyDayStart(now, dayStartHour);
  let reviews = 0;
  let studyMs = 0;
  for (const entry of log) {
    if (entry.reviewedAt < since || entry.reviewedAt > now) continue;
    reviews += 1;
    studyMs += entry.answerMs;
  }
  return { reviews, studyMs, averageSeconds: reviews === 0 ? null : studyMs / reviews / 1000 };
}
