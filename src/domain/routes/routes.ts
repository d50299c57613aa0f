/**
 * Hash routes, so every link works on any static host (any sub-path, GitHub Pages) and offline:
 *   #/                      deck list            #/deck/<id>            one deck
 *   #/deck/<id>/study       study session        #/deck/<id>/stats      one deck's statistics
 *   #/deck/<id>/browse      card browser         #/stats                statistics for all decks
 *   #/deck/<id>/plan        exam plan            #/deck/<id>/edit       edit a deck's cards
 *   #/new-deck              write a new deck
 *   #/settings              settings             #/import               import a deck
 *   #/backup                backup and restore   #/shared/<payload>     a deck carried in the link
 *   #/sync/<id>.<secret>    join a sync space (docs/sync.md; the fragment never reaches a server)
 */
import { asDeckId, type DeckId } from '../ids';

export type DeckScreen = 'deck' | 'study' | 'deck-stats' | 'browse' | 'deck-plan' | 'deck-edit';

export type Route =
  | { readonly name: 'decks' }
  | { readonly name: DeckScreen; readonly deckId: DeckId }
  | { readonly name: 'stats' }
  | { readonly name: 'settings' }
  | { readonly name: 'import' }
  | { readonly name: 'backup' }
  | { readonly name: 'new-deck' }
  | { readonly name: 'shared-deck'; readonly payload: string }
  | { readonly name: 'join-sync'; readonly code: string }
  | { readonly name: 'not-found'; readonly path: string };

const DECK_SUFFIXES: Readonly<Record<string, DeckScreen>> = {
  '': 'deck',
  '/study': 'study',
  '/stats': 'deck-stats',
  '/browse': 'browse',
  '/plan': 'deck-plan',
  '/edit': 'deck-edit',
};

const FIXED: Readonly<Record<string, Route>> = {
  '/': { name: 'decks' },
  '/stats': { name: 'stats' },
  '/settings': { name: 'settings' },
  '/import': { name: 'import' },
  '/backup': { name: 'backup' },
  '/new-deck': { name: 'new-deck' },
};

/** Parses `location.hash` (with or without the leading '#') into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const fixed = FIXED[path];
  if (fixed) return fixed;

  const shared = /^\/shared\/([A-Za-z0-9_-]+)$/.exec(path);
  if (shared?.[1]) return { name: 'shared-deck', payload: shared[1] };

  const sync = /^\/sync\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(path);
  if (sync?.[1]) return { name: 'join-sync', code: sync[1] };

  const match = /^\/deck\/([^/]+)(\/[a-z]+)?$/.exec(path);
  const rawId = match?.[1];
  const screen = DECK_SUFFIXES[match?.[2] ?? ''];
  if (rawId === undefined || screen === undefined) return { name: 'not-found', path };
  try {
    return { name: screen, deckId: asDeckId(decodeURIComponent(rawId)) };
  } catch {
    return { name: 'not-found', path };
  }
}

/** The hash for a route, e.g. `#/deck/c3/study`. */
export function routeHash(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'decks':
      return '#/';
    case 'stats':
    case 'settings':
    case 'import':
    case 'backup':
      return `#/${route.name}`;
    case 'new-deck':
      return '#/new-deck';
    case 'shared-deck':
      return `#/shared/${route.payload}`;
    case 'join-sync':
      return `#/sync/${route.code}`;
    case 'deck':
      return `#/deck/${encodeURIComponent(route.deckId)}`;
    case 'study':
      return `#/deck/${encodeURIComponent(route.deckId)}/study`;
    case 'deck-stats':
      return `#/deck/${encodeURIComponent(route.deckId)}/stats`;
    case 'browse':
      return `#/deck/${encodeURIComponent(route.deckId)}/browse`;
    case 'deck-plan':
      return `#/deck/${encodeURIComponent(route.deckId)}/plan`;
    case 'deck-edit':
      return `#/deck/${encodeURIComponent(route.deckId)}/edit`;
  }
}
