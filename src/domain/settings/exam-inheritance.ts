/**
 * Exam-date mode on a parent deck (issue 14): a subdeck studies for its parent's exam unless it
 * has one of its own. The rule, for a review made at `now`:
 * 1. the deck's own exam, when it is still ahead;
 * 2. otherwise the nearest ancestor's exam that is still ahead;
 * 3. otherwise the nearest exam that has passed (the deck's own first), which the scheduler treats
 *    as over: normal long-term scheduling;
 * 4. no exam anywhere: none.
 * "Ahead" means `now < examAt`, the same test the interval rule uses, so a review made on exam day
 * is after the exam. The rule is pure: given the same settings and `now`, every device picks the
 * same exam.
 */
import type { DeckId } from '../ids';
import type { StudySettings } from './study-settings';

/** One deck of the chain with the settings it has on its own (its overrides over the all-deck settings). */
export interface ExamCandidate {
  readonly deckId: DeckId;
  readonly settings: StudySettings;
}

/** The exam a deck studies for, and whose it is. */
export interface ResolvedExam {
  /** The deck the exam was set on: the deck itself or one of its ancestors. */
  readonly sourceDeckId: DeckId;
  readonly isInherited: boolean;
  /** True when the exam has passed at `now`: the deck is back on normal scheduling. */
  readonly isOver: boolean;
}

/** The deck of `chain` whose exam applies to the first at `now`, and whether that exam is over; null without one. */
function pickExam(chain: readonly ExamCandidate[], now: number): { readonly source: ExamCandidate; readonly isOver: boolean } | null {
  let passed: ExamCandidate | undefined;
  for (const candidate of chain) {
    const { examAt } = candidate.settings;
    if (examAt === null) continue;
    if (now < examAt) return { source: candidate, isOver: false };
    passed ??= candidate;
  }
  return passed ? { source: passed, isOver: true } : null;
}

/**
 * The exam that applies to the first deck of `chain` (the deck, then its ancestors nearest
 * first) at `now`, or null when no deck of the chain has an exam date.
 */
export function resolveExam(chain: readonly ExamCandidate[], now: number): ResolvedExam | null {
  const exam = pickExam(chain, now);
  return exam && { sourceDeckId: exam.source.deckId, isInherited: exam.source !== chain[0], isOver: exam.isOver };
}

const merged = new WeakMap<StudySettings, WeakMap<StudySettings, StudySettings>>();

/**
 * The settings the first deck of `chain` schedules with at `now`: its own, with the exam fields
 * (date, target, daily minutes; deck-overrides.ts EXAM_FIELDS) of the deck the rule picks. The
 * same pair of settings always gives the same object, so schedulers cached per settings object
 * stay cached.
 */
export function settingsWithInheritedExam(chain: readonly [ExamCandidate, ...ExamCandidate[]], now: number): StudySettings {
  const own = chain[0].settings;
  const source = pickExam(chain, now)?.source.settings ?? own;
  if (own.examAt === source.examAt && own.examTargetRecall === source.examTargetRecall && own.examDailyMinutes === source.examDailyMinutes) return own;
  let perOwn = merged.get(own);
  if (!perOwn) merged.set(own, (perOwn = new WeakMap()));
  let result = perOwn.get(source);
  if (!result) perOwn.set(source, (result = { ...own, examAt: source.examAt, examTargetRecall: source.examTargetRecall, examDailyMinutes: source.examDailyMinutes }));
  return result;
}
