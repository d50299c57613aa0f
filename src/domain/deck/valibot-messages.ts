/**
 * valibot issues in an author's words: "must be a string, not a number" per field, then one line
 * per problem naming the file, the item (card or deck) and the field. Shared by every schema in
 * the domain that reads a file a person wrote.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import * as v from 'valibot';
import type { DeckIssue } from './errors.ts';

/** Beyond this, more lines stop helping: the author fixes the first ones and rebuilds. */
const MAX_REPORTED_ISSUES = 20;

type UnknownRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "a string", "an array", "null": what a value is, for "must be X, not Y" messages. */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A valibot message for a type mismatch: "must be a string, not a number". */
export const mustBe =
  (expected: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    `must be ${expected}, not ${describeValueType(issue.input)}`;

/**
 * An object schema that also rejects arrays as a whole ("must be an object, not an array");
 * valibot's `object` accepts arrays and would report every key as missing instead.
 * Unknown keys are dropped from the output.
 */
export const jsonObject = <TEntries extends v.ObjectEntries>(entries: TEntries, expected: string) =>
  v.pipe(
    v.unknown(),
    v.check((input) => !Array.isArray(input), mustBe(expected)),
    v.object(entries, mustBe(expected)),
  );

/** A valibot message for a wrong version number: "must be 1, not 0" (or "not a string"). */
export const mustBeVersion =
  (version: number) =>
  (issue: v.BaseIssue<unknown>): string =>
    `must be ${version}, not ${typeof issue.input === 'number' ? issue.input : describeValueType(issue.input)}`;

/** How to name things in messages: the deck and its cards, or the index and its decks. */
export interface IssueVocabulary {
  /** "the deck": the subject when the whole value is wrong. */
  readonly root: string;
  /** "cards": the array whose items get numbered labels. */
  readonly listField: string;
  /** "card": the label of one item, as in "card 3 (id "x")". */
  readonly itemNoun: string;
}

/** Shows an author-supplied string in a message: quoted, escaped and kept short. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

/** "card 3 (id "x")", or "card 3" when the item has no usable id. Numbers are 1-based. */
function itemLabel(noun: string, itemNumber: number, itemId: string | undefined): string {
  return itemId === undefined ? `${noun} ${itemNumber}` : `${noun} ${itemNumber} (id ${quote(itemId)})`;
}

/** The raw item's id, when it has a non-empty string one, so messages can show it. */
function rawItemId(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const id = item['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Puts a file, an item and a field in front of a valibot message: one self-contained line. */
function describeIssue(
  issue: v.BaseIssue<unknown>,
  source: string,
  vocabulary: IssueVocabulary,
): DeckIssue {
  const path = issue.path ?? [];
  const last = path.at(-1);
  // A missing key is reported by valibot with its parent object's message; say what happened instead.
  const isMissing =
    last !== undefined &&
    last.type === 'object' &&
    isRecord(last.input) &&
    typeof last.key === 'string' &&
    !(last.key in last.input);
  const predicate = isMissing ? 'is missing' : issue.message;
  const keys = path.map((item) => item.key);

  let itemNumber: number | undefined;
  let itemId: string | undefined;
  let fieldKeys = keys;
  if (keys[0] === vocabulary.listField && typeof keys[1] === 'number') {
    itemNumber = keys[1] + 1;
    itemId = rawItemId(path[1]?.value);
    fieldKeys = keys.slice(2);
  }

  const [fieldKey, entryKey] = fieldKeys;
  const field = fieldKey === undefined ? undefined : String(fieldKey);
  const entry = typeof entryKey === 'number' ? ` item ${entryKey + 1}` : '';
  const location =
    itemNumber === undefined ? source : `${source}: ${itemLabel(vocabulary.itemNoun, itemNumber, itemId)}`;

  let message: string;
  if (field !== undefined) message = `${location}: field "${field}"${entry} ${predicate}`;
  else if (itemNumber !== undefined) message = `${location} ${predicate}`;
  else message = `${source}: ${vocabulary.root} ${predicate}`;

  return {
    ...(itemNumber === undefined ? {} : { cardNumber: itemNumber }),
    ...(itemId === undefined ? {} : { cardId: itemId }),
    ...(field === undefined ? {} : { field }),
    message,
  };
}

/** Ids that repeat in a list, each reported against its first use. */
function duplicateIdIssues(items: unknown, source: string, vocabulary: IssueVocabulary): DeckIssue[] {
  if (!Array.isArray(items)) return [];
  const firstNumberById = new Map<string, number>();
  const issues: DeckIssue[] = [];
  items.forEach((item, index) => {
    const id = rawItemId(item);
    if (id === undefined) return;
    const itemNumber = index + 1;
    const firstNumber = firstNumberById.get(id);
    if (firstNumber === undefined) {
      firstNumberById.set(id, itemNumber);
      return;
    }
    issues.push({
      cardNumber: itemNumber,
      cardId: id,
      field: 'id',
      message: `${source}: ${itemLabel(vocabulary.itemNoun, itemNumber, id)}: field "id" must be unique, but ${vocabulary.itemNoun} ${firstNumber} has the same id`,
    });
  });
  return issues;
}

/**
 * Turns valibot issues plus duplicate-id findings into the lines of one `DeckError`, ordered
 * top-level fields first, then item by item, and capped so a badly broken file stays readable.
 */
export function collectIssues(
  valibotIssues: readonly v.BaseIssue<unknown>[],
  rawItems: unknown,
  source: string,
  vocabulary: IssueVocabulary,
): DeckIssue[] {
  const issues = [
    ...valibotIssues.map((issue) => describeIssue(issue, source, vocabulary)),
    ...duplicateIdIssues(rawItems, source, vocabulary),
  ];
  // Array.prototype.sort is stable, so issues within one item keep their field order.
  issues.sort((a, b) => (a.cardNumber ?? 0) - (b.cardNumber ?? 0));
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  const hiddenCount = issues.length - MAX_REPORTED_ISSUES;
  return [
    ...issues.slice(0, MAX_REPORTED_ISSUES),
    { message: `${source}: ...and ${hiddenCount} more problem${hiddenCount === 1 ? '' : 's'}` },
  ];
}

/** valibot config shared by the deck parsers: one message per field, every field checked. */
export const PARSE_CONFIG = { abortEarly: false, abortPipeEarly: true } as const;
