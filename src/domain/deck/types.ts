import type { CardId, DeckId } from '../ids';

/** The deck file format version this build reads and writes. */
export const DECK_SCHEMA_VERSION = 1;

/** One flip-card. `front` and `back` are Markdown (rendered without raw HTML). */
export interface Card {
  readonly id: CardId;
  readonly front: string;
  readonly back: string;
  readonly tags: readonly string[];
}

/** A parsed, validated deck. Card order is the order new cards are introduced. */
export interface Deck {
  readonly schemaVersion: typeof DECK_SCHEMA_VERSION;
  readonly id: DeckId;
  readonly title: string;
  readonly description: string;
  readonly cards: readonly Card[];
  /**
   * The deck this one is a subdeck of (its id), shown grouped under it; studying the parent
   * includes this deck's cards. Absent for a top-level deck. See deck-tree.ts for the rules.
   */
  readonly parent?: DeckId;
}
