import { studyDayStart } from '../queue/study-day';
import type { CardState } from '../scheduling/types';
import { dayIndexOf, shiftStudyDay } from './days';

/** Days shown in the due forecast, today included. */
export const FORECAST_DAYS = 30;

export interface ForecastDay {
  /** Start of the study day, epoch ms. */
  readonly dayStart: number;
  /** Cards falling due that day; today also holds everything already overdue. */
  readonly due: number;
}

/** How many studied cards fall due on each of the next study days. New and suspended cards are left out. */
export function dueForecast(states: readonly CardState[], now: number, dayStartHour: number, dayCount = FORECAST_DAYS): ForecastDay[] {
  const today = studyDayStart(now, dayStartHour);
  const starts = Array.from({ length: dayCount }, (_, i) => shiftStudyDay(today, i));
  const end = shiftStudyDay(today, dayCount);
  const due = new Array<number>(dayCount).fill(0);
  for (const state of states) {
    if (state.isSuspended === true || state.phase === 'new' || state.dueAt >= end) continue;
    const index = Math.max(0, dayIndexOf(starts, state.dueAt));
    due[index] = (due[index] ?? 0) + 1;
  }
  return starts.map((dayStart, i) => ({ dayStart, due: due[i] ?? 0 }));
}
