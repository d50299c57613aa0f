/**
 * Bulk add: many cards pasted at once, either one per line as `front :: back` (optionally
 * `:: tags`), or a two- or three-column table pasted from a spreadsheet (tab-separated, with cells
 * that hold line breaks, tabs or quotes in double quotes, as Excel, Numbers and Google Sheets
 * copy them). Every line that does not become a card is returned with its number and why, so
 * nothing is dropped silently; blank lines are the only ones passed over.
 */
import { MAX_CARD_TEXT_LENGTH } from '../deck/deck-schema';
import type { CardDraft } from './commands';
import { normalizeTags } from './commands';

/** A card found in the paste, with the (1-based) line it starts on. */
export interface BulkCard extends CardDraft {
  readonly line: number;
}

/** A line that did not become a card. */
export interface BulkRejection {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export interface BulkParse {
  readonly format: 'lines' | 'table';
  readonly cards: readonly BulkCard[];
  readonly rejected: readonly BulkRejection[];
  /** The 1-based line of a header row ("front", "back") that was read as a header, not a card. */
  readonly headerLine: number | null;
}

/** At most this many cards in one paste; the rest are rejected with a reason (keep the preview usable). */
export const MAX_BULK_CARDS = 5_000;

/** Parses pasted text into cards and rejections. */
export function parseBulkCards(text: string): BulkParse {
  const normalized = text.replace(/\r\n?/g, '\n');
  const isTable = normalized.split('\n').some((line) => line.includes('\t'));
  const rows = isTable ? tableRows(normalized) : lineRows(normalized);
  const cards: BulkCard[] = [];
  const rejected: BulkRejection[] = [];
  let headerLine: number | null = null;
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (cards.length === 0 && rejected.length === 0 && headerLine === null && isHeader(row.cells)) {
      headerLine = row.line;
      continue;
    }
    const reason = problemOf(row.cells, isTable);
    if (reason !== null) {
      rejected.push({ line: row.line, text: row.text, reason });
      continue;
    }
    if (cards.length >= MAX_BULK_CARDS) {
      rejected.push({ line: row.line, text: row.text, reason: `more than ${MAX_BULK_CARDS.toLocaleString('en')} cards in one paste; add the rest in another` });
      continue;
    }
    const [front = '', back = '', tags = ''] = row.cells.map((cell) => cell.trim());
    cards.push({ line: row.line, front, back, tags: normalizeTags(tags.split(/[\s,]+/)) });
  }
  return { format: isTable ? 'table' : 'lines', cards, rejected, headerLine };
}

interface Row {
  readonly line: number;
  readonly text: string;
  readonly cells: readonly string[];
}

const isHeader = (cells: readonly string[]) => {
  const [a, b] = cells.map((cell) => cell.trim().toLowerCase());
  return (a === 'front' && b === 'back') || (a === 'question' && b === 'answer');
};

function problemOf(cells: readonly string[], isTable: boolean): string | null {
  const separator = isTable ? 'a tab' : '" :: "';
  if (cells.length === 1) return isTable ? 'only one column: a card needs a front and a back' : 'no " :: " between the front and the back';
  if (cells.length > 3) return `${cells.length} parts: expected front, back and optional tags separated by ${separator}`;
  const [front = '', back = ''] = cells.map((cell) => cell.trim());
  if (front === '') return 'the front is empty';
  if (back === '') return 'the back is empty';
  for (const [side, value] of [['front', front], ['back', back]] as const) {
    if (value.length > MAX_CARD_TEXT_LENGTH) return `the ${side} has ${value.length.toLocaleString('en')} characters; the most is ${MAX_CARD_TEXT_LENGTH.toLocaleString('en')}`;
  }
  return null;
}

/** One row per line, split on "::" outside cloze braces ({{c1::answer}} keeps its "::"). */
function lineRows(text: string): Row[] {
  return text.split('\n').map((line, index) => ({ line: index + 1, text: line, cells: splitOutsideBraces(line) }));
}

function splitOutsideBraces(line: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line.startsWith('{{', i)) {
      depth += 1;
      i += 1;
    } else if (line.startsWith('}}', i) && depth > 0) {
      depth -= 1;
      i += 1;
    } else if (depth === 0 && line.startsWith('::', i)) {
      cells.push(line.slice(start, i));
      start = i + 2;
      i += 1;
    }
  }
  cells.push(line.slice(start));
  return cells;
}

/** Tab-separated rows; a cell that starts with a quote runs to its closing quote ("" is a quote inside). */
function tableRows(text: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  let i = 0;
  let isCellStart = true;
  const endRow = (end: number) => {
    cells.push(cell);
    rows.push({ line: rowLine, text: text.slice(rowStart, end), cells });
    cells = [];
    cell = '';
    isCellStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (isCellStart && c === '"') {
      const close = closingQuote(text, i + 1);
      if (close !== -1) {
        const quoted = text.slice(i + 1, close);
        line += quoted.split('\n').length - 1;
        cell += quoted.replaceAll('""', '"');
        i = close + 1;
        isCellStart = false;
        continue;
      }
    }
    isCellStart = false;
    if (c === '\t') {
      cells.push(cell);
      cell = '';
      isCellStart = true;
    } else if (c === '\n') {
      endRow(i);
      line += 1;
      rowLine = line;
      rowStart = i + 1;
    } else {
      cell += c;
    }
    i += 1;
  }
  if (cell !== '' || cells.length > 0) endRow(text.length);
  return rows;
}

/** The index of the quote that closes a quoted cell opened before `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i += 1;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' ? i : -1;
  }
  return -1;
}
