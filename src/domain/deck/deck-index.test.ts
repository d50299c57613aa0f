import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { buildDeckIndex, deckIndexEntry, parseDeckIndex, type DeckIndexEntry } from './deck-index';
import { DeckError } from './errors';
import type { Deck } from './types';

const SOURCE = 'decks/index.json';

function deck(id: string, title: string, cardCount = 1): Deck {
  return {
    schemaVersion: 1,
    id: asDeckId(id),
    title,
    description: `About ${title}`,
    cards: Array.from({ length: cardCount }, (_, index) => ({
      id: asCardId(`c${index}`),
      front: 'F',
      back: 'B',
      tags: [],
    })),
  };
}

function entry(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, file: `decks/${id}.json`, title: `Title ${id}`, description: '', cardCount: 3, ...overrides };
}

function deckErrorOf(parse: () => unknown): DeckError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return error as DeckError;
  }
  throw new Error('expected a DeckError, but parsing succeeded');
}

describe('buildDeckIndex', () => {
  it('lists each deck with its file, title, description and card count, sorted by title', () => {
    const decks = [deck('zeta', 'Zeta', 2), deck('c10', 'C10 storage'), deck('c9', 'c9 containers', 3)];
    const index = buildDeckIndex(decks.map(deckIndexEntry));
    expect(index).toEqual({
      schemaVersion: 1,
      decks: [
        { id: 'c9', file: 'decks/c9.json', title: 'c9 containers', description: 'About c9 containers', cardCount: 3 },
        { id: 'c10', file: 'decks/c10.json', title: 'C10 storage', description: 'About C10 storage', cardCount: 1 },
        { id: 'zeta', file: 'decks/zeta.json', title: 'Zeta', description: 'About Zeta', cardCount: 2 },
      ],
    });
  });

  it('breaks title ties by id so the output does not depend on input order', () => {
    const entries = [deck('b', 'Same'), deck('a', 'Same')].map(deckIndexEntry);
    expect(buildDeckIndex(entries).decks.map((e) => e.id)).toEqual(['a', 'b']);
    expect(buildDeckIndex([...entries].reverse()).decks.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('round-trips through JSON and parseDeckIndex', () => {
    const index = buildDeckIndex([deck('one', 'One'), deck('two', 'Two')].map(deckIndexEntry));
    expect(parseDeckIndex(JSON.parse(JSON.stringify(index)), SOURCE)).toEqual(index.decks);
  });
});

describe('parseDeckIndex', () => {
  it('accepts an empty list and drops unknown fields', () => {
    expect(parseDeckIndex({ schemaVersion: 1, decks: [] }, SOURCE)).toEqual([]);
    const [parsed] = parseDeckIndex({ schemaVersion: 1, decks: [entry('a', { extra: true })] }, SOURCE);
    expect(parsed).not.toHaveProperty('extra');
  });

  it('accepts a zero card count (dev lists decks that failed to parse)', () => {
    const entries: DeckIndexEntry[] = parseDeckIndex({ schemaVersion: 1, decks: [entry('a', { cardCount: 0 })] }, SOURCE);
    expect(entries[0]?.cardCount).toBe(0);
  });

  it('names the source, the deck entry and the field', () => {
    const input = { schemaVersion: 1, decks: [entry('a'), entry('b', { cardCount: 'three' })] };
    const error = deckErrorOf(() => parseDeckIndex(input, SOURCE));
    expect(error.code).toBe('invalid-deck-index');
    expect(error.message).toBe('decks/index.json: deck 2 (id "b"): field "cardCount" must be a number, not a string');
  });

  it('reports missing fields and a negative or fractional card count', () => {
    const { title: _omitted, ...withoutTitle } = entry('a');
    const input = { schemaVersion: 1, decks: [withoutTitle, entry('b', { cardCount: -1 }), entry('c', { cardCount: 1.5 })] };
    expect(deckErrorOf(() => parseDeckIndex(input, SOURCE)).message.split('\n')).toEqual([
      'decks/index.json: deck 1 (id "a"): field "title" is missing',
      'decks/index.json: deck 2 (id "b"): field "cardCount" must not be negative',
      'decks/index.json: deck 3 (id "c"): field "cardCount" must be a whole number',
    ]);
  });

  it('pins each file to decks/<id>.json', () => {
    const input = { schemaVersion: 1, decks: [entry('a', { file: 'https://elsewhere.example/a.json' })] };
    expect(deckErrorOf(() => parseDeckIndex(input, SOURCE)).message).toBe(
      'decks/index.json: deck 1 (id "a"): field "file" must be "decks/a.json", not "https://elsewhere.example/a.json"',
    );
  });

  it('rejects duplicate deck ids, naming both entries', () => {
    const input = { schemaVersion: 1, decks: [entry('a'), entry('b'), entry('a')] };
    expect(deckErrorOf(() => parseDeckIndex(input, SOURCE)).message).toBe(
      'decks/index.json: deck 3 (id "a"): field "id" must be unique, but deck 1 has the same id',
    );
  });

  it('rejects a wrong shape and a newer schemaVersion', () => {
    expect(deckErrorOf(() => parseDeckIndex([], SOURCE)).message).toBe(
      'decks/index.json: the deck index must be a JSON object, not an array',
    );
    expect(deckErrorOf(() => parseDeckIndex({ schemaVersion: 1 }, SOURCE)).message).toBe(
      'decks/index.json: field "decks" is missing',
    );
    const newer = deckErrorOf(() => parseDeckIndex({ schemaVersion: 2, decks: 'new' }, SOURCE));
    expect(newer.code).toBe('unsupported-schema-version');
    expect(newer.message).toContain('was written by a newer Flipdeck');
  });
});
