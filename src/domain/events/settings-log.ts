/**
 * Settings as a log: each settings event names the fields it changed, and the settings at any
 * point of the log are the last value of each field up to that point (last writer wins per field,
 * in the log's total order). Replay asks for the settings in force when each review was made, so a
 * later change of retention or weights never rewrites what an earlier review scheduled.
 */
import { asDeckId, type DeckId } from '../ids';
import { DEFAULT_SETTINGS, isFsrsWeights, type StudySettings } from '../settings/study-settings';
import { OVERRIDABLE_FIELDS, effectiveSettings, type DeckOverrides } from '../settings/deck-overrides';
import { settingsWithInheritedExam } from '../settings/exam-inheritance';
import { inLogOrder, isAtOrBefore } from './order';
import type { EventId, SettingsEvent } from './types';

type Values = Readonly<Record<string, unknown>>;

/** The raw fields of every scope after folding: unknown fields included, removed overrides absent. */
export interface FoldedSettings {
  readonly study: Values;
  readonly decks: ReadonlyMap<DeckId, Values>;
}

/**
 * The settings a review made at (createdAt, id) in `deckId` was scheduled with; `ancestors` (the
 * decks above it, nearest first, as the review recorded them) lend it their exam (exam-inheritance.ts).
 */
export type SettingsAt = (deckId: DeckId, createdAt: number, id: EventId, ancestors?: readonly DeckId[]) => StudySettings;

const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isNumberList = (value: unknown) => Array.isArray(value) && value.every(isFiniteNumber);
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isOptionalWeights = (value: unknown) => value === null || isFsrsWeights(value);
const isOptionalNumber = (value: unknown) => value === null || isFiniteNumber(value);
const isWeekdayList = (value: unknown) => Array.isArray(value) && value.every((day) => Number.isInteger(day) && day >= 0 && day <= 6);

/**
 * Type checks only: whether a value is sensible (retention 0.70–0.99, say) is the settings
 * screen's rule; a value that passed it on another device must not be second-guessed here.
 */
export const STUDY_SETTINGS_CHECKS: { readonly [K in keyof StudySettings]: (value: unknown) => boolean } = {
  desiredRetention: isFiniteNumber,
  learningStepsMinutes: isNumberList,
  relearningStepsMinutes: isNumberList,
  maximumIntervalDays: isFiniteNumber,
  isFuzzEnabled: isBoolean,
  newCardsPerDay: isFiniteNumber,
  reviewsPerDay: isFiniteNumber,
  dayStartHour: isFiniteNumber,
  learnAheadMinutes: isFiniteNumber,
  isBuryingNewSiblings: isBoolean,
  isBuryingReviewSiblings: isBoolean,
  fsrsWeights: isOptionalWeights,
  previousFsrsWeights: isOptionalWeights,
  examAt: isOptionalNumber,
  examTargetRecall: isFiniteNumber,
  examDailyMinutes: isOptionalNumber,
  isLoadBalanced: isBoolean,
  easyWeekdays: isWeekdayList,
};

/** The study settings from folded values: the defaults, overridden by each known field of the right type. */
export function studySettingsFromValues(values: Values): StudySettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of Object.keys(STUDY_SETTINGS_CHECKS) as (keyof StudySettings)[]) {
    if (field in values && STUDY_SETTINGS_CHECKS[field](values[field])) merged[field] = values[field];
  }
  return merged as unknown as StudySettings;
}

/** One deck's overrides from folded values: the overridable fields of the right type. */
export function deckOverridesFromValues(values: Values): DeckOverrides {
  const overrides: Record<string, unknown> = {};
  for (const field of OVERRIDABLE_FIELDS) {
    if (field in values && STUDY_SETTINGS_CHECKS[field](values[field])) overrides[field] = values[field];
  }
  return overrides as DeckOverrides;
}

/** Applies one event's changes to a scope's values; in a deck scope null removes the override. */
function applyValues(current: Values, event: SettingsEvent): Values {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(event.values)) {
    if (value === null && event.scope.kind === 'deck') delete next[field];
    else next[field] = value;
  }
  return next;
}

function foldOrdered(ordered: readonly SettingsEvent[]): FoldedSettings {
  let study: Values = {};
  const decks = new Map<DeckId, Values>();
  for (const event of ordered) {
    if (event.scope.kind === 'study') study = applyValues(study, event);
    else decks.set(event.scope.deckId, applyValues(decks.get(event.scope.deckId) ?? {}, event));
  }
  return { study, decks };
}

/** The settings after every event: what the app uses now. Any order of `events` gives the same result. */
export function foldSettings(events: readonly SettingsEvent[]): FoldedSettings {
  return foldOrdered(inLogOrder(events));
}

/**
 * The settings in force at each point of the log, for replay. Built once per replay; a lookup is
 * a binary search, and the same point always gives the same object (so schedulers can be cached
 * per settings object).
 */
export function createSettingsTimeline(events: readonly SettingsEvent[]): SettingsAt {
  const ordered = inLogOrder(events);
  // checkpoints[i]: the folded settings after ordered[0..i-1]; checkpoints[0] is before any event.
  const checkpoints: FoldedSettings[] = [];
  let folded: FoldedSettings = { study: {}, decks: new Map() };
  checkpoints.push(folded);
  for (const event of ordered) {
    folded =
      event.scope.kind === 'study'
        ? { study: applyValues(folded.study, event), decks: folded.decks }
        : { study: folded.study, decks: new Map(folded.decks).set(event.scope.deckId, applyValues(folded.decks.get(event.scope.deckId) ?? {}, event)) };
    checkpoints.push(folded);
  }
  const studyCache = new Map<number, StudySettings>();
  const deckCache = new Map<string, StudySettings>();

  /** One deck's settings after the first `low` events. */
  const deckSettingsAt = (low: number, deckId: DeckId): StudySettings => {
    const at = checkpoints[low]!;
    let study = studyCache.get(low);
    if (!study) {
      study = studySettingsFromValues(at.study);
      studyCache.set(low, study);
    }
    const deckValues = at.decks.get(deckId);
    if (deckValues === undefined) return study;
    const key = `${low}\u0000${deckId}`;
    let settings = deckCache.get(key);
    if (!settings) {
      settings = effectiveSettings(study, deckOverridesFromValues(deckValues));
      deckCache.set(key, settings);
    }
    return settings;
  };

  return (deckId, createdAt, id, ancestors = []) => {
    // The number of settings events at or before the point.
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (isAtOrBefore(ordered[mid]!, createdAt, id)) low = mid + 1;
      else high = mid;
    }
    const own = deckSettingsAt(low, deckId);
    if (ancestors.length === 0) return own;
    return settingsWithInheritedExam([{ deckId, settings: own }, ...ancestors.map((ancestor) => ({ deckId: ancestor, settings: deckSettingsAt(low, ancestor) }))], createdAt);
  };
}

/** The deck scopes present in folded settings, as typed overrides. */
export function foldedDeckOverrides(folded: FoldedSettings): Map<DeckId, DeckOverrides> {
  const result = new Map<DeckId, DeckOverrides>();
  for (const [deckId, values] of folded.decks) result.set(asDeckId(deckId), deckOverridesFromValues(values));
  return result;
}
