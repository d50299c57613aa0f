import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { createScheduler, newCardState } from '../scheduling/scheduler';
import type { CardState } from '../scheduling/types';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { newCardPaces, newCardsPerDayFor, planExam, studyDaysBefore } from './exam-plan';
import { predictedRecall } from './predict';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 30, 9, 0, 0).getTime();
const dayStart = (daysAhead: number) => new Date(2026, 10, 30 + daysAhead, 4, 0, 0).getTime();
const DECK = asDeckId('c3');
const settingsFor = (examAt: number | null, extra: Partial<StudySettings> = {}): StudySettings => ({ ...DEFAULT_SETTINGS, examAt, ...extra });
const newCards = (count: number) => Array.from({ length: count }, () => null);

describe('new-card pacing', () => {
  it('counts the study days left before the exam day, today included', () => {
    expect(studyDaysBefore(NOW, dayStart(5), 4)).toBe(5);
    expect(studyDaysBefore(NOW, dayStart(1), 4)).toBe(1);
    expect(studyDaysBefore(NOW, dayStart(0), 4)).toBe(0);
  });

  it('introduces every card in time, evenly and rounded up', () => {
    expect(newCardsPerDayFor(300, 30)).toBe(10);
    expect(newCardsPerDayFor(301, 30)).toBe(11);
    expect(newCardsPerDayFor(0, 30)).toBe(0);
    // With no day left, everything is today's.
    expect(newCardsPerDayFor(40, 0)).toBe(40);
    for (const pace of newCardPaces(300, 30)) expect(pace * 30).toBeGreaterThanOrEqual(300);
    expect(newCardPaces(300, 30)).toEqual([10, 15, 20, 30]);
  });
});

describe('predictedRecall', () => {
  it('averages retrievability at the date, new cards counting as not known', () => {
    const learnt = createScheduler(DEFAULT_SETTINGS).grade(newCardState(DECK, asCardId('a'), NOW), 'easy', NOW);
    const one = predictedRecall([learnt], NOW + 5 * DAY, null);
    expect(one).toBeGreaterThan(0.9);
    expect(predictedRecall([learnt, null], NOW + 5 * DAY, null)).toBeCloseTo(one / 2, 12);
    expect(predictedRecall([], NOW, null)).toBe(0);
  });
});

describe('planExam', () => {
  it('has no plan without an exam, or once the exam day has come', () => {
    expect(planExam({ deckId: DECK, cards: newCards(10), settings: settingsFor(null), now: NOW })).toBeNull();
    expect(planExam({ deckId: DECK, cards: newCards(10), settings: settingsFor(dayStart(0)), now: NOW })).toBeNull();
    expect(planExam({ deckId: DECK, cards: newCards(10), settings: settingsFor(dayStart(-3)), now: NOW })).toBeNull();
  });

  it('plans every new card in before an exam in 5 days, and predicts far more than stopping now', () => {
    const plan = planExam({ deckId: DECK, cards: newCards(40), settings: settingsFor(dayStart(5)), now: NOW });
    if (!plan) throw new Error('expected a plan');
    expect(plan.days).toHaveLength(5);
    expect(plan.recallIfStopped).toBe(0);
    expect(plan.newLeftAtExam).toBe(0);
    expect(plan.days.reduce((sum, day) => sum + day.newCards, 0)).toBeCloseTo(40, 6);
    expect(plan.recallWithPlan).toBeGreaterThan(0.85);
    expect(plan.isBudgetLimited).toBe(false);
    for (const day of plan.days) expect(day.minutes).toBeCloseTo((day.answers * 10) / 60, 9);
  });

  it('does not over-schedule beyond the budget: it says the target is out of reach and gives the best figure', () => {
    const plan = planExam({ deckId: DECK, cards: newCards(200), settings: settingsFor(dayStart(5), { examDailyMinutes: 5 }), now: NOW });
    if (!plan) throw new Error('expected a plan');
    expect(plan.isBudgetLimited).toBe(true);
    expect(plan.isTargetReached).toBe(false);
    for (const day of plan.days) expect(day.minutes).toBeLessThanOrEqual(5);
    expect(plan.newLeftAtExam).toBeGreaterThan(0);
    expect(plan.recallWithPlan).toBeLessThan(plan.targetRecall);
    expect(plan.recallWithPlan).toBeGreaterThan(0);
  });

  it('predicts from the cards already learnt', () => {
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const learnt: CardState[] = Array.from({ length: 20 }, (_, i) => scheduler.grade(newCardState(DECK, asCardId(`c${i}`), NOW - 2 * DAY), 'good', NOW - 2 * DAY));
    const graduated = learnt.map((state) => scheduler.grade(state, 'good', state.dueAt));
    const plan = planExam({ deckId: DECK, cards: graduated, settings: settingsFor(dayStart(10)), now: NOW });
    if (!plan) throw new Error('expected a plan');
    expect(plan.recallIfStopped).toBeCloseTo(predictedRecall(graduated, dayStart(10), null), 12);
    expect(plan.recallWithPlan).toBeGreaterThan(plan.recallIfStopped);
  });
});
