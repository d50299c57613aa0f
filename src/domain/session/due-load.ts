/**
 * How many cards fall due on each coming study day, for load balancing: read once when a session
 * starts and kept up to date by its own grades. Pure; days are study days (see study-day.ts).
 */
import { studyDayStart } from '../queue/study-day';

const DAY_MS = 86_400_000;

/** Cards due per study day, keyed by the day's start (epoch ms). */
export type DueLoad = ReadonlyMap<number, number>;

/** The load from the due times of the deck's stored cards. */
export function dueLoadOf(dueTimes: Iterable<number>, dayStartHour: number): DueLoad {
  const load = new Map<number, number>();
  for (const dueAt of dueTimes) {
    const day = studyDayStart(dueAt, dayStartHour);
    load.set(day, (load.get(day) ?? 0) + 1);
  }
  return load;
}

/** Cards due on the study day `days` whole days after `now`. */
export function loadOn(load: DueLoad, now: number, days: number, dayStartHour: number): number {
  return load.get(studyDayStart(now + days * DAY_MS, dayStartHour)) ?? 0;
}

/** The load after a card due at `fromDueAt` moved to `toDueAt` (null: not counted there). */
export function withMovedDue(load: DueLoad, fromDueAt: number | null, toDueAt: number | null, dayStartHour: number): DueLoad {
  const next = new Map(load);
  if (fromDueAt !== null) {
    const from = studyDayStart(fromDueAt, dayStartHour);
    const count = (next.get(from) ?? 0) - 1;
    if (count > 0) next.set(from, count);
    else next.delete(from);
  }
  if (toDueAt !== null) {
    const to = studyDayStart(toDueAt, dayStartHour);
    next.set(to, (next.get(to) ?? 0) + 1);
  }
  return next;
}
