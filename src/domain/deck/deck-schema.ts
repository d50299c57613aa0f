/**
 * The rules of a deck file as a valibot schema, and the limits it enforces. `parseDeck` runs it;
 * the deck index and import parsers reuse the limits.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import * as v from 'valibot';
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

export const cardSchema = jsonObject(
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
    cards: v.array(cardSchema, mustBe('an array of cards')),
    parent: v.optional(
      v.pipe(
        v.string(mustBe('a string')),
        v.regex(DECK_ID_PATTERN, 'must be the id of another deck (a kebab-case slug)'),
      ),
    ),
  },
  'a JSON object',
);
