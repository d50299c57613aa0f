/**
 * The rules of a deck file as a valibot schema, and the limits it enforces. `parseDeck` runs it;
 * the deck index and import parsers reuse the limits.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import * as v from 'valibot';
import { clozeNumbersOf } from '../cloze/cloze-numbers.ts';
import { readOcclusion, type Occlusion } from './occlusion.ts';
import { DECK_SCHEMA_VERSION, type Card } from './types.ts';
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

const tooLong = v.maxLength<string, number, (issue: v.MaxLengthIssue<string, number>) => string>(
  MAX_CARD_TEXT_LENGTH,
  (issue) => `must be at most ${MAX_CARD_TEXT_LENGTH} characters, not ${issue.received}`,
);
const cardTextSchema = v.pipe(v.string(mustBe('a string')), v.check(isNonBlank, 'must not be empty'), tooLong);

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

// A check rather than a union of schemas: the same message, and less code on the first screen.
const isTypeAnswer = (value: unknown): value is true | string =>
  value === true || (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_CARD_TEXT_LENGTH);
const typeAnswerSchema = v.optional(
  v.pipe(v.unknown(), v.check(isTypeAnswer, 'must be true (type the answer) or the non-empty text to type')),
);

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
      v.maxLength(MAX_NOTE_ID_LENGTH, `must be at most ${MAX_NOTE_ID_LENGTH} characters on a cloze note`),
    ),
    // The full check (positions of unclosed or misnumbered deletions) is check-clozes.ts, run by
    // the build and the import; loading a checked deck only needs to know it has deletions.
    cloze: v.pipe(
      cardTextSchema,
      v.check((text) => clozeNumbersOf(text).length > 0, 'has no cloze deletion: mark the answer as {{c1::answer}}'),
    ),
    back: v.optional(v.pipe(v.string(mustBe('a string')), tooLong), ''),
    tags: tagsSchema,
    typeAnswer: v.optional(v.literal(true, 'must be true on a cloze note')),
  },
  'an object',
);

const optionalText = v.optional(v.pipe(v.string(mustBe('a string')), tooLong), '');

/** An image occlusion card: the image and its masks; the texts around it may be empty. */
export const occlusionCardSchema = jsonObject(
  {
    id: cardIdSchema,
    front: optionalText,
    back: optionalText,
    tags: tagsSchema,
    occlusion: v.pipe(
      v.custom<Occlusion>((value) => typeof readOcclusion(value) !== 'string', (issue) => `is not valid: ${String(readOcclusion(issue.input))}`),
      v.transform((value) => readOcclusion(value) as Occlusion),
    ),
  },
  'an object',
);

const hasKey = (input: unknown, key: string) => typeof input === 'object' && input !== null && !Array.isArray(input) && key in input;

/** A card entry of a deck file: a cloze note when it has a `cloze` field, an occlusion card with `occlusion`, else a front/back card. */
const cardEntrySchema = v.lazy((input) => (hasKey(input, 'cloze') ? clozeNoteSchema : hasKey(input, 'occlusion') ? occlusionCardSchema : cardSchema));

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
    // At least one card, except for a deck that only groups subdecks (parseDeck decides).
    cards: v.array(cardEntrySchema, mustBe('an array of cards')),
    parent: v.optional(
      v.pipe(
        v.string(mustBe('a string')),
        v.regex(DECK_ID_PATTERN, 'must be the id of another deck (a kebab-case slug)'),
      ),
    ),
  },
  'a JSON object',
);

/*
 * Cards back into deck-file entries, the inverse of parseDeck's expansion: the cards of one cloze
 * note become that note again (at the place of its first card), every other card stays itself.
 * Whatever stores, exports or re-checks a deck in file form goes through here, so a cloze note
 * round-trips instead of turning into cards with a blank back.
 */

export type CardFileEntry =
  | { id: string; front: string; back: string; tags: string[]; typeAnswer?: true | string; occlusion?: Occlusion }
  | { id: string; cloze: string; back?: string; tags: string[]; typeAnswer?: true };

/** The deck-file entries for `cards`, in order. */
export function cardsToFileEntries(cards: readonly Card[]): CardFileEntry[] {
  const entries: CardFileEntry[] = [];
  const notesWritten = new Set<string>();
  for (const card of cards) {
    const typeAnswer = card.typeAnswer === undefined ? {} : { typeAnswer: card.typeAnswer };
    if (card.clozeNumber === undefined || card.noteId === undefined) {
      const occlusion = card.occlusion === undefined ? {} : { occlusion: card.occlusion };
      entries.push({ id: card.id, front: card.front, back: card.back, tags: [...card.tags], ...typeAnswer, ...occlusion });
      continue;
    }
    if (notesWritten.has(card.noteId)) continue;
    notesWritten.add(card.noteId);
    entries.push({
      id: card.noteId,
      cloze: card.front,
      ...(card.back === '' ? {} : { back: card.back }),
      tags: [...card.tags],
      ...(card.typeAnswer === undefined ? {} : { typeAnswer: true as const }),
    });
  }
  return entries;
}
