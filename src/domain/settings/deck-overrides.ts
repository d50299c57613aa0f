/**
 * Per-deck settings. The all-deck settings apply everywhere; a deck may override the fields
 * below. The study day's start and the FSRS weights stay global: one day boundary and one
 * memory model per person.
 */
import type { StudySettings } from './study-settings';
import type { SchedulerSettings } from './validate-settings';

/** The exam-date mode fields (issue 14): set per deck on the deck page. */
export type ExamField = 'examAt' | 'examTargetRecall' | 'examDailyMinutes';
export const EXAM_FIELDS: readonly ExamField[] = ['examAt', 'examTargetRecall', 'examDailyMinutes'];

export type OverridableField = Exclude<keyof SchedulerSettings, 'dayStartHour'> | ExamField;
export const OVERRIDABLE_FIELDS: readonly OverridableField[] = [
  'desiredRetention',
  'newCardsPerDay',
  'reviewsPerDay',
  'learningStepsMinutes',
  'relearningStepsMinutes',
  'isFuzzEnabled',
  'isBuryingNewSiblings',
  'isBuryingReviewSiblings',
  ...EXAM_FIELDS,
];

/** The fields one deck sets differently from the all-deck settings. */
export type DeckOverrides = Partial<Pick<StudySettings, OverridableField>>;

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => Object.is(v, b[i])) : Object.is(a, b);

const cache = new WeakMap<StudySettings, WeakMap<DeckOverrides, StudySettings>>();

/**
 * The settings one deck studies with. Without overrides this is `global` itself, and the same
 * inputs always give the same object, so callers can cache per settings object.
 */
export function effectiveSettings(global: StudySettings, overrides: DeckOverrides | undefined): StudySettings {
  if (overrides === undefined || Object.keys(overrides).length === 0) return global;
  let perGlobal = cache.get(global);
  if (!perGlobal) {
    perGlobal = new WeakMap();
    cache.set(global, perGlobal);
  }
  let merged = perGlobal.get(overrides);
  if (!merged) {
    merged = { ...global, ...overrides };
    perGlobal.set(overrides, merged);
  }
  return merged;
}

/**
 * The overrides that make `global` into `wanted` for one deck: only the fields that differ.
 * A field `wanted` does not name is left out, so pass the deck's current overrides under the
 * form's values to keep the fields that form does not edit.
 */
export function overridesFor(global: StudySettings, wanted: Partial<Pick<StudySettings, OverridableField>>): DeckOverrides {
  const overrides: Record<string, unknown> = {};
  for (const field of OVERRIDABLE_FIELDS) {
    if (field in wanted && !sameValue(global[field], wanted[field])) overrides[field] = wanted[field];
  }
  return overrides as DeckOverrides;
}
