/**
 * The exam-aware interval rule (issue 14). While an exam date is set and still ahead, an interval
 * that would carry a card past the exam with its recall there below the target is shortened, so
 * that one more (successful) review lands where the card reaches the target on exam day. It takes
 * the earliest such day: recall at the exam grows the later the review, so any later day reaches
 * the target too, and the earliest spreads the reviews over the run-up instead of piling them on
 * the eve, and leaves time to relearn a card that is failed there. See docs/exam-mode.md.
 */
import type { MemoryModel } from './forgetting-curve';

const DAY_MS = 86_400_000;

export interface ExamIntervalInput {
  /** When the card is graded, epoch ms. */
  readonly now: number;
  /** The start of the exam's study day, epoch ms; null when exam mode is off. */
  readonly examAt: number | null;
  readonly targetRecall: number;
  /** The memory the grade leaves, and the due time normal scheduling gave. */
  readonly stability: number;
  readonly difficulty: number;
  readonly dueAt: number;
}

export type ExamDecision =
  | { readonly kind: 'normal'; readonly reason: 'off' | 'exam-passed' | 'due-before-exam' | 'target-kept' | 'no-day-left' }
  | {
      readonly kind: 'capped';
      /** Whole days to the next review, each on a study day before the exam's. */
      readonly intervalDays: number;
      /** Predicted recall on exam day if that review is passed. */
      readonly recallAtExam: number;
      /** False when no review day reaches the target: the interval is the one that gets closest. */
      readonly isTargetReached: boolean;
    };

/** Decides whether the exam shortens an interval, and to how many days. Pure; `now` is an input. */
export function examInterval(model: MemoryModel, input: ExamIntervalInput): ExamDecision {
  const { now, examAt, targetRecall, stability, difficulty, dueAt } = input;
  if (examAt === null) return { kind: 'normal', reason: 'off' };
  if (now >= examAt) return { kind: 'normal', reason: 'exam-passed' };
  if (dueAt < examAt) return { kind: 'normal', reason: 'due-before-exam' };
  const daysToExam = (examAt - now) / DAY_MS;
  if (model.retrievability(daysToExam, stability) >= targetRecall) return { kind: 'normal', reason: 'target-kept' };
  // A review `d` days from now must fall before the exam's day starts.
  const lastDay = Math.ceil(daysToExam) - 1;
  if (lastDay < 1) return { kind: 'normal', reason: 'no-day-left' };
  let best = { intervalDays: lastDay, recallAtExam: -1 };
  for (let days = 1; days <= lastDay; days += 1) {
    const after = model.stabilityAfterRecall(stability, difficulty, days);
    const recallAtExam = model.retrievability(daysToExam - days, after);
    if (recallAtExam >= targetRecall) return { kind: 'capped', intervalDays: days, recallAtExam, isTargetReached: true };
    if (recallAtExam > best.recallAtExam) best = { intervalDays: days, recallAtExam };
  }
  return { kind: 'capped', ...best, isTargetReached: false };
}
