import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { createScheduler, newCardState } from '../scheduling/scheduler';
import type { CardState } from '../scheduling/types';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { newCardPaces, newCardsPerDayFor, planExam, sampleCards, studyDaysBefore } from './exam-plan';
import { simulateStudy } from './simulate-study';
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

describe('planning a large deck through a sample', () => {
  const learntDeck = (count: number, reviewedShare: number): (CardState | null)[] => {
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    return Array.from({ length: count }, (_, i) => {
      if (i >= count * reviewedShare) return null;
      const first = NOW - (1 + (i % 20)) * DAY;
      const learnt = scheduler.grade(newCardState(DECK, asCardId(`c${i}`), first), i % 3 === 0 ? 'easy' : 'good', first);
      return scheduler.grade(learnt, 'good', learnt.dueAt);
    });
  };

  it('samples every k-th card, keeping the deck order and its mix', () => {
    const cards = Array.from({ length: 10 }, (_, i) => i);
    expect(sampleCards(cards, 20)).toBe(cards);
    expect(sampleCards(cards, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(sampleCards(cards, 4)).toEqual([0, 2, 5, 7]);
  });

  it('introduces a fractional pace exactly: 2.5 a day is 2, 3, 2, 3', () => {
    const simulation = simulateStudy({
      deckId: DECK,
      cards: newCards(40),
      settings: DEFAULT_SETTINGS,
      now: NOW,
      endAt: dayStart(4),
      newCardsPerDay: 2.5,
      dailyMinutes: null,
      secondsPerAnswer: 10,
      truth: null,
      seed: 1,
    });
    expect(simulation.days.map((day) => day.newCards)).toEqual([2, 3, 2, 3]);
  });

  it('gives the same plan for a 6,000-card deck as the whole deck simulated at that pace, in the deck’s own units', () => {
    const cards = learntDeck(6000, 0.5);
    const settings = settingsFor(dayStart(20), { examDailyMinutes: 30 });
    const plan = planExam({ deckId: DECK, cards, settings, now: NOW });
    if (!plan) throw new Error('expected a plan');
    const whole = simulateStudy({
      deckId: DECK,
      cards,
      settings,
      now: NOW,
      endAt: dayStart(20),
      newCardsPerDay: plan.newCardsPerDay,
      dailyMinutes: 30,
      secondsPerAnswer: 10,
      truth: null,
      seed: 0x14,
    });
    expect(plan.recallWithPlan).toBeGreaterThan(whole.recallAtEnd - 0.02);
    expect(plan.recallWithPlan).toBeLessThan(whole.recallAtEnd + 0.02);
    expect(plan.newLeftAtExam).toBeGreaterThan(whole.newLeft * 0.85);
    expect(plan.newLeftAtExam).toBeLessThan(whole.newLeft * 1.15 + 30);
    const sum = (days: readonly { answers: number }[]) => days.reduce((total, day) => total + day.answers, 0);
    expect(sum(plan.days)).toBeGreaterThan(sum(whole.days) * 0.9);
    expect(sum(plan.days)).toBeLessThan(sum(whole.days) * 1.1);
    for (const day of plan.days) expect(day.minutes).toBeLessThanOrEqual(30);
  });
});
