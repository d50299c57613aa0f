/**
 * A seeded simulation of a student studying a deck day by day with the app's own scheduler and a
 * daily time budget. The planner runs it with the scheduler's memory model as the truth to predict
 * a plan; tests and the bench run it with a synthetic student's own weights to check that exam
 * mode pays off. Pure: time is `now`, randomness comes from `seed`.
 */
import { asCardId, type DeckId } from '../ids';
import { nextStudyDayStart, studyDayStart } from '../queue/study-day';
import type { MemoryModel, Memory } from '../scheduling/forgetting-curve';
import { memoryModel } from '../scheduling/forgetting-curve';
import { seededRandom } from '../scheduling/memory-model';
import { createScheduler, newCardState } from '../scheduling/scheduler';
import type { CardState, Rating } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Later days' sessions start this long after the study day does (10 am with a 4 am day start). */
const SESSION_OFFSET_MS = 6 * HOUR_MS;
const RATING_GRADE: Readonly<Record<Rating, 1 | 2 | 3 | 4>> = { again: 1, hard: 2, good: 3, easy: 4 };

export interface StudySimulationInput {
  readonly deckId: DeckId;
  /** Every card of the deck: its state, or null for a new card. */
  readonly cards: readonly (CardState | null)[];
  /** The scheduler's settings (exam fields included). */
  readonly settings: StudySettings;
  readonly now: number;
  /** The simulation stops at the start of the study day containing this (the exam's), epoch ms. */
  readonly endAt: number;
  /**
   * New cards introduced a day. May be fractional (a sampled plan scales the deck's pace down):
   * day d then introduces floor((d + 1) * pace) - floor(d * pace), so the total stays exact.
   */
  readonly newCardsPerDay: number;
  /** The daily budget; null studies everything due, up to settings.reviewsPerDay. May be fractional, as the pace. */
  readonly dailyMinutes: number | null;
  /** Overrides settings.reviewsPerDay when the budget is null (a sampled plan scales it down). */
  readonly reviewsPerDay?: number;
  /**
   * Whether what a budget-limited day could not spend (less than one answer) carries to the next
   * day. A sampled plan's budget is a few answers a day, and rounding it down every day would
   * understate the work by up to one answer in ten; carried, the days average to the budget.
   */
  readonly carriesBudget?: boolean;
  /** What one answer costs, in seconds (any grade, learning steps included). */
  readonly secondsPerAnswer: number;
  /** How the simulated student really remembers; null: exactly as the scheduler's model predicts. */
  readonly truth: MemoryModel | null;
  readonly seed: number;
}

/** One simulated study day. */
export interface DayLoad {
  /** Start of the study day, epoch ms. */
  readonly dayStartAt: number;
  readonly newCards: number;
  /** Answers given, new cards' first answers and learning steps included. */
  readonly answers: number;
  readonly minutes: number;
  /** Whether the budget ran out before the day's work did. */
  readonly isBudgetSpent: boolean;
}

export interface StudySimulation {
  readonly days: readonly DayLoad[];
  /** Mean true recall at `endAt` over every card, new cards counting 0. */
  readonly recallAtEnd: number;
  /** Cards still new at `endAt`. */
  readonly newLeft: number;
}

interface SimCard {
  state: CardState | null;
  truth: Memory | null;
  lastReviewedAt: number | null;
  lastReviewDay: number;
}

/** Runs the simulation. */
export function simulateStudy(input: StudySimulationInput): StudySimulation {
  const random = seededRandom(input.seed);
  const scheduler = createScheduler(input.settings);
  const schedulerModel = memoryModel(input.settings.fsrsWeights);
  const truth = input.truth ?? schedulerModel;
  const dayStartHour = input.settings.dayStartHour;
  const today = studyDayStart(input.now, dayStartHour);
  const cards: SimCard[] = input.cards.map((state) => ({
    state,
    truth: state && state.reps > 0 ? { stability: state.stability, difficulty: state.difficulty } : null,
    lastReviewedAt: state?.lastReviewedAt ?? null,
    // Day indexes count from today (0); a past review has a negative one.
    lastReviewDay: state?.lastReviewedAt == null ? 0 : -Math.round((today - studyDayStart(state.lastReviewedAt, dayStartHour)) / DAY_MS),
  }));
  const newQueue = cards.map((_, i) => i).filter((i) => cards[i]!.truth === null);
  const endDayStart = studyDayStart(input.endAt, dayStartHour);
  const budgetSeconds = input.dailyMinutes === null ? Number.POSITIVE_INFINITY : input.dailyMinutes * 60;
  const answerMs = input.secondsPerAnswer * 1000;
  const days: DayLoad[] = [];

  const recallNow = (card: SimCard, at: number) =>
    card.truth === null || card.lastReviewedAt === null ? 0 : truth.retrievability((at - card.lastReviewedAt) / DAY_MS, card.truth.stability);

  const reviewsPerDay = input.reviewsPerDay ?? input.settings.reviewsPerDay;
  let carrySeconds = 0;
  let dayStart = today;
  for (let dayIndex = 0; dayStart < endDayStart; dayIndex += 1) {
    const newToday = Math.floor((dayIndex + 1) * input.newCardsPerDay + 1e-9) - Math.floor(dayIndex * input.newCardsPerDay + 1e-9);
    const budgetToday = budgetSeconds + carrySeconds;
    const dayEnd = nextStudyDayStart(dayStart, dayStartHour);
    let clock = dayIndex === 0 ? input.now : dayStart + SESSION_OFFSET_MS;
    const due = cards
      .map((card, i) => ({ card, i }))
      .filter(({ card }) => card.state !== null && card.truth !== null && card.state.dueAt < dayEnd && card.state.isSuspended !== true)
      .sort((a, b) => a.card.state!.dueAt - b.card.state!.dueAt || a.i - b.i)
      .map(({ i }) => i);
    const learning: { i: number; dueAt: number }[] = [];
    let spent = 0;
    let answers = 0;
    let newCards = 0;
    let reviewsLeft = input.dailyMinutes === null ? reviewsPerDay : Number.POSITIVE_INFINITY;
    let isBudgetSpent = false;

    for (;;) {
      if (spent + input.secondsPerAnswer > budgetToday) {
        isBudgetSpent = learning.length > 0 || due.length > 0 || (newCards < newToday && newQueue.length > 0);
        break;
      }
      learning.sort((a, b) => a.dueAt - b.dueAt || a.i - b.i);
      let index: number | undefined;
      if (learning.length > 0 && learning[0]!.dueAt <= clock) index = learning.shift()!.i;
      else if (due.length > 0 && reviewsLeft > 0) {
        index = due.shift()!;
        reviewsLeft -= 1;
      } else if (newCards < newToday && newQueue.length > 0) {
        index = newQueue.shift()!;
        newCards += 1;
      } else if (learning.length > 0 && learning[0]!.dueAt < dayEnd) {
        clock = learning[0]!.dueAt;
        continue;
      } else break;

      const card = cards[index]!;
      const isFirst = card.truth === null;
      const recall = isFirst ? 0.7 : recallNow(card, clock);
      const roll = random();
      // The same answer model as the synthetic review log: recalled with the true probability.
      const rating: Rating = roll >= recall ? 'again' : roll < recall * 0.1 ? 'hard' : roll > recall * 0.95 ? 'easy' : 'good';
      const from = card.state ?? newCardState(input.deckId, asCardId(String(index)), clock);
      card.state = scheduler.grade(from, rating, clock);
      card.truth = truth.nextMemory(card.truth, isFirst ? 0 : dayIndex - card.lastReviewDay, RATING_GRADE[rating]);
      card.lastReviewedAt = clock;
      card.lastReviewDay = dayIndex;
      if (input.truth === null) card.truth = { stability: card.state.stability, difficulty: card.state.difficulty };
      if (card.state.dueAt < dayEnd) learning.push({ i: index, dueAt: card.state.dueAt });
      spent += input.secondsPerAnswer;
      answers += 1;
      clock += answerMs;
    }
    carrySeconds = isBudgetSpent && input.carriesBudget === true ? budgetToday - spent : 0;
    days.push({ dayStartAt: dayStart, newCards, answers, minutes: spent / 60, isBudgetSpent });
    dayStart = dayEnd;
  }

  let total = 0;
  for (const card of cards) total += recallNow(card, input.endAt);
  return { days, recallAtEnd: cards.length === 0 ? 0 : total / cards.length, newLeft: newQueue.length };
}
