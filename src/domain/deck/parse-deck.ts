/**
 * The one edge where deck files become typed decks. Everything read from `decks/*.json`
 * (and, later, imports) is `unknown` until `parseDeck` accepts it or throws a `DeckError`
 * whose every line names the file, the card and the field, so a deck author can fix it
 * without reading code.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import * as v from 'valibot';
import { asCardId, asDeckId } from '../ids.ts';
import { DeckError, type DeckIssue } from './errors.ts';
import { DECK_SCHEMA_VERSION, type Card, type Deck } from './types.ts';

/** Deck ids are kebab-case slugs: they are file names and URL segments. */
export const DECK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_DECK_ID_LENGTH = 64;
/** Card ids are chosen by the author and are half of the progress key, so they are never rewritten. */
export const CARD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const MAX_TITLE_LENGTH = 200;
/** Per side of a card, in UTF-16 code units (`string.length`). */
export const MAX_CARD_TEXT_LENGTH = 20_000;
/** Beyond this, more lines stop helping: the author fixes the first ones and rebuilds. */
const MAX_REPORTED_ISSUES = 20;

type UnknownRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UnknownRecord =>
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

const isNonBlank = (text: string): boolean => text.trim().length > 0;

const cardTextSchema = v.pipe(
  v.string(mustBe('a string')),
  v.check(isNonBlank, 'must not be empty'),
  v.maxLength(
    MAX_CARD_TEXT_LENGTH,
    (issue) => `must be at most ${MAX_CARD_TEXT_LENGTH} characters, not ${issue.received}`,
  ),
);

const cardSchema = jsonObject(
  {
    id: v.pipe(
      v.string(mustBe('a string')),
      v.nonEmpty('must not be empty'),
      v.regex(
        CARD_ID_PATTERN,
        'must start with a letter or digit and use only letters, digits, ".", "_", ":" and "-" (at most 128 characters)',
      ),
    ),
    front: cardTextSchema,
    back: cardTextSchema,
    // A factory, not a shared literal, so no two cards ever share one mutable array.
    tags: v.optional(
      v.array(
        v.pipe(v.string(mustBe('a string')), v.trim(), v.nonEmpty('must not be empty')),
        mustBe('an array of strings'),
      ),
      () => [],
    ),
  },
  'an object',
);

const deckSchema = jsonObject(
  {
    schemaVersion: v.literal(DECK_SCHEMA_VERSION, mustBeVersion(DECK_SCHEMA_VERSION)),
    id: v.pipe(
      v.string(mustBe('a string')),
      v.nonEmpty('must not be empty'),
      v.maxLength(MAX_DECK_ID_LENGTH, `must be at most ${MAX_DECK_ID_LENGTH} characters`),
      v.regex(
        DECK_ID_PATTERN,
        'must be a kebab-case slug: lowercase letters and digits separated by single hyphens (e.g. "c3-containers")',
      ),
    ),
    title: v.pipe(
      v.string(mustBe('a string')),
      v.trim(),
      v.nonEmpty('must not be empty'),
      v.maxLength(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
    ),
    description: v.pipe(v.string(mustBe('a string (it may be empty: "")')), v.trim()),
    cards: v.pipe(
      v.array(cardSchema, mustBe('an array of cards')),
      v.minLength(1, 'must contain at least one card'),
    ),
  },
  'a JSON object',
);

/** How to name things in messages: the deck and its cards, or the index and its decks. */
export interface IssueVocabulary {
  /** "the deck": the subject when the whole value is wrong. */
  readonly root: string;
  /** "cards": the array whose items get numbered labels. */
  readonly listField: string;
  /** "card": the label of one item, as in "card 3 (id "x")". */
  readonly itemNoun: string;
}

const DECK_VOCABULARY: IssueVocabulary = { root: 'the deck', listField: 'cards', itemNoun: 'card' };

/** Shows an author-supplied string in a message: quoted, escaped and kept short. */
function quote(text: string): string {
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

/**
 * Validates an already-JSON-parsed value as a deck. `source` (e.g. `decks/foo.json`) starts
 * every message. Unknown fields are dropped from the result, never rejected, so older builds
 * can read decks that carry newer optional fields.
 * @throws DeckError `unsupported-schema-version` or `invalid-deck`
 */
export function parseDeck(input: unknown, source: string): Deck {
  // Checked first and alone: a newer format may differ anywhere, so field errors would mislead.
  if (isRecord(input)) {
    const version = input['schemaVersion'];
    if (typeof version === 'number' && Number.isInteger(version) && version > DECK_SCHEMA_VERSION) {
      throw new DeckError('unsupported-schema-version', source, [
        {
          field: 'schemaVersion',
          message: `${source}: field "schemaVersion" is ${version}: this deck was written by a newer Flipdeck (this version reads schemaVersion ${DECK_SCHEMA_VERSION}); update Flipdeck to open it`,
        },
      ]);
    }
  }

  const rawCards = isRecord(input) ? input['cards'] : undefined;
  const result = v.safeParse(deckSchema, input, PARSE_CONFIG);
  const issues = collectIssues(result.success ? [] : result.issues, rawCards, source, DECK_VOCABULARY);
  if (!result.success || issues.length > 0) throw new DeckError('invalid-deck', source, issues);

  const { output } = result;
  const cards: Card[] = output.cards.map((card) => ({
    id: asCardId(card.id),
    front: card.front,
    back: card.back,
    tags: card.tags,
  }));
  return {
    schemaVersion: DECK_SCHEMA_VERSION,
    id: asDeckId(output.id),
    title: output.title,
    description: output.description,
    cards,
  };
}

/** 1-based line and column of a UTF-16 offset, as editors show them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Parses JSON text and then the deck in it. Invalid JSON is reported with its line and column
 * when the engine gives a position.
 * @throws DeckError `invalid-json`, `unsupported-schema-version` or `invalid-deck`
 */
export function parseDeckJsonText(text: string, source: string): Deck {
  return parseDeck(parseJsonText(text, source), source);
}

/**
 * JSON.parse with a message that names the file and the line. A leading byte-order mark is
 * ignored because some editors on Windows save one and JSON.parse rejects it.
 * @throws DeckError `invalid-json`
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DeckError('invalid-json', source, [{ message: `${source}: not valid JSON: the file is empty` }]);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    let where = '';
    if (position !== undefined) {
      const { line, column } = lineAndColumn(body, Number(position));
      where = ` at line ${line}, column ${column}`;
    }
    throw new DeckError('invalid-json', source, [{ message: `${source}: not valid JSON${where}: ${reason}` }], {
      cause: error,
    });
  }
}

/** The deck id a file must declare: its base name without `.json` (`decks/foo.json` -> `foo`). */
export function expectedDeckIdFromFile(fileName: string): string {
  const baseName = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return baseName.endsWith('.json') ? baseName.slice(0, -'.json'.length) : baseName;
}

/**
 * Bundled decks are found by file name, so the id inside must equal it. Kept apart from
 * `parseDeck` because an imported deck has no meaningful file name.
 * @throws DeckError `deck-file-mismatch`
 */
export function assertDeckMatchesFile(deck: Deck, fileName: string): void {
  const expectedId = expectedDeckIdFromFile(fileName);
  if (deck.id === expectedId) return;
  throw new DeckError('deck-file-mismatch', fileName, [
    {
      field: 'id',
      message: `${fileName}: field "id" is ${quote(deck.id)} but the file is named for ${quote(expectedId)}; the id must equal the file name without ".json". Rename the file to "${deck.id}.json" or set "id" to ${quote(expectedId)}, keeping whichever id learners already studied under (progress is saved per deck id)`,
    },
  ]);
}
