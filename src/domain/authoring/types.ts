/**
 * Content events: decks and cards written in the app are a log of immutable events, beside the
 * progress log (../events/types.ts) and with the same envelope, so sync can carry them and two
 * devices that hold the same events show the same deck. Replay: content-replay.ts; the rules are in
 * docs/data-model.md ("Content events").
 *
 * Every content event belongs to one deck's stream (`deckId`). A card keeps one id for life: the id
 * of the event that created it (random, never a hash of its text), so editing the front keeps the
 * card's progress.
 */
import type { EventBase } from '../events/types';
import type { ImportedOrigin } from '../deck/user-deck';
import type { CardId, DeckId } from '../ids';

/** A new deck, with its first title and description. */
export interface DeckCreatedBody {
  readonly kind: 'deck-created';
  readonly title: string;
  readonly description: string;
  /** The deck this one is a subdeck of (another of the student's decks); absent for a top-level deck. */
  readonly parent?: DeckId;
  /**
   * How an imported deck got here (a file, a package, a link): its import is recorded as events so
   * it syncs, and the deck stays an imported one (not editable in the app). Absent: written in the app.
   */
  readonly origin?: ImportedOrigin;
}

/** The deck fields that changed; last writer wins per field. */
export interface DeckEditedBody {
  readonly kind: 'deck-edited';
  readonly title?: string;
  readonly description?: string;
  /** A new parent deck, or null to make it a top-level deck. */
  readonly parent?: DeckId | null;
}

/** A new card. `position` orders the deck's cards (position.ts); ties are broken by card id. */
export interface CardCreatedBody {
  readonly kind: 'card-created';
  readonly cardId: CardId;
  readonly front: string;
  readonly back: string;
  readonly tags: readonly string[];
  readonly position: number;
}

/**
 * The card fields that changed; last writer wins per field. On a bundled deck's card (the student's
 * own version over the lecturer's, overlay.ts) it carries `overHash`: the hash of the lecturer's
 * card it was made over, so a later build that changes that card can be told apart.
 */
export interface CardEditedBody {
  readonly kind: 'card-edited';
  readonly cardId: CardId;
  readonly front?: string;
  readonly back?: string;
  readonly tags?: readonly string[];
  readonly overHash?: string;
}

/**
 * A bundled card the student edited: they keep their version over the lecturer's version with
 * hash `overHash` (a newer build's), so the notice that the lecturer changed it goes.
 */
export interface CardKeptBody {
  readonly kind: 'card-kept';
  readonly cardId: CardId;
  readonly overHash: string;
}

/** A bundled card goes back to the lecturer's version (hash `overHash`): every field the student set is dropped. */
export interface CardResetBody {
  readonly kind: 'card-reset';
  readonly cardId: CardId;
  readonly overHash: string;
}

/** The card leaves the deck (and the queue); its reviews stay in the progress log. */
export interface CardDeletedBody {
  readonly kind: 'card-deleted';
  readonly cardId: CardId;
}

/**
 * The card takes a new place. With `toDeckId` it leaves this deck for that one; the destination's
 * stream gets a `card-created` with the same card id and the card's content at the time of the move.
 */
export interface CardMovedBody {
  readonly kind: 'card-moved';
  readonly cardId: CardId;
  readonly position: number;
  readonly toDeckId?: DeckId;
}

/**
 * The deck is deleted (a tombstone): every event of the deck made at or before it in log order is
 * dropped on every device, whenever it arrives (deck-deletion.ts). Its subdecks each get their own.
 */
export interface DeckDeletedBody {
  readonly kind: 'deck-deleted';
}

export type ContentEventBody =
  | DeckCreatedBody
  | DeckDeletedBody
  | DeckEditedBody
  | CardCreatedBody
  | CardEditedBody
  | CardDeletedBody
  | CardMovedBody
  | CardKeptBody
  | CardResetBody;
export type ContentEventKind = ContentEventBody['kind'];

/** One event of one deck's content. */
export type ContentEvent = EventBase & { readonly deckId: DeckId } & ContentEventBody;
export type CardContentEvent = Extract<ContentEvent, { readonly cardId: CardId }>;

export const CONTENT_EVENT_KINDS: readonly ContentEventKind[] = ['deck-created', 'deck-edited', 'deck-deleted', 'card-created', 'card-edited', 'card-deleted', 'card-moved', 'card-kept', 'card-reset'];
