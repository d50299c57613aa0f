/**
 * The workload simulator ("help me decide", issue 14): for each desired retention from 70% to 97%,
 * the expected daily answers and minutes over the next year and the cards remembered along the
 * way, from simulating the student's own cards with their own weights. It is what Anki's "Help Me
 * Decide" offers, scoped to one deck or to all of them.
 *
 * A lean simulation, not the session's scheduler: a card is due on a day, answered once that day
 * (a lapse or a new card also pays for its relearning or learning steps, which are taken as passed
 * the same day), and comes back after the interval ts-fsrs gives its new stability at that
 * retention. The memory maths (forgetting curve, stability and difficulty updates, intervals) is
 * ts-fsrs's, through src/domain/scheduling. Pure: time is `now`, randomness comes from `seed`, and
 * every retention is run with the same random numbers, so the curves differ by the retention alone.
 * The method and its assumptions are in docs/exam-mode.md.
 */
import { studyDayStart } from '../queue/study-day';
import { intervalPolicy, memoryModel, type Memory } from '../scheduling/forgetting-curve';
import { seededRandom } from '../scheduling/memory-model';
import type { CardState } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';

const DAY_MS = 86_400_000;
/** The retentions the simulator compares: 70% to 97% in steps of 3 points (the current setting is added). */
export const WORKLOAD_RETENTIONS: readonly number[] = [0.7, 0.73, 0.76, 0.79, 0.82, 0.85, 0.88, 0.91, 0.94, 0.97];
export const WORKLOAD_DAYS = 365;
/** What one answer costs when the deck has no history to measure it from, in seconds. */
export const WORKLOAD_SECONDS_PER_ANSWER = 10;
/** As the planner's answer model: a new card is recalled at first sight with this probability. */
const FIRST_SIGHT_RECALL = 0.7;

export interface WorkloadInput {
  /** Every card to simulate (suspended ones left out): its state, or null for a new card. */
  readonly cards: readonly (CardState | null)[];
  /** Weights, daily limits, steps, maximum interval, day start, and the current retention to mark. */
  readonly settings: StudySettings;
  readonly now: number;
  readonly days?: number;
  readonly secondsPerAnswer?: number;
  readonly retentions?: readonly number[];
  readonly seed?: number;
}

/** Days in each period of a retention's year, as charted. */
export const WORKLOAD_PERIOD_DAYS = 28;

/**
 * Four weeks of a retention's year: the mean day, and the cards remembered at the period's end.
 * Four weeks, not one: the sum over every card's retrievability is most of the simulation's cost.
 */
export interface WorkloadPeriod {
  readonly days: number;
  readonly answersPerDay: number;
  readonly minutesPerDay: number;
  /** Expected cards remembered at the end of the period: the sum of their retrievabilities. */
  readonly remembered: number;
}

export interface WorkloadPoint {
  readonly retention: number;
  /** Answers on each simulated day (reviews, relearning and learning steps, first sights). */
  readonly dailyAnswers: readonly number[];
  readonly periods: readonly WorkloadPeriod[];
  readonly totalMinutes: number;
  readonly minutesPerDay: number;
  readonly answersPerDay: number;
  /** Expected cards remembered on the last day. */
  readonly rememberedAtEnd: number;
  /** Cards remembered at the end per minute of study over the year: what a retention buys. */
  readonly rememberedPerMinute: number;
}

export interface Workload {
  readonly days: number;
  readonly cardCount: number;
  /** In increasing retention. */
  readonly points: readonly WorkloadPoint[];
  /** The point at the settings' desired retention. */
  readonly currentIndex: number;
  /** The point with the most cards remembered per minute of study (the lower retention on a tie). */
  readonly bestIndex: number;
}

/** Which retentions are simulated: the grid, plus the current setting when it is not on it. */
export function workloadRetentions(current: number, grid: readonly number[] = WORKLOAD_RETENTIONS): number[] {
  const values = grid.some((r) => Math.abs(r - current) < 1e-9) ? [...grid] : [...grid, current];
  return values.sort((a, b) => a - b);
}

/** Runs the simulation for every retention; `onProgress` hears after each one. */
export function simulateWorkload(input: WorkloadInput, onProgress: (done: number, total: number) => void = () => {}): Workload {
  const retentions = workloadRetentions(input.settings.desiredRetention, input.retentions ?? WORKLOAD_RETENTIONS);
  const points: WorkloadPoint[] = [];
  for (const retention of retentions) {
    points.push(simulateAt(input, retention));
    onProgress(points.length, retentions.length);
  }
  const currentIndex = retentions.findIndex((r) => Math.abs(r - input.settings.desiredRetention) < 1e-9);
  let bestIndex = 0;
  points.forEach((point, i) => {
    if (point.rememberedPerMinute > points[bestIndex]!.rememberedPerMinute + 1e-9) bestIndex = i;
  });
  return { days: input.days ?? WORKLOAD_DAYS, cardCount: input.cards.length, points, currentIndex, bestIndex };
}

function simulateAt(input: WorkloadInput, retention: number): WorkloadPoint {
  const { settings } = input;
  const days = input.days ?? WORKLOAD_DAYS;
  const secondsPerAnswer = input.secondsPerAnswer ?? WORKLOAD_SECONDS_PER_ANSWER;
  const model = memoryModel(settings.fsrsWeights);
  const interval = intervalPolicy(settings.fsrsWeights, retention, settings.maximumIntervalDays);
  const random = seededRandom(input.seed ?? 0x1e55);
  const today = studyDayStart(input.now, settings.dayStartHour);
  const learningSteps = settings.learningStepsMinutes.length;
  const relearningSteps = settings.relearningStepsMinutes.length;

  const count = input.cards.length;
  const memory: (Memory | null)[] = new Array<Memory | null>(count).fill(null);
  // The day of each card's last answer, counted from today (a past one is negative, fractional).
  const lastDay = new Float64Array(count);
  // due[d]: the cards due on day d; a card due past the horizon is not queued.
  const due: number[][] = Array.from({ length: days }, () => []);
  const newQueue: number[] = [];
  input.cards.forEach((state, i) => {
    if (state === null || state.reps === 0 || state.lastReviewedAt === null) {
      newQueue.push(i);
      return;
    }
    memory[i] = { stability: state.stability, difficulty: state.difficulty };
    lastDay[i] = (state.lastReviewedAt - today) / DAY_MS;
    // Cards keep the due dates they have: changing the retention reschedules a card at its next answer.
    const dueDay = Math.max(0, Math.floor((state.dueAt - today) / DAY_MS));
    if (dueDay < days) due[dueDay]!.push(i);
  });

  const afterSteps = (start: Memory, steps: number): Memory => {
    let result = start;
    for (let step = 0; step < steps; step += 1) result = model.nextMemory(result, 0, 3);
    return result;
  };
  const schedule = (i: number, day: number) => {
    const next = day + interval(memory[i]!.stability);
    if (next < days) due[next]!.push(i);
  };
  const remembered = (atDay: number) => {
    let total = 0;
    for (let i = 0; i < count; i += 1) {
      const m = memory[i];
      if (m) total += model.retrievability(atDay - lastDay[i]!, m.stability);
    }
    return total;
  };

  const dailyAnswers: number[] = [];
  const periods: WorkloadPeriod[] = [];
  let backlog: number[] = [];
  let nextNew = 0;
  let periodAnswers = 0;
  let periodDays = 0;
  for (let day = 0; day < days; day += 1) {
    let answers = 0;
    // Yesterday's overflow first: it has waited longest.
    const queue = backlog.length > 0 ? backlog.concat(due[day]!) : due[day]!;
    const reviewed = Math.min(queue.length, settings.reviewsPerDay);
    backlog = queue.slice(reviewed);
    for (let q = 0; q < reviewed; q += 1) {
      const i = queue[q]!;
      const elapsed = day - lastDay[i]!;
      const recall = model.retrievability(elapsed, memory[i]!.stability);
      const grade = gradeFor(random(), recall);
      const next = model.nextMemory(memory[i]!, elapsed, grade);
      if (grade === 1) {
        memory[i] = afterSteps(next, relearningSteps);
        answers += 1 + relearningSteps;
      } else {
        memory[i] = next;
        answers += 1;
      }
      lastDay[i] = day;
      schedule(i, day);
    }
    for (let n = 0; n < settings.newCardsPerDay && nextNew < newQueue.length; n += 1) {
      const i = newQueue[nextNew]!;
      nextNew += 1;
      const grade = gradeFor(random(), FIRST_SIGHT_RECALL);
      const first = model.nextMemory(null, 0, grade);
      // Easy graduates at once; any other first answer goes through the learning steps.
      const steps = grade === 4 ? 0 : learningSteps;
      memory[i] = afterSteps(first, steps);
      answers += 1 + steps;
      lastDay[i] = day;
      schedule(i, day);
    }
    dailyAnswers.push(answers);
    periodAnswers += answers;
    periodDays += 1;
    if (periodDays === WORKLOAD_PERIOD_DAYS || day === days - 1) {
      const answersPerDay = periodAnswers / periodDays;
      periods.push({ days: periodDays, answersPerDay, minutesPerDay: (answersPerDay * secondsPerAnswer) / 60, remembered: remembered(day + 1) });
      periodAnswers = 0;
      periodDays = 0;
    }
  }

  const totalAnswers = dailyAnswers.reduce((sum, n) => sum + n, 0);
  const totalMinutes = (totalAnswers * secondsPerAnswer) / 60;
  const rememberedAtEnd = periods.length > 0 ? periods[periods.length - 1]!.remembered : remembered(0);
  return {
    retention,
    dailyAnswers,
    periods,
    totalMinutes,
    minutesPerDay: days > 0 ? totalMinutes / days : 0,
    answersPerDay: days > 0 ? totalAnswers / days : 0,
    rememberedAtEnd,
    rememberedPerMinute: totalMinutes > 0 ? rememberedAtEnd / totalMinutes : 0,
  };
}

/** The planner's answer model (simulate-study.ts): recalled with probability `recall`; 1–4 as Again–Easy. */
function gradeFor(roll: number, recall: number): 1 | 2 | 3 | 4 {
  if (roll >= recall) return 1;
  if (roll < recall * 0.1) return 2;
  if (roll > recall * 0.95) return 4;
  return 3;
}
