import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { parseRoute, routeHash } from './routes';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'decks' }],
    ['#', { name: 'decks' }],
    ['#/', { name: 'decks' }],
    ['#/deck/c3-containers', { name: 'deck', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/', { name: 'deck', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/study', { name: 'study', deckId: 'c3-containers' }],
    ['#/deck/a%20b', { name: 'deck', deckId: 'a b' }],
    ['#/nowhere', { name: 'not-found', path: '/nowhere' }],
    ['#/deck/x/edit', { name: 'not-found', path: '/deck/x/edit' }],
    ['#/deck/%E0%A4%A', { name: 'not-found', path: '/deck/%E0%A4%A' }],
  ])('parses %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route it builds', () => {
    const deckId = asDeckId('deck/with?odd#chars');
    for (const route of [{ name: 'decks' }, { name: 'deck', deckId }, { name: 'study', deckId }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});
