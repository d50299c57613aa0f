const HOUR_MS = 3_600_000;

/**
 * Start of the study day containing `now`, in epoch ms. As in Anki, a day starts at `dayStartHour`
 * local time, so reviewing at 1 am still counts towards the previous evening's day.
 */
export function studyDayStart(now: number, dayStartHour: number): number {
  const start = new Date(now);
  start.setHours(dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Start of the next study day after the one containing `now` (handles 23- and 25-hour DST days). */
export function nextStudyDayStart(now: number, dayStartHour: number): number {
  const next = new Date(studyDayStart(now, dayStartHour));
  next.setDate(next.getDate() + 1);
  // setDate keeps the wall-clock hour across DST changes; guard against a zero-length day anyway.
  return Math.max(next.getTime(), now + HOUR_MS);
}
