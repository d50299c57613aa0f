/**
 * Study-day arithmetic for the statistics. A study day runs from `dayStartHour` local time to the
 * same hour the next day (see queue/study-day.ts), so DST days are 23 or 25 hours long.
 */
import { studyDayStart } from '../queue/study-day';

/** The start of the study day `offsetDays` after the one that starts at `dayStartMs` (negative goes back). */
export function shiftStudyDay(dayStartMs: number, offsetDays: number): number {
  const shifted = new Date(dayStartMs);
  // setDate keeps the local wall-clock hour, so a DST change does not drift the boundary.
  shifted.setDate(shifted.getDate() + offsetDays);
  return shifted.getTime();
}

/** Starts of the `count` study days ending with the one containing `now`, oldest first. */
export function recentStudyDayStarts(now: number, dayStartHour: number, count: number): number[] {
  const today = studyDayStart(now, dayStartHour);
  return Array.from({ length: count }, (_, i) => shiftStudyDay(today, i - count + 1));
}

/** Index of the day in ascending `dayStarts` that contains `atMs`; -1 before the first day. */
export function dayIndexOf(dayStarts: readonly number[], atMs: number): number {
  let low = 0;
  let high = dayStarts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((dayStarts[mid] ?? Infinity) <= atMs) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
