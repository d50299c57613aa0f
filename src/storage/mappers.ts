/**
 * Row <-> domain mappers: the one edge where stored data becomes typed domain values.
 *
 * Rows are what IndexedDB holds. They mirror the domain types today, but are declared
 * separately so a later schema version can change the stored shape without touching the
 * domain. Anything read back is `unknown` until a parser here accepts it: a corrupt row
 * becomes a `RowProblem` the caller skips and reports, never an exception that blanks the app.
 */
import { asCardId, asDeckId } from '../domain/ids';
import type { CardId, DeckId } from '../domain/ids';
import type { CardPhase, CardState, Rating, ReviewLogEntry } from '../domain/scheduling/types';
import { RATINGS } from '../domain/scheduling/types';
import { DEFAULT_SETTINGS, isFsrsWeights } from '../domain/settings';
import type { StudySettings } from '../domain/settings';

/** Stored shape of one card's scheduler state; primary key is [deckId+cardId]. Times are epoch ms. */
export interface CardStateRow {
  deckId: string;
  cardId: string;
  phase: CardPhase;
  dueAt: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningStep: number;
  reps: number;
  lapses: number;
  lastReviewedAt: number | null;
  /** Only stored when true, so rows written before suspension existed stay unchanged. */
  isSuspended?: true;
}

/** Stored shape of one review-log row before IndexedDB assigns its auto-increment id. */
export interface NewReviewLogRow {
  deckId: string;
  cardId: string;
  rating: Rating;
  reviewedAt: number;
  answerMs: number;
  before: CardStateRow | null;
  after: CardStateRow;
}

/** Stored shape of one review-log row; `id` is the auto-increment primary key. */
export interface ReviewLogRow extends NewReviewLogRow {
  id: number;
}

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

export type TableName = 'cardStates' | 'reviewLog' | 'settings' | 'userDecks' | 'media';

/** Why a stored row (or one field of it) was rejected; names the table, the row and the field. */
export interface RowProblem {
  readonly table: TableName;
  /** The row's primary key, rendered for logs, e.g. `["spanish","hola"]` or `42`. */
  readonly rowKey: string;
  readonly field: string;
  readonly message: string;
}

export type RowResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: RowProblem };

const CARD_PHASES: readonly CardPhase[] = ['new', 'learning', 'review', 'relearning'];

/** Thrown only inside this module to unwind a parse; callers see a RowResult instead. */
class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

const describeValue = (value: unknown): string => (value === undefined ? 'missing' : `got ${JSON.stringify(value) ?? String(value)}`);

function nonEmptyString(fields: Fields, name: string, prefix: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.length === 0) throw new FieldError(prefix + name, `expected a non-empty string, ${describeValue(value)}`);
  return value;
}

function finiteNumber(fields: Fields, name: string, prefix: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldError(prefix + name, `expected a finite number, ${describeValue(value)}`);
  return value;
}

function nonNegativeInteger(fields: Fields, name: string, prefix: string): number {
  const value = finiteNumber(fields, name, prefix);
  if (!Number.isInteger(value) || value < 0) throw new FieldError(prefix + name, `expected a non-negative integer, ${describeValue(value)}`);
  return value;
}

function oneOf<T extends string>(fields: Fields, name: string, prefix: string, allowed: readonly T[]): T {
  const value = fields[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FieldError(prefix + name, `expected one of ${allowed.join(', ')}, ${describeValue(value)}`);
  }
  return value as T;
}

function parseCardStateFields(value: unknown, prefix: string): CardState {
  if (!isObject(value)) throw new FieldError(prefix || '(row)', `expected an object, ${describeValue(value)}`);
  const lastReviewedAt = value['lastReviewedAt'] === null ? null : finiteNumber(value, 'lastReviewedAt', prefix);
  const state: CardState = {
    deckId: asDeckId(nonEmptyString(value, 'deckId', prefix)),
    cardId: asCardId(nonEmptyString(value, 'cardId', prefix)),
    phase: oneOf(value, 'phase', prefix, CARD_PHASES),
    dueAt: finiteNumber(value, 'dueAt', prefix),
    stability: finiteNumber(value, 'stability', prefix),
    difficulty: finiteNumber(value, 'difficulty', prefix),
    scheduledDays: finiteNumber(value, 'scheduledDays', prefix),
    learningStep: nonNegativeInteger(value, 'learningStep', prefix),
    reps: nonNegativeInteger(value, 'reps', prefix),
    lapses: nonNegativeInteger(value, 'lapses', prefix),
    lastReviewedAt,
  };
  // Copied only for the rare suspended card: a spread per row is measurable when thousands are read.
  return optionalBoolean(value, 'isSuspended', prefix) ? { ...state, isSuspended: true } : state;
}

function optionalBoolean(fields: Fields, name: string, prefix: string): boolean {
  const value = fields[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new FieldError(prefix + name, `expected true, false or nothing, ${describeValue(value)}`);
  return value;
}

function requireSameCard(state: CardState, deckId: DeckId, cardId: CardId, prefix: string): void {
  if (state.deckId !== deckId || state.cardId !== cardId) {
    throw new FieldError(`${prefix}deckId/cardId`, `belongs to ${state.deckId}/${state.cardId}, not to the row's card`);
  }
}

const CARD_STATE_KEY = ['deckId', 'cardId'] as const;
const REVIEW_LOG_KEY = ['id'] as const;

function keyOf(value: unknown, names: readonly string[]): string {
  if (!isObject(value)) return '(unknown)';
  const parts = names.map((name) => value[name]);
  return JSON.stringify(parts.length === 1 ? parts[0] : parts) ?? '(unknown)';
}

/** Runs `parse`; the row key is rendered only for a rejected row (valid rows are read in thousands). */
function toResult<T>(table: TableName, row: unknown, keyNames: readonly string[], parse: () => T): RowResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return { ok: false, problem: { table, rowKey: keyOf(row, keyNames), field: error.field, message: error.message } };
  }
}

/** Copies a domain card state into its stored row shape. */
export function cardStateToRow(state: CardState): CardStateRow {
  return {
    deckId: state.deckId,
    cardId: state.cardId,
    phase: state.phase,
    dueAt: state.dueAt,
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningStep: state.learningStep,
    reps: state.reps,
    lapses: state.lapses,
    lastReviewedAt: state.lastReviewedAt,
    ...(state.isSuspended === true ? { isSuspended: true as const } : {}),
  };
}

/** Parses a stored card-state row; rejects it if any field is missing or of the wrong type. */
export function cardStateFromRow(row: unknown): RowResult<CardState> {
  return toResult('cardStates', row, CARD_STATE_KEY, () => parseCardStateFields(row, ''));
}

/** Copies a domain review-log entry into its stored row shape; the id is left to IndexedDB. */
export function reviewLogEntryToRow(entry: ReviewLogEntry): NewReviewLogRow {
  return {
    deckId: entry.deckId,
    cardId: entry.cardId,
    rating: entry.rating,
    reviewedAt: entry.reviewedAt,
    answerMs: entry.answerMs,
    before: entry.before === null ? null : cardStateToRow(entry.before),
    after: cardStateToRow(entry.after),
  };
}

/** Parses a stored review-log row, including its before/after states, which must be the same card. */
export function reviewLogEntryFromRow(row: unknown): RowResult<ReviewLogEntry & { readonly id: number }> {
  return toResult('reviewLog', row, REVIEW_LOG_KEY, () => {
    if (!isObject(row)) throw new FieldError('(row)', `expected an object, ${describeValue(row)}`);
    const id = nonNegativeInteger(row, 'id', '');
    const deckId = asDeckId(nonEmptyString(row, 'deckId', ''));
    const cardId = asCardId(nonEmptyString(row, 'cardId', ''));
    const before = row['before'] === null ? null : parseCardStateFields(row['before'], 'before.');
    const after = parseCardStateFields(row['after'], 'after.');
    if (before !== null) requireSameCard(before, deckId, cardId, 'before.');
    requireSameCard(after, deckId, cardId, 'after.');
    return {
      id,
      deckId,
      cardId,
      rating: oneOf(row, 'rating', '', RATINGS),
      reviewedAt: finiteNumber(row, 'reviewedAt', ''),
      answerMs: finiteNumber(row, 'answerMs', ''),
      before,
      after,
    };
  });
}

/** Whether two card states are field-for-field identical (used by undo's conflict check). */
export function isSameCardState(a: CardState, b: CardState): boolean {
  const rowA = cardStateToRow(a);
  const rowB = cardStateToRow(b);
  // Both rows' keys: the optional isSuspended may be present on only one side.
  const fields = new Set([...Object.keys(rowA), ...Object.keys(rowB)] as (keyof CardStateRow)[]);
  return [...fields].every((field) => Object.is(rowA[field], rowB[field]));
}

type SettingsCheck = (value: unknown) => boolean;

const isFiniteNumber: SettingsCheck = (value) => typeof value === 'number' && Number.isFinite(value);
const isNumberList: SettingsCheck = (value) => Array.isArray(value) && value.every(isFiniteNumber);
const isBoolean: SettingsCheck = (value) => typeof value === 'boolean';
const isOptionalWeights: SettingsCheck = (value) => value === null || isFsrsWeights(value);
const isOptionalNumber: SettingsCheck = (value) => value === null || isFiniteNumber(value);

// Type checks only: whether a value is sensible (e.g. retention 0.70–0.99) is a domain rule,
// and a settings screen that enforces it must not be second-guessed here.
const SETTINGS_CHECKS: { readonly [K in keyof StudySettings]: SettingsCheck } = {
  desiredRetention: isFiniteNumber,
  learningStepsMinutes: isNumberList,
  relearningStepsMinutes: isNumberList,
  maximumIntervalDays: isFiniteNumber,
  isFuzzEnabled: isBoolean,
  newCardsPerDay: isFiniteNumber,
  reviewsPerDay: isFiniteNumber,
  dayStartHour: isFiniteNumber,
  learnAheadMinutes: isFiniteNumber,
  fsrsWeights: isOptionalWeights,
  previousFsrsWeights: isOptionalWeights,
  examAt: isOptionalNumber,
  examTargetRecall: isFiniteNumber,
  examDailyMinutes: isOptionalNumber,
};

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
