import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { buildDeckTree, deckAncestors, deckFamily, parentCandidates, type TreeDeck } from './deck-tree';
import { parseDeck } from './parse-deck';
import { DeckError } from './errors';

const deck = (id: string, parent?: string, cardCount = 1): TreeDeck => ({ id: asDeckId(id), cardCount, ...(parent === undefined ? {} : { parent: asDeckId(parent) }) });

describe('the deck tree', () => {
  it('groups subdecks under their parent, in the given order, and a family is the deck and everything under it', () => {
    const tree = buildDeckTree([deck('course', undefined, 0), deck('week-2', 'course'), deck('other'), deck('week-1', 'course'), deck('lab', 'week-1')]);
    expect(tree.roots).toEqual(['course', 'other']);
    expect(tree.children.get(asDeckId('course'))).toEqual(['week-2', 'week-1']);
    expect(deckFamily(tree, asDeckId('course'))).toEqual(['course', 'week-2', 'week-1', 'lab']);
    expect(deckFamily(tree, asDeckId('week-1'))).toEqual(['week-1', 'lab']);
    expect(deckAncestors(tree, asDeckId('lab'))).toEqual(['week-1', 'course']);
    expect(tree.problems).toEqual([]);
  });

  it('lists a deck whose parent does not exist at the top level, and says so', () => {
    const tree = buildDeckTree([deck('a', 'missing'), deck('b')]);
    expect(tree.roots).toEqual(['a', 'b']);
    expect(tree.problems).toEqual([{ deckId: 'a', message: 'its parent deck "missing" does not exist; it is listed at the top level' }]);
  });

  it('cuts a cycle: its decks go to the top level, each with the problem, and a deck hanging off it stays under its parent', () => {
    const tree = buildDeckTree([deck('a', 'b'), deck('b', 'a'), deck('c', 'a'), deck('self', 'self')]);
    expect(tree.roots).toEqual(['a', 'b', 'self']);
    expect(tree.children.get(asDeckId('a'))).toEqual(['c']);
    expect(tree.problems.map((p) => p.deckId).sort()).toEqual(['a', 'b', 'self']);
    expect(tree.problems[0]?.message).toMatch(/cycle/);
  });

  it('a deck with no cards must group at least one subdeck', () => {
    expect(buildDeckTree([deck('empty', undefined, 0)]).problems).toEqual([{ deckId: 'empty', message: 'it has no cards and no subdecks' }]);
  });
});

describe('the parent field of a deck file', () => {
  const file = (extra: Record<string, unknown>) => ({ schemaVersion: 1, id: 'week-1', title: 'Week 1', description: '', cards: [{ id: 'c', front: 'F', back: 'B' }], ...extra });

  it('is read as a deck id', () => {
    expect(parseDeck(file({ parent: 'course' }), 'decks/week-1.json').parent).toBe('course');
    expect(parseDeck(file({}), 'decks/week-1.json')).not.toHaveProperty('parent');
  });

  it('must be a deck id, and not the deck itself', () => {
    const failure = (input: unknown) => {
      try {
        parseDeck(input, 'decks/week-1.json');
      } catch (error) {
        if (error instanceof DeckError) return error.issues.map((i) => i.message);
      }
      return [];
    };
    expect(failure(file({ parent: 'Not A Slug' }))).toEqual(['decks/week-1.json: field "parent" must be the id of another deck (a kebab-case slug)']);
    expect(failure(file({ parent: 'week-1' }))).toEqual(['decks/week-1.json: field "parent" names the deck itself; a deck cannot be its own subdeck']);
  });

  it('a deck without cards is refused, unless the caller accepts a deck that only groups subdecks', () => {
    expect(() => parseDeck(file({ cards: [] }), 'decks/week-1.json')).toThrow('field "cards" must contain at least one card');
    expect(parseDeck(file({ cards: [] }), 'stored', { mayGroupOnly: true }).cards).toEqual([]);
  });
});

describe('choosing a parent deck', () => {
  const decks = [deck('course', undefined, 0), deck('week-1', 'course'), deck('lab', 'week-1'), deck('other')];

  it('offers every deck but the deck itself and its subdecks at any depth, so no choice makes a cycle', () => {
    expect(parentCandidates(decks, asDeckId('course'))).toEqual(['other']);
    expect(parentCandidates(decks, asDeckId('week-1'))).toEqual(['course', 'other']);
    expect(parentCandidates(decks, asDeckId('lab'))).toEqual(['course', 'week-1', 'other']);
    for (const child of decks) {
      for (const parent of parentCandidates(decks, child.id)) {
        const moved = decks.map((d) => (d.id === child.id ? { ...d, parent } : d));
        expect(buildDeckTree(moved).problems.filter((p) => p.message.includes('cycle'))).toEqual([]);
      }
    }
  });

  it('offers every deck to a deck not created yet', () => {
    expect(parentCandidates(decks, null)).toEqual(['course', 'week-1', 'lab', 'other']);
  });
});
