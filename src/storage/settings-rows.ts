/**
 * Rows of the settings table besides 'study': the device's appearance ('appearance') and each
 * deck's overrides ('deck:<deckId>'). Read back through the same rules as the study row: a field
 * of the wrong type is reported and dropped, and fields this build does not know are kept.
 */
import { CARD_FONT_SIZES, DEFAULT_APPEARANCE, THEMES, type Appearance } from '../domain/settings/appearance';
import { OVERRIDABLE_FIELDS, type DeckOverrides } from '../domain/settings/deck-overrides';
import { asDeckId, type DeckId } from '../domain/ids';
import type { RowProblem, SettingsRow } from './mappers';

export const APPEARANCE_KEY = 'appearance';
export const DECK_OVERRIDES_PREFIX = 'deck:';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown) => (value === undefined ? 'missing' : `got ${JSON.stringify(value) ?? String(value)}`);

const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const OVERRIDE_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  desiredRetention: isFiniteNumber,
  newCardsPerDay: isFiniteNumber,
  reviewsPerDay: isFiniteNumber,
  learningStepsMinutes: (value) => Array.isArray(value) && value.every(isFiniteNumber),
  relearningStepsMinutes: (value) => Array.isArray(value) && value.every(isFiniteNumber),
  isFuzzEnabled: (value) => typeof value === 'boolean',
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
    problems.push({ table: 'settings', rowKey, field: `value.${field}`, message: `wrong value, ${describe(value[field])}; using the default` });
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
    else problems.push({ table: 'settings', rowKey: JSON.stringify(row.key), field: `value.${field}`, message: `wrong type, ${describe(value[field])}; using the all-deck value` });
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
