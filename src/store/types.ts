import type { DeckIndexEntry } from '../domain/deck/deck-index';
import type { QueueCounts } from '../domain/queue/queue';

/** A deck as the list shows it before the deck itself has loaded. */
export type DeckListing = DeckIndexEntry;

/** One row of the deck list: its listing plus either its counts or the reason it cannot be studied. */
export type DeckEntry =
  | { readonly status: 'loading'; readonly listing: DeckListing }
  | { readonly status: 'ready'; readonly listing: DeckListing; readonly counts: QueueCounts }
  | { readonly status: 'error'; readonly listing: DeckListing; readonly error: string };
