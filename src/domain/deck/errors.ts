import { FlipdeckError } from '../errors.ts';

/**
 * Why a deck (or the deck index) was rejected.
 * - `invalid-json`: the text is not JSON at all.
 * - `unsupported-schema-version`: written by a newer Flipdeck; nothing else was checked.
 * - `invalid-deck`: one or more fields break the deck format (see `issues`).
 * - `deck-file-mismatch`: the deck is valid but its id differs from its file name.
 * - `invalid-deck-index`: `decks/index.json` breaks the index format.
 */
export type DeckErrorCode =
  | 'invalid-json'
  | 'unsupported-schema-version'
  | 'invalid-deck'
  | 'deck-file-mismatch'
  | 'invalid-deck-index';

/**
 * One problem found in a deck. `cardNumber` is 1-based (card 1 is the first card in the file)
 * because the messages are read by deck authors, not by code. In a deck-index error the same
 * fields locate an index entry instead of a card.
 */
export interface DeckIssue {
  readonly cardNumber?: number;
  readonly cardId?: string;
  readonly field?: string;
  /** The full line, already naming the file, the card and the field. */
  readonly message: string;
}

/** A deck file or deck index that could not be turned into a typed value. */
export class DeckError extends FlipdeckError<DeckErrorCode> {
  /** The file or URL the deck came from, as shown in messages (e.g. `decks/foo.json`). */
  readonly source: string;
  readonly issues: readonly DeckIssue[];

  constructor(
    code: DeckErrorCode,
    source: string,
    issues: readonly DeckIssue[],
    options?: { readonly cause?: unknown },
  ) {
    super(code, issues.map((issue) => issue.message).join('\n'), options);
    this.source = source;
    this.issues = issues;
  }
}
