/**
 * What every stored-row parser shares: the result type that names a rejected row's table, key and
 * field, and the field readers that build it. Rows are `unknown` until a parser accepts them; a
 * corrupt row becomes a `RowProblem` the caller skips and reports, never an exception that blanks the app.
 */

export type TableName = 'cardStates' | 'reviewLog' | 'settings' | 'userDecks' | 'media' | 'events' | 'settingsEvents' | 'contentEvents';

/** Why a stored row (or one field of it) was rejected; names the table, the row and the field. */
export interface RowProblem {
  readonly table: TableName;
  /** The row's primary key, rendered for logs, e.g. `["spanish","hola"]` or `42`. */
  readonly rowKey: string;
  readonly field: string;
  readonly message: string;
}

export type RowResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: RowProblem };

/** Thrown only inside the row parsers to unwind a parse; callers see a RowResult instead. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type Fields = Record<string, unknown>;

export const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

export const describeValue = (value: unknown): string => (value === undefined ? 'missing' : `got ${JSON.stringify(value) ?? String(value)}`);

export function nonEmptyString(fields: Fields, name: string, prefix: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.length === 0) throw new FieldError(prefix + name, `expected a non-empty string, ${describeValue(value)}`);
  return value;
}

export function finiteNumber(fields: Fields, name: string, prefix: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldError(prefix + name, `expected a finite number, ${describeValue(value)}`);
  return value;
}

export function nonNegativeInteger(fields: Fields, name: string, prefix: string): number {
  const value = finiteNumber(fields, name, prefix);
  if (!Number.isInteger(value) || value < 0) throw new FieldError(prefix + name, `expected a non-negative integer, ${describeValue(value)}`);
  return value;
}

export function oneOf<T extends string>(fields: Fields, name: string, prefix: string, allowed: readonly T[]): T {
  const value = fields[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FieldError(prefix + name, `expected one of ${allowed.join(', ')}, ${describeValue(value)}`);
  }
  return value as T;
}
export function optionalBoolean(fields: Fields, name: string, prefix: string): boolean {
  const value = fields[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new FieldError(prefix + name, `expected true, false or nothing, ${describeValue(value)}`);
  return value;
}
function keyOf(value: unknown, names: readonly string[]): string {
  if (!isObject(value)) return '(unknown)';
  const parts = names.map((name) => value[name]);
  return JSON.stringify(parts.length === 1 ? parts[0] : parts) ?? '(unknown)';
}

/** Runs `parse`; the row key is rendered only for a rejected row (valid rows are read in thousands). */
export function toResult<T>(table: TableName, row: unknown, keyNames: readonly string[], parse: () => T): RowResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return { ok: false, problem: { table, rowKey: keyOf(row, keyNames), field: error.field, message: error.message } };
  }
}
