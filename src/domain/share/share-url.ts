/**
 * The link a student sends classmates to open one deck directly. Routes live in the hash, so the
 * link is the page's own address (scheme, host and path: a sub-path deployment keeps working)
 * with the deck's route hash in place of whatever hash the page had.
 *
 * The query string is dropped: Flipdeck reads nothing from it, so on a shared link it would only
 * carry noise (`?utm_source=…`, `?fbclid=…`) or something private to the sender, and dropping it
 * gives every share of the same deck the same link.
 */
import type { DeckId } from '../ids';
import { routeHash } from '../routes/routes';

/** The absolute link that opens `deckId`'s page, built from the current page's absolute URL. */
export function deckShareUrl(pageHref: string, deckId: DeckId): string {
  // In a URL the query starts at the first '?' and the fragment at the first '#' after it;
  // neither character can appear raw before them, so the address ends at the first of either.
  const pageAddress = pageHref.replace(/[?#][\s\S]*$/, '');
  return pageAddress + routeHash({ name: 'deck', deckId });
}
