/**
 * Root of Flipdeck's typed errors. Domain code throws subclasses; store actions and
 * event handlers catch them, switch on `code` and show a message the user can act on.
 */
export class FlipdeckError<Code extends string = string> extends Error {
  /** A stable, machine-readable reason; `message` is for people and may be reworded. */
  readonly code: Code;

  constructor(code: Code, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
    // Subclasses keep their own name in stack traces and logs without repeating this line.
    this.name = new.target.name;
  }
}

/** Narrows an unknown thrown value to a Flipdeck error. */
export const isFlipdeckError = (value: unknown): value is FlipdeckError => value instanceof FlipdeckError;

/** The text of a thrown value, for messages that say what went wrong. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
