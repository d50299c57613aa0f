/**
 * The rules of a deck file as a valibot schema, and the limits it enforces. `parseDeck` runs it;
 * the deck index and import parsers reuse the limits.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import * as v from 'valibot';
import { ClozeError, parseCloze } from '../cloze/cloze.ts';
import { DECK_SCHEMA_VERSION } from './types.ts';
import { jsonObject, mustBe, mustBeVersion } from './valibot-messages.ts';

/** Deck ids are kebab-case slugs: they are file names and URL segments. */
export const DECK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_DECK_ID_LENGTH = 64;
/** Card ids are chosen by the author and are half of the progress key, so they are never rewritten. */
export const CARD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const MAX_TITLE_LENGTH = 200;
/** Per side of a card, in UTF-16 code units (`string.length`). */
export const MAX_CARD_TEXT_LENGTH = 20_000;

const isNonBlank = (text: string): boolean => text.trim().length > 0;

const cardTextSchema = v.pipe(
  v.string(mustBe('a string')),
  v.check(isNonBlank, 'must not be empty'),
  v.maxLength(
    MAX_CARD_TEXT_LENGTH,
    (issue) => `must be at most ${MAX_CARD_TEXT_LENGTH} characters, not ${issue.received}`,
  ),
);

/**
 * A cloze note's card ids: the note id, ".c" and the number (`capitals.c2`). The note id leaves
 * room for a three-digit number within the card id's 128 characters.
 */
export const MAX_NOTE_ID_LENGTH = 123;
export const clozeCardId = (noteId: string, clozeNumber: number): string => `${noteId}.c${clozeNumber}`;

const cardIdSchema = v.pipe(
  v.string(mustBe('a string')),
  v.nonEmpty('must not be empty'),
  v.regex(
    CARD_ID_PATTERN,
    'must start with a letter or digit and use only letters, digits, ".", "_", ":" and "-" (at most 128 characters)',
  ),
);

// A factory, not a shared literal, so no two cards ever share one mutable array.
const tagsSchema = v.optional(
  v.array(
    v.pipe(v.string(mustBe('a string')), v.trim(), v.nonEmpty('must not be empty')),
    mustBe('an array of strings'),
  ),
  () => [],
);

const typeAnswerSchema = v.optional(
  v.union(
    [v.literal(true), v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_CARD_TEXT_LENGTH))],
    'must be true (type the answer) or the non-empty text to type',
  ),
);

const clozeProblem = (text: string): string | null => {
  try {
    parseCloze(text);
    return null;
  } catch (error) {
    if (error instanceof ClozeError) return error.message;
    throw error;
  }
};

export const cardSchema = jsonObject(
  {
    id: cardIdSchema,
    front: cardTextSchema,
    back: cardTextSchema,
    tags: tagsSchema,
    typeAnswer: typeAnswerSchema,
  },
  'an object',
);

/** A cloze note: one card per cloze number in `cloze`, and an optional `back` shown under every answer. */
export const clozeNoteSchema = jsonObject(
  {
    id: v.pipe(
      cardIdSchema,
      v.maxLength(MAX_NOTE_ID_LENGTH, `of a cloze note must be at most ${MAX_NOTE_ID_LENGTH} characters (its cards add ".c1", ".c2"…)`),
    ),
    cloze: v.pipe(
      cardTextSchema,
      v.check((text) => clozeProblem(text) === null, (issue) => `is not a valid cloze text: ${clozeProblem(issue.input as string) ?? ''}`),
    ),
    back: v.optional(
      v.pipe(
        v.string(mustBe('a string')),
        v.maxLength(MAX_CARD_TEXT_LENGTH, (issue) => `must be at most ${MAX_CARD_TEXT_LENGTH} characters, not ${issue.received}`),
      ),
      '',
    ),
    tags: tagsSchema,
    typeAnswer: v.optional(v.literal(true, 'must be true on a cloze note (each card types its own deletions)')),
  },
  'an object',
);

/** A card entry of a deck file: a cloze note when it has a `cloze` field, else a front/back card. */
const cardEntrySchema = v.lazy((input) =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && 'cloze' in input ? clozeNoteSchema : cardSchema,
);

export const deckSchema = jsonObject(
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
      v.array(cardEntrySchema, mustBe('an array of cards')),
      v.minLength(1, 'must contain at least one card'),
    ),
  },
  'a JSON object',
);
