/**
 * The settings form's text, checked field by field. Every problem is reported at once, each on
 * the field it belongs to, and nothing is returned to save unless every field is valid.
 */
import type { StudySettings } from './study-settings';
import { SettingsError } from './errors';
import { formatSteps, parseSteps } from './parse-steps';

/** The scheduler settings the form edits; a deck may override any of them but the day start. */
export type SchedulerSettings = Pick<
  StudySettings,
  | 'desiredRetention'
  | 'newCardsPerDay'
  | 'reviewsPerDay'
  | 'learningStepsMinutes'
  | 'relearningStepsMinutes'
  | 'dayStartHour'
  | 'isFuzzEnabled'
  | 'isLoadBalanced'
  | 'easyWeekdays'
  | 'isBuryingNewSiblings'
  | 'isBuryingReviewSiblings'
>;

/** What the form holds: text as typed, and the checkboxes. */
export interface SchedulerDraft {
  readonly desiredRetention: string;
  readonly newCardsPerDay: string;
  readonly reviewsPerDay: string;
  readonly learningSteps: string;
  readonly relearningSteps: string;
  readonly dayStartHour: string;
  readonly isFuzzEnabled: boolean;
  readonly isLoadBalanced: boolean;
  readonly easyWeekdays: readonly number[];
  readonly isBuryingNewSiblings: boolean;
  readonly isBuryingReviewSiblings: boolean;
}

export type DraftField = Exclude<keyof SchedulerDraft, 'isFuzzEnabled' | 'isLoadBalanced' | 'easyWeekdays' | 'isBuryingNewSiblings' | 'isBuryingReviewSiblings'>;

export type DraftResult =
  | { readonly ok: true; readonly value: SchedulerSettings }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<DraftField, SettingsError>>> };

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;

/** The form's starting text for `settings`. */
export function toDraft(settings: SchedulerSettings): SchedulerDraft {
  return {
    desiredRetention: String(settings.desiredRetention),
    newCardsPerDay: String(settings.newCardsPerDay),
    reviewsPerDay: String(settings.reviewsPerDay),
    learningSteps: formatSteps(settings.learningStepsMinutes),
    relearningSteps: formatSteps(settings.relearningStepsMinutes),
    dayStartHour: String(settings.dayStartHour),
    isFuzzEnabled: settings.isFuzzEnabled,
    isLoadBalanced: settings.isLoadBalanced,
    easyWeekdays: settings.easyWeekdays,
    isBuryingNewSiblings: settings.isBuryingNewSiblings,
    isBuryingReviewSiblings: settings.isBuryingReviewSiblings,
  };
}

function parseNumber(text: string, field: DraftField, label: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) throw new SettingsError('settings/not-a-number', field, `${label} must be a number.`);
  return value;
}

/** Parses the desired retention, 0.70–0.99; throws SettingsError. */
export function parseRetention(text: string): number {
  const value = parseNumber(text, 'desiredRetention', 'Desired retention');
  if (value < MIN_RETENTION || value > MAX_RETENTION) {
    throw new SettingsError('settings/out-of-range', 'desiredRetention', `Desired retention must be between ${MIN_RETENTION.toFixed(2)} and ${MAX_RETENTION}.`);
  }
  return value;
}

function parseWholeNumber(text: string, field: DraftField, label: string, min: number, max: number): number {
  const value = parseNumber(text, field, label);
  if (!Number.isInteger(value)) throw new SettingsError('settings/not-an-integer', field, `${label} must be a whole number.`);
  if (value < min || value > max) throw new SettingsError('settings/out-of-range', field, `${label} must be between ${min} and ${max}.`);
  return value;
}

/** Checks every field of the draft; returns the settings, or one error per bad field. */
export function validateDraft(draft: SchedulerDraft): DraftResult {
  const errors: Partial<Record<DraftField, SettingsError>> = {};
  const attempt = <T>(field: DraftField, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      errors[field] = error;
      return undefined;
    }
  };
  const desiredRetention = attempt('desiredRetention', () => parseRetention(draft.desiredRetention));
  const newCardsPerDay = attempt('newCardsPerDay', () => parseWholeNumber(draft.newCardsPerDay, 'newCardsPerDay', 'New cards per day', 0, 9999));
  const reviewsPerDay = attempt('reviewsPerDay', () => parseWholeNumber(draft.reviewsPerDay, 'reviewsPerDay', 'Maximum reviews per day', 0, 99999));
  const learningStepsMinutes = attempt('learningSteps', () => parseSteps(draft.learningSteps, 'learningSteps'));
  const relearningStepsMinutes = attempt('relearningSteps', () => parseSteps(draft.relearningSteps, 'relearningSteps'));
  const dayStartHour = attempt('dayStartHour', () => parseWholeNumber(draft.dayStartHour, 'dayStartHour', 'The study day start', 0, 23));
  if (
    desiredRetention === undefined ||
    newCardsPerDay === undefined ||
    reviewsPerDay === undefined ||
    learningStepsMinutes === undefined ||
    relearningStepsMinutes === undefined ||
    dayStartHour === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      desiredRetention,
      newCardsPerDay,
      reviewsPerDay,
      learningStepsMinutes,
      relearningStepsMinutes,
      dayStartHour,
      isFuzzEnabled: draft.isFuzzEnabled,
      isLoadBalanced: draft.isLoadBalanced,
      easyWeekdays: [...draft.easyWeekdays].sort((a, b) => a - b),
      isBuryingNewSiblings: draft.isBuryingNewSiblings,
      isBuryingReviewSiblings: draft.isBuryingReviewSiblings,
    },
  };
}
