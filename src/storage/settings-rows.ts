/**
 * Settings rows <-> domain values: the all-deck study settings ('study'), the device's appearance
 * ('appearance') and each deck's overrides ('deck:<deckId>'). A field of the wrong type is reported
 * and defaulted (or dropped), and fields this build does not know are kept on write.
 */
import { STUDY_SETTINGS_CHECKS } from '../domain/events/settings-log';
import { CARD_FONT_SIZES, DEFAULT_APPEARANCE, THEMES, type Appearance } from '../domain/settings/appearance';
import { OVERRIDABLE_FIELDS, type DeckOverrides } from '../domain/settings/deck-overrides';
import { asDeckId, type DeckId } from '../domain/ids';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import type { StudySettings } from '../domain/settings/study-settings';
import { describeValue, isObject, type Fields, type RowProblem } from './row-parse';

/** The key of the all-deck study settings row. */
export const STUDY_SETTINGS_KEY = 'study';

/**
 * Stored settings. `value` is deliberately loose: it may be partial (older builds) or carry
 * fields this build does not know (newer builds), and both must survive a load/save cycle.
 */
export interface SettingsRow {
  /** 'study', 'appearance', or 'deck:<deckId>' for one deck's overrides. */
  key: string;
  value: Record<string, unknown>;
}

export const APPEARANCE_KEY = 'appearance';
export const DECK_OVERRIDES_PREFIX = 'deck:';

const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const OVERRIDE_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  desiredRetention: isFiniteNumber,
  newCardsPerDay: isFiniteNumber,
  reviewsPerDay: isFiniteNumber,
  learningStepsMinutes: (value) => Array.isArray(value) && value.every(isFiniteNumber),
  relearningStepsMinutes: (value) => Array.isArray(value) && value.every(isFiniteNumber),
  isFuzzEnabled: (value) => typeof value === 'boolean',
  isBuryingNewSiblings: (value) => typeof value === 'boolean',
  isBuryingReviewSiblings: (value) => typeof value === 'boolean',
  examAt: (value) => value === null || isFiniteNumber(value),
  examTargetRecall: isFiniteNumber,
  examDailyMinutes: (value) => value === null || isFiniteNumber(value),
};

const existingValue = (row: unknown): Fields => (isObject(row) && isObject(row['value']) ? row['value'] : {});

/** Appearance from its stored row: defaults, overridden by every stored field that is valid. */
export function appearanceFromRow(row: unknown): { readonly appearance: Appearance; readonly problems: readonly RowProblem[] } {
  if (row === undefined) return { appearance: DEFAULT_APPEARANCE, problems: [] };
  const value = existingValue(row);
  const problems: RowProblem[] = [];
  const rowKey = JSON.stringify(APPEARANCE_KEY);
  const pick = <T>(field: keyof Appearance, isValid: (v: unknown) => v is T, fallback: T): T => {
    if (!(field in value)) return fallback;
    if (isValid(value[field])) return value[field];
    problems.push({ table: 'settings', rowKey, field: `value.${field}`, message: `wrong value, ${describeValue(value[field])}; using the default` });
    return fallback;
  };
  return {
    appearance: {
      theme: pick('theme', (v): v is Appearance['theme'] => (THEMES as readonly unknown[]).includes(v), DEFAULT_APPEARANCE.theme),
      isReducedMotion: pick('isReducedMotion', (v): v is boolean => typeof v === 'boolean', DEFAULT_APPEARANCE.isReducedMotion),
      cardFontSize: pick('cardFontSize', (v): v is Appearance['cardFontSize'] => (CARD_FONT_SIZES as readonly unknown[]).includes(v), DEFAULT_APPEARANCE.cardFontSize),
    },
    problems,
  };
}

/** The appearance row to store, keeping stored fields this build does not know. */
export function appearanceToRow(appearance: Appearance, existingRow: unknown): SettingsRow {
  return { key: APPEARANCE_KEY, value: { ...existingValue(existingRow), ...appearance } };
}

/** One deck's overrides from its stored row; fields of the wrong type are reported and dropped. */
export function deckOverridesFromRow(row: SettingsRow): { readonly deckId: DeckId; readonly overrides: DeckOverrides; readonly problems: readonly RowProblem[] } {
  const value = existingValue(row);
  const overrides: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const field of OVERRIDABLE_FIELDS) {
    if (!(field in value)) continue;
    if (OVERRIDE_CHECKS[field]!(value[field])) overrides[field] = value[field];
    else problems.push({ table: 'settings', rowKey: JSON.stringify(row.key), field: `value.${field}`, message: `wrong type, ${describeValue(value[field])}; using the all-deck value` });
  }
  return { deckId: asDeckId(row.key.slice(DECK_OVERRIDES_PREFIX.length)), overrides: overrides as DeckOverrides, problems };
}

/** The row key of one deck's overrides. */
export const deckOverridesKey = (deckId: DeckId): string => `${DECK_OVERRIDES_PREFIX}${deckId}`;

/**
 * The overrides row to store. Overridable fields not in `overrides` are removed (the deck now
 * follows the all-deck value); fields this build does not know are kept.
 */
export function deckOverridesToRow(deckId: DeckId, overrides: DeckOverrides, existingRow: unknown): SettingsRow {
  const kept = { ...existingValue(existingRow) };
  for (const field of OVERRIDABLE_FIELDS) delete kept[field];
  return { key: deckOverridesKey(deckId), value: { ...kept, ...overrides } };
}

/** Whether a settings row key holds a deck's overrides. */
export const isDeckOverridesKey = (key: string): boolean => key.startsWith(DECK_OVERRIDES_PREFIX) && key.length > DECK_OVERRIDES_PREFIX.length;

// The domain's type checks (whether a value is sensible is the settings screen's rule), so a
// settings field added to StudySettings is read from old rows without a second list to keep in step.
const SETTINGS_CHECKS = STUDY_SETTINGS_CHECKS;

/**
 * Builds settings from a stored row: DEFAULT_SETTINGS, overridden by every stored field that
 * has the right type. A missing row gives the defaults; a bad field is reported and defaulted.
 */
export function settingsFromRow(row: unknown): { readonly settings: StudySettings; readonly problems: readonly RowProblem[] } {
  if (row === undefined) return { settings: copySettings(DEFAULT_SETTINGS), problems: [] };
  const rowKey = JSON.stringify(STUDY_SETTINGS_KEY);
  const value = isObject(row) ? row['value'] : undefined;
  if (!isObject(value)) {
    return {
      settings: copySettings(DEFAULT_SETTINGS),
      problems: [{ table: 'settings', rowKey, field: 'value', message: `expected an object, ${describeValue(value)}` }],
    };
  }
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: RowProblem[] = [];
  for (const field of Object.keys(SETTINGS_CHECKS) as (keyof StudySettings)[]) {
    if (!(field in value)) continue;
    if (SETTINGS_CHECKS[field](value[field])) merged[field] = value[field];
    else problems.push({ table: 'settings', rowKey, field: `value.${field}`, message: `wrong type, ${describeValue(value[field])}; using the default` });
  }
  return { settings: copySettings(merged as unknown as StudySettings), problems };
}

/**
 * Builds the settings row to store. Fields already stored that this build does not know
 * (written by a newer build) are kept, so opening an old tab never erases them.
 */
export function settingsToRow(settings: StudySettings, existingRow: unknown): SettingsRow {
  const existing = isObject(existingRow) && isObject(existingRow['value']) ? existingRow['value'] : {};
  return { key: STUDY_SETTINGS_KEY, value: { ...existing, ...copySettings(settings) } };
}

function copySettings(settings: StudySettings): StudySettings {
  return {
    ...settings,
    learningStepsMinutes: [...settings.learningStepsMinutes],
    relearningStepsMinutes: [...settings.relearningStepsMinutes],
    fsrsWeights: settings.fsrsWeights ? [...settings.fsrsWeights] : null,
    previousFsrsWeights: settings.previousFsrsWeights ? [...settings.previousFsrsWeights] : null,
  };
}
