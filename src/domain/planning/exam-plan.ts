/**
 * The exam plan (issue 14): how many new cards a day introduce every card in time, the expected
 * answers and minutes per day until the exam, and the recall predicted on exam day if the student
 * stops now and if they follow the plan. Pure; see docs/exam-mode.md for the method.
 */
import type { DeckId } from '../ids';
import { studyDayStart, nextStudyDayStart } from '../queue/study-day';
import type { CardState } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';
import { predictedRecall } from './predict';
import { simulateStudy, type DayLoad, type StudySimulation } from './simulate-study';

/** What one answer costs when the deck has no history to measure it from, in seconds. */
export const DEFAULT_SECONDS_PER_ANSWER = 10;
/**
 * The planner follows this many card paths: a small deck is simulated several times over (at most
 * MAX_RUNS), a large one through a sample of this many of its cards, scaled back up. The mean
 * recall of 600 paths is within about a point of the whole deck's, and it keeps a 10,000-card plan
 * as fast as a 600-card one.
 */
export const PATHS_PER_PLAN = 600;
const MAX_RUNS = 4;

/**
 * Every k-th card in deck order, for a sample of about `size`: the sample keeps the deck's order of
 * new cards and its mix of new, young and mature cards. The whole deck when it is no larger.
 */
export function sampleCards<T>(cards: readonly T[], size: number): readonly T[] {
  if (cards.length <= size) return cards;
  const step = cards.length / size;
  return Array.from({ length: size }, (_, i) => cards[Math.floor(i * step)]!);
}

/** Study days from today's up to the exam's, the exam's excluded: the days left to study. */
export function studyDaysBefore(now: number, examAt: number, dayStartHour: number): number {
  const examDay = studyDayStart(examAt, dayStartHour);
  let count = 0;
  for (let day = studyDayStart(now, dayStartHour); day < examDay; day = nextStudyDayStart(day, dayStartHour)) count += 1;
  return count;
}

/**
 * The paces worth trying: every new card introduced evenly over all the days left, or over the
 * first two thirds, half or third of them, which leaves the last days for reviews.
 */
export function newCardPaces(newCount: number, studyDays: number): number[] {
  const paces = [1, 2 / 3, 1 / 2, 1 / 3].map((share) => newCardsPerDayFor(newCount, Math.max(1, Math.floor(studyDays * share))));
  return [...new Set(paces)];
}

/** New cards a day so that `newCount` are all introduced over `studyDays` days: evenly, rounded up. */
export function newCardsPerDayFor(newCount: number, studyDays: number): number {
  if (newCount <= 0) return 0;
  if (studyDays <= 0) return newCount;
  return Math.ceil(newCount / studyDays);
}

export interface ExamPlanInput {
  readonly deckId: DeckId;
  readonly cards: readonly (CardState | null)[];
  /** The deck's effective settings, with examAt set. */
  readonly settings: StudySettings;
  readonly now: number;
  readonly secondsPerAnswer?: number;
  readonly seed?: number;
}

export interface ExamPlan {
  readonly examAt: number;
  readonly studyDaysLeft: number;
  readonly newCardsPerDay: number;
  readonly days: readonly DayLoad[];
  /** Mean recall on exam day if no more study is done, new cards as not known. */
  readonly recallIfStopped: number;
  /** Mean recall on exam day expected from following the plan: the best the budget reaches. */
  readonly recallWithPlan: number;
  readonly targetRecall: number;
  readonly isTargetReached: boolean;
  /** Whether the daily budget runs out on some day: the plan then does what fits and no more. */
  readonly isBudgetLimited: boolean;
  /** New cards expected still unseen on exam day (the budget did not fit them). */
  readonly newLeftAtExam: number;
}

/** The plan for the deck's exam, or null when no exam is set or it has begun. */
export function planExam(input: ExamPlanInput): ExamPlan | null {
  const { settings, now } = input;
  const examAt = settings.examAt;
  if (examAt === null || studyDayStart(now, settings.dayStartHour) >= studyDayStart(examAt, settings.dayStartHour)) return null;
  const studyDaysLeft = studyDaysBefore(now, examAt, settings.dayStartHour);
  const newCount = input.cards.filter((state) => state === null || state.reps === 0).length;
  const sample = sampleCards(input.cards, PATHS_PER_PLAN);
  // The sample stands for the deck at this scale: its pace, budget and limits are the deck's
  // times `share`, and its day loads are divided by it again.
  const share = sample.length / Math.max(1, input.cards.length);
  const isSampled = share < 1;
  const runs = isSampled ? 1 : Math.min(MAX_RUNS, Math.max(1, Math.ceil(PATHS_PER_PLAN / Math.max(1, input.cards.length))));
  const dailyMinutes = settings.examDailyMinutes;
  // Fuzz spreads single cards by a day or two and averages out over a plan; seeding it is a third
  // of the simulation's time.
  const simulationSettings = { ...settings, isFuzzEnabled: false };
  const simulate = (newCardsPerDay: number) =>
    Array.from({ length: runs }, (_, run) =>
      simulateStudy({
        deckId: input.deckId,
        cards: sample,
        settings: simulationSettings,
        now,
        endAt: examAt,
        newCardsPerDay: newCardsPerDay * share,
        dailyMinutes: dailyMinutes === null ? null : dailyMinutes * share,
        reviewsPerDay: settings.reviewsPerDay * share,
        carriesBudget: isSampled,
        secondsPerAnswer: input.secondsPerAnswer ?? DEFAULT_SECONDS_PER_ANSWER,
        truth: null,
        seed: (input.seed ?? 0x14) + run,
      }),
    );
  const meanOf = (simulations: readonly StudySimulation[], pick: (s: StudySimulation) => number) => simulations.reduce((sum, s) => sum + pick(s), 0) / runs;
  // The pace that the simulation predicts remembers most on exam day (the slowest on a tie).
  let newCardsPerDay = 0;
  let simulations: StudySimulation[] = [];
  let bestRecall = -1;
  for (const pace of newCardPaces(newCount, studyDaysLeft)) {
    const candidate = simulate(pace);
    const recall = meanOf(candidate, (s) => s.recallAtEnd);
    if (recall > bestRecall + 1e-9) {
      bestRecall = recall;
      newCardsPerDay = pace;
      simulations = candidate;
    }
  }
  const deckMean = (pick: (s: StudySimulation) => number) => meanOf(simulations, pick) / share;
  const days = simulations[0]!.days.map((day, i) => {
    const minutes = deckMean((s) => s.days[i]!.minutes);
    return {
      dayStartAt: day.dayStartAt,
      newCards: deckMean((s) => s.days[i]!.newCards),
      answers: deckMean((s) => s.days[i]!.answers),
      // A sampled day may spend the budget plus what the day before left (see carriesBudget).
      minutes: dailyMinutes === null ? minutes : Math.min(dailyMinutes, minutes),
      isBudgetSpent: simulations.some((s) => s.days[i]!.isBudgetSpent),
    };
  });
  const recallWithPlan = meanOf(simulations, (s) => s.recallAtEnd);
  return {
    examAt,
    studyDaysLeft,
    newCardsPerDay,
    days,
    recallIfStopped: predictedRecall(input.cards, examAt, settings.fsrsWeights),
    recallWithPlan,
    targetRecall: settings.examTargetRecall,
    isTargetReached: recallWithPlan >= settings.examTargetRecall,
    isBudgetLimited: days.some((day) => day.isBudgetSpent),
    newLeftAtExam: deckMean((s) => s.newLeft),
  };
}
