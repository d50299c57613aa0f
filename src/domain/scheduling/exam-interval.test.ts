import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve, fsrs } from 'ts-fsrs';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { examInterval } from './exam-interval';
import { memoryModel, retrievabilityAt } from './forgetting-curve';
import { createScheduler, newCardState } from './scheduler';

const DAY = 86_400_000;
// 9:00 local on a study day; exams start at a study day's start (4:00 local).
const NOW = new Date(2026, 10, 30, 9, 0, 0).getTime();
const dayStart = (daysAhead: number) => new Date(2026, 10, 30 + daysAhead, 4, 0, 0).getTime();
const deckId = asDeckId('c3');
const fresh = (id = 'card-1') => newCardState(deckId, asCardId(id), NOW);
const model = memoryModel(null);
const examSettings = (examAt: number | null, examTargetRecall = 0.95): StudySettings => ({ ...DEFAULT_SETTINGS, examAt, examTargetRecall });

describe('retrievabilityAt', () => {
  it('matches ts-fsrs own forgetting curve and its get_retrievability', () => {
    const card = createScheduler(DEFAULT_SETTINGS).grade(fresh(), 'easy', NOW);
    for (const days of [0.5, 1, 3, 8.3, 30, 365]) {
      expect(retrievabilityAt(model, card, NOW + days * DAY)).toBeCloseTo(forgetting_curve(default_w, days, card.stability), 12);
    }
    // ts-fsrs counts whole days here.
    for (const days of [1, 3, 30, 365]) {
      const at = NOW + days * DAY;
      const engine = fsrs();
      const fsrsCard = { due: new Date(card.dueAt), stability: card.stability, difficulty: card.difficulty, elapsed_days: 0, scheduled_days: card.scheduledDays, learning_steps: 0, reps: card.reps, lapses: 0, state: 2, last_review: new Date(NOW) };
      expect(retrievabilityAt(model, card, at)).toBeCloseTo(engine.get_retrievability(fsrsCard, new Date(at), false), 6);
    }
  });

  it('counts a card that was never reviewed as not known', () => {
    expect(retrievabilityAt(model, null, NOW)).toBe(0);
    expect(retrievabilityAt(model, fresh(), NOW + DAY)).toBe(0);
  });
});

describe('examInterval', () => {
  const easy = createScheduler(DEFAULT_SETTINGS).grade(fresh(), 'easy', NOW);
  const input = (examAt: number | null, targetRecall = 0.95) => ({ now: NOW, examAt, targetRecall, stability: easy.stability, difficulty: easy.difficulty, dueAt: easy.dueAt });

  it('leaves intervals alone with no exam, after the exam, and when the review already comes first', () => {
    expect(examInterval(model, input(null))).toEqual({ kind: 'normal', reason: 'off' });
    expect(examInterval(model, input(dayStart(-1)))).toEqual({ kind: 'normal', reason: 'exam-passed' });
    expect(examInterval(model, input(NOW))).toEqual({ kind: 'normal', reason: 'exam-passed' });
    expect(examInterval(model, input(easy.dueAt + DAY))).toEqual({ kind: 'normal', reason: 'due-before-exam' });
  });

  it('keeps the interval when recall on exam day stays at the target anyway', () => {
    expect(examInterval(model, input(dayStart(5), 0.9))).toEqual({ kind: 'normal', reason: 'target-kept' });
  });

  it('brings the review before an exam in 5 days: Easy on a new card leaves about 93% there', () => {
    const examAt = dayStart(5);
    expect(model.retrievability((examAt - NOW) / DAY, easy.stability)).toBeGreaterThan(0.92);
    expect(model.retrievability((examAt - NOW) / DAY, easy.stability)).toBeLessThan(0.95);
    const decision = examInterval(model, input(examAt));
    expect(decision).toMatchObject({ kind: 'capped', isTargetReached: true });
    if (decision.kind !== 'capped') throw new Error('unreachable');
    // The earliest review day that reaches the target (see the next test).
    expect(decision.intervalDays).toBeGreaterThanOrEqual(1);
    expect(decision.intervalDays).toBeLessThanOrEqual(4);
    expect(NOW + decision.intervalDays * DAY).toBeLessThan(examAt);
    expect(decision.recallAtExam).toBeGreaterThanOrEqual(0.95);
  });

  it('picks the earliest review day that reaches the target, so the reviews spread before the exam', () => {
    const examAt = dayStart(10);
    const card = { now: NOW, examAt, targetRecall: 0.95, stability: 2, difficulty: 5, dueAt: examAt + DAY };
    const decision = examInterval(model, card);
    if (decision.kind !== 'capped') throw new Error(`expected a capped interval, got ${decision.reason}`);
    expect(decision.isTargetReached).toBe(true);
    const recallIfReviewedAfter = (days: number) => model.retrievability((examAt - NOW) / DAY - days, model.stabilityAfterRecall(2, 5, days));
    expect(decision.intervalDays).toBeGreaterThan(1);
    expect(decision.intervalDays).toBeLessThan(9);
    expect(recallIfReviewedAfter(decision.intervalDays)).toBeGreaterThanOrEqual(0.95);
    expect(recallIfReviewedAfter(decision.intervalDays - 1)).toBeLessThan(0.95);
  });

  it('cannot place a review when the exam is tomorrow: no study day is left before it', () => {
    const weak = { ...input(dayStart(1)), stability: 0.3, dueAt: dayStart(2) };
    expect(model.retrievability((dayStart(1) - NOW) / DAY, 0.3)).toBeLessThan(0.95);
    expect(examInterval(model, weak)).toEqual({ kind: 'normal', reason: 'no-day-left' });
  });

  it('when the target is out of reach, takes the review day that gets closest and says so', () => {
    const decision = examInterval(model, input(dayStart(5), 0.999));
    expect(decision).toMatchObject({ kind: 'capped', isTargetReached: false });
    if (decision.kind !== 'capped') throw new Error('unreachable');
    for (let days = 1; days <= 4; days += 1) {
      const other = model.retrievability((dayStart(5) - NOW) / DAY - days, model.stabilityAfterRecall(easy.stability, easy.difficulty, days));
      expect(decision.recallAtExam).toBeGreaterThanOrEqual(other);
    }
  });
});

describe('the scheduler in exam mode', () => {
  it('previews and grades Easy on a new card to a review before an exam in 5 days', () => {
    const examAt = dayStart(5);
    const scheduler = createScheduler(examSettings(examAt));
    const preview = scheduler.preview(fresh(), NOW, 'seed-1');
    expect(preview.easy.dueAt).toBeLessThan(examAt);
    expect(preview.easy.state.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(preview.easy.dueAt).toBe(NOW + preview.easy.state.scheduledDays * DAY);
    expect(scheduler.grade(fresh(), 'easy', NOW, 'seed-1')).toEqual(preview.easy.state);
    // Without the exam the same grade goes past it.
    expect(createScheduler(DEFAULT_SETTINGS).preview(fresh(), NOW, 'seed-1').easy.dueAt).toBeGreaterThan(examAt);
  });

  it('schedules normally once the exam has passed, with no penalty for the exam-time reviews', () => {
    const examAt = dayStart(5);
    const exam = createScheduler(examSettings(examAt));
    const normal = createScheduler(DEFAULT_SETTINGS);
    const crammed = exam.grade(fresh(), 'easy', NOW, 'a');
    const afterExam = examAt + 6 * 3_600_000;
    expect(afterExam).toBeGreaterThan(examAt);
    expect(exam.grade(crammed, 'good', afterExam, 'b')).toEqual(normal.grade(crammed, 'good', afterExam, 'b'));
  });

  it('leaves learning steps alone', () => {
    const scheduler = createScheduler(examSettings(dayStart(1)));
    const preview = scheduler.preview(fresh(), NOW, 'x');
    const normal = createScheduler(DEFAULT_SETTINGS).preview(fresh(), NOW, 'x');
    expect(preview.again).toEqual(normal.again);
    expect(preview.good).toEqual(normal.good);
  });
});
