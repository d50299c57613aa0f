/**
 * Breaks planned ahead (issue 14): a student away for some days, a trip or another exam, sees
 * what happens to the reviews that would fall due while they are gone, and can apply the plan.
 *
 * - A review due during the break is brought forward to one of the last days before it when that
 *   is early by at most a quarter of its interval: a review a little early costs little (recall
 *   is still above the target, and FSRS's stability gain barely drops that early).
 * - Otherwise (a young card, whose interval is short next to the break) it waits until after the
 *   break and is spread over the days after it, each to the least busy day, most forgotten first,
 *   so the first day back is not a pile-up.
 *
 * The plan's cost is the recall the waiting cards are expected to have when they are reviewed,
 * against the target they would have had on time; its effort, the reviews brought forward.
 * Pure: time is `now`. Applied, each move is a `reschedule` event (src/domain/events/types.ts).
 */
import type { CardId, DeckId } from '../ids';
import { nextStudyDayStart, studyDayStart } from '../queue/study-day';
import { memoryModel, retrievabilityAt } from '../scheduling/forgetting-curve';
import type { CardState } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';

/** A review may be brought forward by at most this share of its interval. */
export const MAX_EARLY_SHARE = 0.25;
/** Reviews brought forward go to the last few days before the break, at most this many. */
const DAYS_BEFORE_TO_USE = 3;
/** Waiting reviews are spread over at most this many days after the break. */
const MAX_SPREAD_DAYS = 7;

export interface BreakInput {
  /** The deck's cards with a stored state (others have nothing due). */
  readonly cards: readonly CardState[];
  /** Any moment of the first study day away, and of the first study day back. */
  readonly awayFrom: number;
  readonly backOn: number;
  readonly now: number;
  readonly settings: Pick<StudySettings, 'desiredRetention' | 'dayStartHour' | 'fsrsWeights'>;
}

export interface BreakMove {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly fromDueAt: number;
  readonly toDueAt: number;
  readonly direction: 'forward' | 'after';
}

/** Cards due on one study day, before and after the plan. */
export interface ForecastDay {
  readonly dayStartAt: number;
  readonly isAway: boolean;
  readonly before: number;
  readonly after: number;
}

export interface BreakPlan {
  readonly awayFrom: number;
  readonly backOn: number;
  readonly awayDays: number;
  readonly moves: readonly BreakMove[];
  readonly broughtForward: number;
  readonly waiting: number;
  /** Mean predicted recall of the waiting cards when they are reviewed; null when none wait. */
  readonly waitingRecall: number | null;
  readonly targetRecall: number;
  /** The days the waiting reviews are spread over. */
  readonly spreadDays: number;
  readonly forecast: readonly ForecastDay[];
}

export type BreakProblem = 'ends-before-it-starts' | 'already-started';

/** The plan, or why there is none: a break must start after today and end after it starts. */
export function planBreak(input: BreakInput): BreakPlan | BreakProblem {
  const { settings, now } = input;
  const hour = settings.dayStartHour;
  const today = studyDayStart(now, hour);
  const awayFrom = studyDayStart(input.awayFrom, hour);
  const backOn = studyDayStart(input.backOn, hour);
  if (awayFrom <= today) return 'already-started';
  if (backOn <= awayFrom) return 'ends-before-it-starts';

  const model = memoryModel(settings.fsrsWeights);
  const dayOf = (at: number) => studyDayStart(at, hour);
  const daysBetween = (from: number, to: number) => {
    const days: number[] = [];
    for (let day = from; day < to; day = nextStudyDayStart(day, hour)) days.push(day);
    return days;
  };
  const awayDays = daysBetween(awayFrom, backOn);
  const beforeDays = daysBetween(today, awayFrom).slice(-DAYS_BEFORE_TO_USE);
  const spreadWindow = daysBetween(backOn, dayAfter(backOn, MAX_SPREAD_DAYS, hour));

  const load = new Map<number, number>();
  for (const state of input.cards) load.set(dayOf(state.dueAt), (load.get(dayOf(state.dueAt)) ?? 0) + 1);
  const baseLoad = new Map(load);
  const leastBusy = (days: readonly number[]) => days.reduce((best, day) => ((load.get(day) ?? 0) < (load.get(best) ?? 0) ? day : best), days[0]!);

  const affected = input.cards
    .filter((state) => state.phase === 'review' && state.isSuspended !== true && state.dueAt >= awayFrom && state.dueAt < backOn && state.lastReviewedAt !== null)
    .sort((a, b) => a.dueAt - b.dueAt || (a.cardId < b.cardId ? -1 : 1));
  const moves: BreakMove[] = [];
  const waiting: CardState[] = [];
  for (const state of affected) {
    const interval = state.dueAt - state.lastReviewedAt!;
    // The same time of day on an earlier day, so the card is due when the student studies then.
    const allowed = beforeDays.filter((day) => state.dueAt - atDay(state.dueAt, day, hour) <= interval * MAX_EARLY_SHARE);
    if (allowed.length === 0) {
      waiting.push(state);
      continue;
    }
    const day = leastBusy(allowed);
    move(load, dayOf(state.dueAt), day);
    moves.push({ deckId: state.deckId, cardId: state.cardId, fromDueAt: state.dueAt, toDueAt: atDay(state.dueAt, day, hour), direction: 'forward' });
  }

  // Most forgotten by the day back goes first, to the least busy day of the window then in use.
  const recallBack = (state: CardState) => retrievabilityAt(model, state, backOn);
  waiting.sort((a, b) => recallBack(a) - recallBack(b) || (a.cardId < b.cardId ? -1 : 1));
  const spreadDays = Math.min(spreadWindow.length, Math.max(1, Math.ceil(waiting.length / Math.max(1, averageLoad(baseLoad, today, awayFrom)))));
  const window = spreadWindow.slice(0, spreadDays);
  let recallTotal = 0;
  for (const state of waiting) {
    const day = leastBusy(window);
    const toDueAt = day + (state.dueAt - dayOf(state.dueAt));
    move(load, dayOf(state.dueAt), day);
    recallTotal += retrievabilityAt(model, state, toDueAt);
    moves.push({ deckId: state.deckId, cardId: state.cardId, fromDueAt: state.dueAt, toDueAt, direction: 'after' });
  }

  const shown = daysBetween(today, dayAfter(backOn, Math.max(spreadDays, 3), hour));
  return {
    awayFrom,
    backOn,
    awayDays: awayDays.length,
    moves,
    broughtForward: moves.length - waiting.length,
    waiting: waiting.length,
    waitingRecall: waiting.length === 0 ? null : recallTotal / waiting.length,
    targetRecall: settings.desiredRetention,
    spreadDays: waiting.length === 0 ? 0 : spreadDays,
    forecast: shown.map((day) => ({ dayStartAt: day, isAway: day >= awayFrom && day < backOn, before: baseLoad.get(day) ?? 0, after: load.get(day) ?? 0 })),
  };
}

function move(load: Map<number, number>, from: number, to: number): void {
  load.set(from, (load.get(from) ?? 1) - 1);
  load.set(to, (load.get(to) ?? 0) + 1);
}

/** `at`'s time of day on the study day starting at `dayStartAt`. */
function atDay(at: number, dayStartAt: number, dayStartHour: number): number {
  return dayStartAt + (at - studyDayStart(at, dayStartHour));
}

function dayAfter(day: number, count: number, dayStartHour: number): number {
  let result = day;
  for (let i = 0; i < count; i += 1) result = nextStudyDayStart(result, dayStartHour);
  return result;
}

/** The mean reviews due a day from `from` to `to` (at least one day), as the usual load to spread at. */
function averageLoad(load: ReadonlyMap<number, number>, from: number, to: number): number {
  let total = 0;
  for (const [day, count] of load) if (day >= from && day < to) total += count;
  return total / Math.max(1, Math.round((to - from) / 86_400_000));
}
