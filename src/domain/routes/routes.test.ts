import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { parseRoute, routeHash, type Route } from './routes';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'decks' }],
    ['#', { name: 'decks' }],
    ['#/', { name: 'decks' }],
    ['#/deck/c3-containers', { name: 'deck', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/', { name: 'deck', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/study', { name: 'study', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/stats', { name: 'deck-stats', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/browse', { name: 'browse', deckId: 'c3-containers' }],
    ['#/deck/c3-containers/plan', { name: 'deck-plan', deckId: 'c3-containers' }],
    ['#/deck/a%20b', { name: 'deck', deckId: 'a b' }],
    ['#/stats', { name: 'stats' }],
    ['#/settings', { name: 'settings' }],
    ['#/import', { name: 'import' }],
    ['#/backup', { name: 'backup' }],
    ['#/shared/eJzLSM3JyQcABiwCFQ', { name: 'shared-deck', payload: 'eJzLSM3JyQcABiwCFQ' }],
    ['#/shared/not+base64url', { name: 'not-found', path: '/shared/not+base64url' }],
    ['#/sync/abc_-1.def-2_', { name: 'join-sync', code: 'abc_-1.def-2_' }],
    ['#/sync/no-dot', { name: 'not-found', path: '/sync/no-dot' }],
    ['#/nowhere', { name: 'not-found', path: '/nowhere' }],
    ['#/deck/x/edit', { name: 'deck-edit', deckId: 'x' }],
    ['#/new-deck', { name: 'new-deck' }],
    ['#/deck/x/edits', { name: 'not-found', path: '/deck/x/edits' }],
    ['#/deck/%E0%A4%A', { name: 'not-found', path: '/deck/%E0%A4%A' }],
  ])('parses %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route it builds', () => {
    const deckId = asDeckId('deck/with?odd#chars');
    const routes: Exclude<Route, { name: 'not-found' }>[] = [
      { name: 'decks' }, { name: 'stats' }, { name: 'settings' }, { name: 'import' }, { name: 'backup' }, { name: 'new-deck' },
      { name: 'shared-deck', payload: 'abc_-123' }, { name: 'join-sync', code: 'abc.def' },
      { name: 'deck', deckId }, { name: 'study', deckId }, { name: 'deck-stats', deckId }, { name: 'browse', deckId }, { name: 'deck-plan', deckId }, { name: 'deck-edit', deckId },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
