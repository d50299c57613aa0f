/**
 * `decks/index.json`: the list of bundled decks the app fetches before any deck. The build
 * writes it with `buildDeckIndex` and the app reads it with `parseDeckIndex`; both live here
 * so the writer and the reader cannot drift apart.
 */
import * as v from 'valibot';
import { asDeckId, type DeckId } from '../ids.ts';
import { DECK_ID_PATTERN, MAX_DECK_ID_LENGTH, MAX_TITLE_LENGTH } from './deck-schema.ts';
import { DeckError } from './errors.ts';
import {
  collectIssues,
  jsonObject,
  mustBe,
  mustBeVersion,
  PARSE_CONFIG,
  type IssueVocabulary,
} from './valibot-messages.ts';
import type { Deck } from './types.ts';

/** The index format version this build reads and writes (independent of the deck version). */
export const DECK_INDEX_SCHEMA_VERSION = 1;
/** Where the index is served, relative to the app's base URL. */
export const DECK_INDEX_PATH = 'decks/index.json';

/** Where one bundled deck is served, relative to the app's base URL (not to the index). */
export const deckFilePath = (deckId: string): string => `decks/${deckId}.json`;

/** What the deck list needs to show a deck without fetching it. */
export interface DeckIndexEntry {
  readonly id: DeckId;
  /** Relative to the app's base URL; always `decks/<id>.json`. */
  readonly file: string;
  readonly title: string;
  readonly description: string;
  /** 0 only in dev, for a deck file that failed to parse (fetching it shows the error). */
  readonly cardCount: number;
  /** The deck this one is grouped under (deck-tree.ts). */
  readonly parent?: DeckId;
}

/** The whole `decks/index.json` file, as written and read. */
export interface DeckIndex {
  readonly schemaVersion: typeof DECK_INDEX_SCHEMA_VERSION;
  readonly decks: readonly DeckIndexEntry[];
}

/** The index entry of a parsed deck. */
export function deckIndexEntry(deck: Deck): DeckIndexEntry {
  return {
    id: deck.id,
    file: deckFilePath(deck.id),
    title: deck.title,
    description: deck.description,
    cardCount: deck.cards.length,
    ...(deck.parent === undefined ? {} : { parent: deck.parent }),
  };
}

// Fixed locale and options so every machine writes the same index; numeric puts "C9" before "C10".
const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The index document for these entries, sorted by title (then id, so ties are stable). */
export function buildDeckIndex(entries: readonly DeckIndexEntry[]): DeckIndex {
  const decks = [...entries].sort(
    (a, b) => titleCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { schemaVersion: DECK_INDEX_SCHEMA_VERSION, decks };
}

const entrySchema = v.pipe(
  jsonObject(
    {
      id: v.pipe(
        v.string(mustBe('a string')),
        v.nonEmpty('must not be empty'),
        v.maxLength(MAX_DECK_ID_LENGTH, `must be at most ${MAX_DECK_ID_LENGTH} characters`),
        v.regex(DECK_ID_PATTERN, 'must be a kebab-case slug'),
      ),
      file: v.string(mustBe('a string')),
      title: v.pipe(
        v.string(mustBe('a string')),
        v.trim(),
        v.nonEmpty('must not be empty'),
        v.maxLength(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
      ),
      description: v.string(mustBe('a string')),
      cardCount: v.pipe(
        v.number(mustBe('a number')),
        v.integer('must be a whole number'),
        v.minValue(0, 'must not be negative'),
      ),
      parent: v.optional(v.pipe(v.string(mustBe('a string')), v.regex(DECK_ID_PATTERN, 'must be a kebab-case slug'))),
    },
    'an object',
  ),
  // The app fetches `file`; pinning it to the id keeps the index from pointing anywhere else.
  v.forward(
    v.partialCheck(
      [['id'], ['file']],
      (entry) => entry.file === deckFilePath(entry.id),
      (issue) => {
        const entry = issue.input as { id: string; file: string };
        return `must be ${JSON.stringify(deckFilePath(entry.id))}, not ${JSON.stringify(entry.file)}`;
      },
    ),
    ['file'],
  ),
);

const indexSchema = jsonObject(
  {
    schemaVersion: v.literal(DECK_INDEX_SCHEMA_VERSION, mustBeVersion(DECK_INDEX_SCHEMA_VERSION)),
    decks: v.array(entrySchema, mustBe('an array')),
  },
  'a JSON object',
);

const INDEX_VOCABULARY: IssueVocabulary = { root: 'the deck index', listField: 'decks', itemNoun: 'deck' };

/**
 * Validates a fetched `decks/index.json`. An empty list is valid (no bundled decks).
 * Messages name `source`, the deck entry (1-based, with its id) and the field.
 * @throws DeckError `unsupported-schema-version` or `invalid-deck-index`
 */
export function parseDeckIndex(input: unknown, source: string): DeckIndexEntry[] {
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const record = isObject ? (input as Record<string, unknown>) : undefined;
  const version = record?.['schemaVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > DECK_INDEX_SCHEMA_VERSION) {
    throw new DeckError('unsupported-schema-version', source, [
      {
        field: 'schemaVersion',
        message: `${source}: field "schemaVersion" is ${version}: this deck index was written by a newer Flipdeck (this version reads schemaVersion ${DECK_INDEX_SCHEMA_VERSION}); reload to update Flipdeck`,
      },
    ]);
  }

  const result = v.safeParse(indexSchema, input, PARSE_CONFIG);
  const issues = collectIssues(result.success ? [] : result.issues, record?.['decks'], source, INDEX_VOCABULARY);
  if (!result.success || issues.length > 0) throw new DeckError('invalid-deck-index', source, issues);

  return result.output.decks.map((entry) => ({
    id: asDeckId(entry.id),
    file: entry.file,
    title: entry.title,
    description: entry.description,
    cardCount: entry.cardCount,
    ...(entry.parent === undefined ? {} : { parent: asDeckId(entry.parent) }),
  }));
}
