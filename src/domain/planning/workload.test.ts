import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { studyDayStart } from '../queue/study-day';
import { intervalPolicy, memoryModel } from '../scheduling/forgetting-curve';
import { createScheduler, newCardState } from '../scheduling/scheduler';
import type { CardState } from '../scheduling/types';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { simulateWorkload, workloadRetentions, WORKLOAD_RETENTIONS } from './workload';

const DAY = 86_400_000;
const NOW = new Date(2026, 11, 1, 10, 0, 0).getTime();
const DECK = asDeckId('c3');

/** A deck of `count` cards: the first `learnt` learnt over the last weeks, the rest new. */
function deck(count: number, learnt: number): (CardState | null)[] {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  return Array.from({ length: count }, (_, i) => {
    if (i >= learnt) return null;
    const first = NOW - (2 + (i % 30)) * DAY;
    const seen = scheduler.grade(newCardState(DECK, asCardId(`c${i}`), first), i % 4 === 0 ? 'easy' : 'good', first);
    return scheduler.grade(seen, 'good', seen.dueAt);
  });
}

const settings = (extra: Partial<StudySettings> = {}): StudySettings => ({ ...DEFAULT_SETTINGS, ...extra });

describe('simulateWorkload', () => {
  const cards = deck(600, 300);
  const result = simulateWorkload({ cards, settings: settings(), now: NOW, seed: 5 });

  it('compares 70% to 97% and marks the current setting, adding it when it is off the grid', () => {
    expect(result.points.map((p) => p.retention)).toEqual(WORKLOAD_RETENTIONS.some((r) => r === 0.9) ? WORKLOAD_RETENTIONS : workloadRetentions(0.9));
    expect(result.points[0]!.retention).toBe(0.7);
    expect(result.points.at(-1)!.retention).toBe(0.97);
    expect(result.points[result.currentIndex]!.retention).toBe(0.9);
    expect(workloadRetentions(0.85)).toEqual(WORKLOAD_RETENTIONS);
    expect(workloadRetentions(0.9)).toContain(0.9);
    expect(workloadRetentions(0.9)).toHaveLength(WORKLOAD_RETENTIONS.length + 1);
    expect(result.days).toBe(365);
    for (const point of result.points) {
      expect(point.dailyAnswers).toHaveLength(365);
      expect(point.periods).toHaveLength(14);
      expect(point.periods.reduce((sum, period) => sum + period.days, 0)).toBe(365);
    }
  });

  it('costs more study and remembers more as the retention rises', () => {
    const low = result.points[0]!;
    const mid = result.points[result.currentIndex]!;
    const high = result.points.at(-1)!;
    expect(low.minutesPerDay).toBeLessThan(mid.minutesPerDay);
    expect(mid.minutesPerDay).toBeLessThan(high.minutesPerDay);
    // 97% costs far more than 90% for a few more cards: the curve's known shape.
    expect(high.minutesPerDay / mid.minutesPerDay).toBeGreaterThan(1.5);
    expect(low.rememberedAtEnd).toBeLessThan(mid.rememberedAtEnd);
    expect(mid.rememberedAtEnd).toBeLessThan(high.rememberedAtEnd);
    expect(high.rememberedAtEnd).toBeLessThanOrEqual(cards.length);
    expect(mid.minutesPerDay).toBeCloseTo((mid.answersPerDay * 10) / 60, 9);
  });

  it('marks the retention with the most cards remembered per minute', () => {
    const best = Math.max(...result.points.map((p) => p.rememberedPerMinute));
    expect(result.points[result.bestIndex]!.rememberedPerMinute).toBe(best);
    expect(result.points[result.bestIndex]!.rememberedPerMinute).toBeCloseTo(result.points[result.bestIndex]!.rememberedAtEnd / result.points[result.bestIndex]!.totalMinutes, 12);
  });

  it('is reproducible for a fixed seed and now', () => {
    expect(simulateWorkload({ cards, settings: settings(), now: NOW, seed: 5 })).toEqual(result);
  });

  it('introduces new cards within the daily limit and reviews within the review limit', () => {
    const limited = simulateWorkload({
      cards: deck(400, 200),
      settings: settings({ newCardsPerDay: 5, reviewsPerDay: 12, learningStepsMinutes: [], relearningStepsMinutes: [] }),
      now: NOW,
      retentions: [0.97],
    });
    const point = limited.points.find((p) => p.retention === 0.97)!;
    for (const answers of point.dailyAnswers) expect(answers).toBeLessThanOrEqual(5 + 12);
    // 200 new cards at 5 a day take 40 days; the review backlog keeps the days full after that.
    expect(point.dailyAnswers.slice(0, 40).every((answers) => answers >= 5)).toBe(true);
    expect(Math.max(...point.dailyAnswers)).toBe(17);
  });

  it('brings a learnt card back after the interval ts-fsrs gives its stability at that retention', () => {
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const learnt = scheduler.grade(newCardState(DECK, asCardId('a'), NOW - DAY), 'easy', NOW - DAY);
    const dueDay = Math.floor((learnt.dueAt - studyDayStart(NOW, DEFAULT_SETTINGS.dayStartHour)) / DAY);
    const single = simulateWorkload({ cards: [learnt], settings: settings({ relearningStepsMinutes: [] }), now: NOW, retentions: [0.8], seed: 1 });
    const point = single.points.find((p) => p.retention === 0.8)!;
    const firstAnswer = point.dailyAnswers.findIndex((n) => n > 0);
    expect(firstAnswer).toBe(dueDay);
    const secondAnswer = point.dailyAnswers.findIndex((n, day) => day > firstAnswer && n > 0);
    // The gap after it is ts-fsrs's interval at 80% for the stability one of the four grades leaves.
    const today = studyDayStart(NOW, DEFAULT_SETTINGS.dayStartHour);
    const elapsed = dueDay - (learnt.lastReviewedAt! - today) / DAY;
    const model = memoryModel(null);
    const interval = intervalPolicy(null, 0.8, DEFAULT_SETTINGS.maximumIntervalDays);
    const possible = ([1, 2, 3, 4] as const).map((grade) => interval(model.nextMemory({ stability: learnt.stability, difficulty: learnt.difficulty }, elapsed, grade).stability));
    expect(possible).toContain(secondAnswer - firstAnswer);
    // And at 97% the same card comes back sooner than at 70%.
    const at = (retention: number) => {
      const run = simulateWorkload({ cards: [learnt], settings: settings(), now: NOW, retentions: [retention], seed: 1 }).points.find((p) => p.retention === retention)!;
      const first = run.dailyAnswers.findIndex((n) => n > 0);
      return run.dailyAnswers.findIndex((n, day) => day > first && n > 0);
    };
    expect(at(0.97)).toBeLessThan(at(0.7));
  });

  it('has nothing to do for an empty deck', () => {
    const empty = simulateWorkload({ cards: [], settings: settings(), now: NOW });
    for (const point of empty.points) {
      expect(point.totalMinutes).toBe(0);
      expect(point.rememberedAtEnd).toBe(0);
      expect(point.rememberedPerMinute).toBe(0);
    }
  });
});
