import type { CardId, DeckId } from '../ids';
import type { Occlusion } from './occlusion';

/** The deck file format version this build reads and writes. */
export const DECK_SCHEMA_VERSION = 1;

/**
 * One flip-card. `front` and `back` are Markdown (rendered without raw HTML).
 * A cloze card (one of a cloze note's cards, docs/deck-format.md) has `clozeNumber`: its `front` is
 * then the note's whole cloze text and `back` the note's extra text, possibly empty; what each side
 * shows is computed from them (domain/cloze/card-faces.ts).
 */
export interface Card {
  readonly id: CardId;
  readonly front: string;
  readonly back: string;
  readonly tags: readonly string[];
  /** The note this card was made from, shared by its siblings (the cards of one cloze note). */
  readonly noteId?: string;
  /** The cloze number this card asks (`{{c2::…}}` -> 2). */
  readonly clozeNumber?: number;
  /**
   * The student types the answer before revealing it: `true` compares with the answer itself (a
   * cloze card's deletions, else the back as plain text), a string gives the expected text.
   */
  readonly typeAnswer?: true | string;
  /**
   * An image occlusion card: the image with masks drawn over it. `front` is then the text above
   * the image (Anki's Header) and `back` the text under the answer (Back Extra); either may be empty.
   */
  readonly occlusion?: Occlusion;
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
