import { FlipdeckError } from '../errors.ts';

/**
 * Why a file (or link) could not be imported at all.
 * - `too-large`: over the size limit for its kind; nothing was read.
 * - `empty-file`: no bytes, or only whitespace.
 * - `wrong-type`: not the kind of file we expected (a zip where text was expected, an image...).
 * - `bad-encoding`: text that is not valid UTF-8 (or UTF-16 with a byte-order mark).
 * - `malformed`: the format's own syntax is broken (an unclosed quote, a truncated zip...).
 * - `no-cards`: readable, but not one usable card in it.
 * - `invalid-deck`: the cards break the deck rules (see docs/deck-format.md).
 */
export type ImportErrorCode = 'too-large' | 'empty-file' | 'wrong-type' | 'bad-encoding' | 'malformed' | 'no-cards' | 'invalid-deck';

/** One problem, located as precisely as the format allows. */
export interface ImportIssue {
  /** 1-based line in a text file. */
  readonly line?: number;
  /** 1-based card number in the file. */
  readonly cardNumber?: number;
  /** The full line, already naming the file and the line or card. */
  readonly message: string;
}

/** A file or link that could not be turned into a deck; nothing was written. */
export class ImportError extends FlipdeckError<ImportErrorCode> {
  readonly source: string;
  readonly issues: readonly ImportIssue[];

  constructor(code: ImportErrorCode, source: string, issues: readonly ImportIssue[], options?: { readonly cause?: unknown }) {
    super(code, issues.map((issue) => issue.message).join('\n'), options);
    this.source = source;
    this.issues = issues;
  }
}

/** An ImportError with a single message. */
export const importError = (code: ImportErrorCode, source: string, message: string, line?: number): ImportError =>
  new ImportError(code, source, [{ ...(line === undefined ? {} : { line }), message: `${source}: ${message}` }]);
