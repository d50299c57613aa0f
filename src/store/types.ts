import type { DeckIndexEntry } from '../domain/deck/deck-index';
import type { UserDeckOrigin } from '../domain/deck/user-deck';
import type { QueueCounts } from '../domain/queue/queue';

/** A deck as the list shows it before the deck itself has loaded. `origin` is set only for a user's own deck. */
export type DeckListing = DeckIndexEntry & { readonly origin?: UserDeckOrigin };

/** One row of the deck list: its listing plus either its counts or the reason it cannot be studied. */
export type DeckEntry =
  | { readonly status: 'loading'; readonly listing: DeckListing }
  | { readonly status: 'ready'; readonly listing: DeckListing; readonly counts: QueueCounts }
  | { readonly status: 'error'; readonly listing: DeckListing; readonly error: string };
