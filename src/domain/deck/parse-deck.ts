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
import { clozeNumbersOf } from '../cloze/cloze-numbers.ts';
import { asCardId, asDeckId } from '../ids.ts';
import { clozeCardId, deckSchema } from './deck-schema.ts';
import { DeckError } from './errors.ts';
import { parseJsonText } from './json-text.ts';
import { DECK_SCHEMA_VERSION, type Card, type Deck } from './types.ts';
import { collectIssues, isRecord, PARSE_CONFIG, type IssueVocabulary } from './valibot-messages.ts';

const DECK_VOCABULARY: IssueVocabulary = { root: 'the deck', listField: 'cards', itemNoun: 'card' };

export interface ParseDeckOptions {
  /**
   * Accept a deck without cards of its own: a user's deck that only groups subdecks (an Anki
   * "Course" whose cards are all in "Course::Week 1" and so on). Whether it has subdecks is a
   * question about the whole library (deck-tree.ts), not about this file.
   */
  readonly mayGroupOnly?: boolean;
}

/**
 * Validates an already-JSON-parsed value as a deck. `source` (e.g. `decks/foo.json`) starts
 * every message. Unknown fields are dropped from the result, never rejected, so older builds
 * can read decks that carry newer optional fields.
 * @throws DeckError `unsupported-schema-version` or `invalid-deck`
 */
export function parseDeck(input: unknown, source: string, options: ParseDeckOptions = {}): Deck {
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
  if (output.cards.length === 0 && options.mayGroupOnly !== true) {
    throw new DeckError('invalid-deck', source, [{ field: 'cards', message: `${source}: field "cards" must contain at least one card` }]);
  }
  if (output.parent === output.id) {
    throw new DeckError('invalid-deck', source, [{ field: 'parent', message: `${source}: field "parent" names the deck itself; a deck cannot be its own subdeck` }]);
  }
  const cards = output.cards.flatMap(toCards);
  const clash = firstRepeatedId(cards);
  if (clash !== null) {
    throw new DeckError('invalid-deck', source, [
      { cardId: clash, field: 'id', message: `${source}: the card id "${clash}" is used twice (a cloze note's cards are named <note id>.c<number>); rename one of them` },
    ]);
  }
  return {
    schemaVersion: DECK_SCHEMA_VERSION,
    id: asDeckId(output.id),
    title: output.title,
    description: output.description,
    cards,
    ...(output.parent === undefined ? {} : { parent: asDeckId(output.parent) }),
  };
}

type CardEntry = v.InferOutput<typeof deckSchema>['cards'][number];

/** A deck file's entry as cards: itself, or one card per cloze number of a cloze note. */
function toCards(entry: CardEntry): Card[] {
  if ('occlusion' in entry) return [{ id: asCardId(entry.id), front: entry.front, back: entry.back, tags: entry.tags, occlusion: entry.occlusion }];
  const typeAnswer = entry.typeAnswer === undefined ? {} : { typeAnswer: entry.typeAnswer as true | string };
  if (!('cloze' in entry)) {
    return [{ id: asCardId(entry.id), front: entry.front, back: entry.back, tags: entry.tags, ...typeAnswer }];
  }
  return clozeNumbersOf(entry.cloze).map((clozeNumber) => ({
    id: asCardId(clozeCardId(entry.id, clozeNumber)),
    front: entry.cloze,
    back: entry.back,
    tags: entry.tags,
    noteId: entry.id,
    clozeNumber,
    ...typeAnswer,
  }));
}

function firstRepeatedId(cards: readonly Card[]): string | null {
  const seen = new Set<string>();
  for (const card of cards) {
    if (seen.has(card.id)) return card.id;
    seen.add(card.id);
  }
  return null;
}

/**
 * Parses JSON text and then the deck in it. Invalid JSON is reported with its line and column
 * when the engine gives a position.
 * @throws DeckError `invalid-json`, `unsupported-schema-version` or `invalid-deck`
 */
export function parseDeckJsonText(text: string, source: string): Deck {
  return parseDeck(parseJsonText(text, source), source);
}
