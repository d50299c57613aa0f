/**
 * "Make cloze", as Anki's editor does it (Ctrl/Cmd+Shift+C): wrap the selection in a deletion
 * numbered one above the highest in the text; with Alt/Option, reuse the highest number (so one
 * card hides several places). With nothing selected it inserts an empty deletion to type into.
 */
import { clozeNumbersOf } from '../cloze/cloze-numbers';

/** What to put in place of the selection, and where the selection goes after. Offsets are UTF-16 indices into the new text. */
export interface ClozeWrap {
  readonly insert: string;
  /** The new text, for an editor that cannot insert in place. */
  readonly text: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly clozeNumber: number;
}

/** Wraps `text`'s selection [start, end) in `{{cN::…}}`: N is the next free number, or with `isSameNumber` the highest used (1 when none). */
export function makeCloze(text: string, start: number, end: number, isSameNumber: boolean): ClozeWrap {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  const highest = clozeNumbersOf(text).at(-1) ?? 0;
  const clozeNumber = isSameNumber ? Math.max(1, highest) : highest + 1;
  const selected = text.slice(from, to);
  const opener = `{{c${clozeNumber}::`;
  const insert = `${opener}${selected}}}`;
  // An empty deletion puts the caret inside it; a wrapped selection stays selected, inside the braces.
  const selectionStart = from + opener.length;
  return { insert, text: text.slice(0, from) + insert + text.slice(to), selectionStart, selectionEnd: selectionStart + selected.length, clozeNumber };
}
