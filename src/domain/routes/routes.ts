/**
 * Hash routes, so every link works on any static host (any sub-path, GitHub Pages) and offline:
 * `#/` deck list, `#/deck/<id>` one deck, `#/deck/<id>/study` a study session.
 */
import { asDeckId, type DeckId } from '../ids';

export type Route =
  | { readonly name: 'decks' }
  | { readonly name: 'deck'; readonly deckId: DeckId }
  | { readonly name: 'study'; readonly deckId: DeckId }
  | { readonly name: 'not-found'; readonly path: string };

/** Parses `location.hash` (with or without the leading '#') into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'decks' };
  const match = /^\/deck\/([^/]+)(\/study)?$/.exec(path);
  const rawId = match?.[1];
  if (!match || rawId === undefined) return { name: 'not-found', path };
  let deckId: DeckId;
  try {
    deckId = asDeckId(decodeURIComponent(rawId));
  } catch {
    return { name: 'not-found', path };
  }
  return match[2] ? { name: 'study', deckId } : { name: 'deck', deckId };
}

/** The hash for a route, e.g. `#/deck/c3/study`. */
export function routeHash(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'decks':
      return '#/';
    case 'deck':
      return `#/deck/${encodeURIComponent(route.deckId)}`;
    case 'study':
      return `#/deck/${encodeURIComponent(route.deckId)}/study`;
  }
}
