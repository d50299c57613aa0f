/**
 * Cloze deletions, as Anki writes them: `{{c1::answer}}` and `{{c1::answer::hint}}`. One note's
 * text becomes one card per cloze number. Parsing follows Anki's rslib/src/cloze.rs: clozes nest
 * (`{{c1::a {{c2::b}} c}}`), one deletion may belong to several cards (`{{c1,2::x}}`), the hint is
 * what follows the first `::` inside the deletion, and a `}}` outside any deletion is plain text.
 * Where Anki silently drops text (an unclosed deletion, `c0`, a number that is not a number), this
 * parser refuses the note with a message that says what and where, so an author can fix it.
 *
 * Imports name their `.ts` files because the deck parser, which uses this module, is loaded by
 * the Vite config, and Vite's native config loader needs explicit extensions.
 */
import { FlipdeckError } from '../errors.ts';
import { CLOZE_MARK_PATTERN, CLOZE_MARKS } from './cloze-marks.ts';

/** Anki stops nesting at this depth; deeper is almost certainly a typo. */
export const MAX_CLOZE_DEPTH = 10;
/** Highest cloze number: keeps card ids short and a typo like c1000000 from making a huge note. */
export const MAX_CLOZE_NUMBER = 500;

export interface ClozeText {
  readonly kind: 'text';
  readonly text: string;
}

export interface ClozeDeletion {
  readonly kind: 'cloze';
  /** The cards this deletion is hidden on: `{{c1,3::x}}` -> [1, 3]. Sorted, unique. */
  readonly numbers: readonly number[];
  readonly children: readonly ClozeNode[];
  /** The text after the first `::` inside the deletion, or null. */
  readonly hint: string | null;
}

export type ClozeNode = ClozeText | ClozeDeletion;

/** Where a problem is in the note's text: 0-based offset, 1-based line and column. */
export interface ClozePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export type ClozeErrorCode = 'unclosed-cloze' | 'invalid-cloze-number' | 'cloze-too-deep' | 'no-cloze' | 'cloze-in-hint';

/** A note whose cloze markup is malformed. `message` names the problem and its line and column. */
export class ClozeError extends FlipdeckError<ClozeErrorCode> {
  readonly position: ClozePosition | null;

  constructor(code: ClozeErrorCode, message: string, position: ClozePosition | null) {
    super(code, message);
    this.position = position;
  }
}

function positionAt(text: string, offset: number): ClozePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

const where = (position: ClozePosition): string => `at line ${position.line}, column ${position.column}`;

// `{{c` then the number list up to the next `::`; a list that is not digits and commas is an error,
// but only when it is short and has no spaces or braces (so `{{code}}` stays text).
const OPENER = /\{\{c([^:{}\s]{0,12})::/y;
const NUMBER_LIST = /^\d+(?:,\d+)*$/;

interface OpenDeletion {
  readonly numbers: number[];
  readonly children: ClozeNode[];
  hint: string | null;
  readonly offset: number;
}

function parseNumbers(list: string, text: string, offset: number): number[] {
  const position = positionAt(text, offset);
  const shown = `{{c${list}::`;
  if (list === '') throw new ClozeError('invalid-cloze-number', `${shown} ${where(position)} has no cloze number: write {{c1::…}}`, position);
  if (!NUMBER_LIST.test(list)) {
    throw new ClozeError('invalid-cloze-number', `${shown} ${where(position)}: the cloze number must be a whole number such as c1 (or a list such as c1,2), not "${list}"`, position);
  }
  const numbers = [...new Set(list.split(',').map(Number))].sort((a, b) => a - b);
  for (const number of numbers) {
    if (number < 1 || number > MAX_CLOZE_NUMBER) {
      throw new ClozeError('invalid-cloze-number', `${shown} ${where(position)}: cloze numbers run from c1 to c${MAX_CLOZE_NUMBER}, not c${number}`, position);
    }
  }
  return numbers;
}

/**
 * The note's text as plain runs and (nested) deletions.
 * @throws ClozeError on an unclosed deletion, a bad number, nesting deeper than MAX_CLOZE_DEPTH,
 *   a deletion inside a hint, or a text with no deletion at all
 */
export function parseCloze(text: string): ClozeNode[] {
  const top: ClozeNode[] = [];
  const open: OpenDeletion[] = [];
  let plainStart = 0;
  let index = 0;
  let hasDeletion = false;

  const flush = (end: number) => {
    if (end <= plainStart) return;
    const run = text.slice(plainStart, end);
    const current = open.at(-1);
    if (!current) {
      top.push({ kind: 'text', text: run });
    } else if (current.hint !== null) {
      current.hint += run;
    } else {
      const split = run.indexOf('::');
      if (split === -1) current.children.push({ kind: 'text', text: run });
      else {
        if (split > 0) current.children.push({ kind: 'text', text: run.slice(0, split) });
        current.hint = run.slice(split + 2);
      }
    }
  };

  while (index < text.length) {
    OPENER.lastIndex = index;
    const opener = text.startsWith('{{c', index) ? OPENER.exec(text) : null;
    if (opener) {
      flush(index);
      const numbers = parseNumbers(opener[1] ?? '', text, index);
      const parent = open.at(-1);
      if (parent?.hint != null) {
        const position = positionAt(text, index);
        throw new ClozeError('cloze-in-hint', `${opener[0]} ${where(position)} is inside the hint of the cloze opened ${where(positionAt(text, parent.offset))}; a hint is plain text`, position);
      }
      if (open.length >= MAX_CLOZE_DEPTH) {
        const position = positionAt(text, index);
        throw new ClozeError('cloze-too-deep', `${opener[0]} ${where(position)} nests clozes more than ${MAX_CLOZE_DEPTH} deep`, position);
      }
      open.push({ numbers, children: [], hint: null, offset: index });
      hasDeletion = true;
      index += opener[0].length;
      plainStart = index;
    } else if (text.startsWith('}}', index) && open.length > 0) {
      flush(index);
      const closed = open.pop() as OpenDeletion;
      const deletion: ClozeDeletion = { kind: 'cloze', numbers: closed.numbers, children: closed.children, hint: closed.hint };
      (open.at(-1)?.children ?? top).push(deletion);
      index += 2;
      plainStart = index;
    } else {
      index += 1;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) {
    const position = positionAt(text, unclosed.offset);
    throw new ClozeError('unclosed-cloze', `the cloze opened ${where(position)} is never closed: end it with }}`, position);
  }
  if (!hasDeletion) throw new ClozeError('no-cloze', 'the text has no cloze deletion: mark the answer as {{c1::answer}}', null);
  flush(text.length);
  return top;
}

/** The card numbers a parsed note makes, ascending. */
export function clozeNumbers(nodes: readonly ClozeNode[]): number[] {
  const numbers = new Set<number>();
  const visit = (node: ClozeNode) => {
    if (node.kind === 'text') return;
    for (const number of node.numbers) numbers.add(number);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return [...numbers].sort((a, b) => a - b);
}

export type ClozeSide = 'front' | 'back';

// Backslash-escapes Markdown punctuation, so a hint or blank shows literally (and `$` is not maths).
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|~<>$&]/g, '\\$&');

const stripMarks = (text: string): string => text.replace(CLOZE_MARK_PATTERN, '');

function reveal(node: ClozeNode, number: number, side: ClozeSide): string {
  if (node.kind === 'text') return stripMarks(node.text);
  const inner = () => node.children.map((child) => reveal(child, number, side)).join('');
  if (!node.numbers.includes(number)) return inner();
  if (side === 'front') {
    const blank = escapeMarkdown(`[${stripMarks(node.hint ?? '…')}]`);
    return `${CLOZE_MARKS.blankStart}${blank}${CLOZE_MARKS.blankEnd}`;
  }
  return `${CLOZE_MARKS.answerStart}${inner()}${CLOZE_MARKS.answerEnd}`;
}

/**
 * The Markdown one side of card `number` shows: on the front, that card's deletions become `[…]`
 * (or `[hint]`) and every other deletion shows its text; on the back, that card's deletions show
 * their text, marked as the answer. The marks (cloze-marks.ts) are for the renderer.
 */
export function revealCloze(nodes: readonly ClozeNode[], number: number, side: ClozeSide): string {
  return nodes.map((node) => reveal(node, number, side)).join('');
}

/** The plain answer text of card `number`, for typing the answer: each of its deletions, joined by ", ". */
export function clozeAnswer(nodes: readonly ClozeNode[], number: number): string {
  const answers: string[] = [];
  const collect = (node: ClozeNode) => {
    if (node.kind === 'text') return;
    if (node.numbers.includes(number)) answers.push(node.children.map((child) => plainText(child)).join(''));
    node.children.forEach(collect);
  };
  nodes.forEach(collect);
  const unique = [...new Set(answers)];
  return unique.join(', ');
}

function plainText(node: ClozeNode): string {
  return node.kind === 'text' ? node.text : node.children.map(plainText).join('');
}
