/**
 * CSV/TSV decks, as Anki ("Notes in Plain Text"), Quizlet and spreadsheets export them: one
 * card per row, front in the first column, back in the second. Quoted fields (RFC 4180) may
 * hold delimiters, quotes ("") and line breaks. Anki's header lines (#separator, #html,
 * #columns, #tags column, #guid column, #notetype column, #deck column) are honoured.
 * The delimiter and whether the first row is a header are detected; the preview lets the user
 * change both and parses again.
 */
import { buildImportedDeck, finishDraftCards, titleFromFileName, type DraftCard, type ImportedDeck } from './imported-deck.ts';
import { importError, type ImportIssue } from './import-error.ts';
import { htmlToText, looksLikeHtml } from './html-to-text.ts';

export type Delimiter = '\t' | ',' | ';' | '|';
export const DELIMITERS: readonly Delimiter[] = ['\t', ',', ';', '|'];
export const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { '\t': 'Tab', ',': 'Comma', ';': 'Semicolon', '|': 'Pipe' };

export interface DelimitedOptions {
  readonly delimiter: Delimiter;
  readonly hasHeader: boolean;
}

/** The deck and the options it was read with (detected, or the caller's). */
export interface DelimitedResult {
  readonly deck: ImportedDeck;
  readonly options: DelimitedOptions;
}

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

interface AnkiHeaders {
  readonly delimiter?: Delimiter;
  readonly isHtml?: boolean;
  readonly columns?: readonly string[];
  /** 0-based column indexes Anki uses for metadata. */
  readonly tagsColumn?: number;
  readonly guidColumn?: number;
  readonly skipColumns: readonly number[];
  /** Lines taken by the header block. */
  readonly lineCount: number;
}

const SEPARATOR_NAMES: Readonly<Record<string, Delimiter>> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|' };
const HEADER_WORDS = /^(front|back|question|answer|term|definition|word|meaning|prompt|response|side ?[12]|card ?front|card ?back|tags?|q|a)$/i;

/** Reads Anki's "#key:value" lines at the top of the file. */
function readAnkiHeaders(lines: readonly string[]): AnkiHeaders {
  let lineCount = 0;
  const result: { -readonly [K in keyof AnkiHeaders]: AnkiHeaders[K] } = { skipColumns: [], lineCount: 0 };
  const skip: number[] = [];
  for (const line of lines) {
    const match = /^#([a-z ]+):(.*)$/i.exec(line.trim());
    if (!match) break;
    lineCount += 1;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!.trim();
    const column = Number(value) - 1;
    if (key === 'separator') result.delimiter = SEPARATOR_NAMES[value.toLowerCase()] ?? (DELIMITERS.includes(value as Delimiter) ? (value as Delimiter) : undefined);
    else if (key === 'html') result.isHtml = value.toLowerCase() === 'true';
    else if (key === 'columns') result.columns = value.split(/\t|,|;|\|/);
    else if (key === 'tags column' && column >= 0) result.tagsColumn = column;
    else if (key === 'guid column' && column >= 0) result.guidColumn = column;
    else if ((key === 'notetype column' || key === 'deck column') && column >= 0) skip.push(column);
  }
  return { ...result, skipColumns: skip, lineCount };
}

/**
 * Splits text into rows of cells, honouring quotes. Each row keeps the 1-based line it starts on.
 * @throws ImportError `malformed` for a quote that is never closed
 */
export function splitRows(text: string, delimiter: Delimiter, source: string, firstLine = 1): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = firstLine;
  let rowLine = firstLine;
  let isQuoted = false;
  let quoteLine = 0;
  let isCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (isQuoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else isQuoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && isCellStart) {
      isQuoted = true;
      quoteLine = line;
      isCellStart = false;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      isCellStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      isCellStart = true;
      line += 1;
      rowLine = line;
    } else {
      cell += char;
      isCellStart = false;
    }
  }
  if (isQuoted) throw importError('malformed', source, `line ${quoteLine}: a quoted field is never closed (a " is missing).`, quoteLine);
  if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
}

/** The delimiter that splits most rows into two or more cells, consistently. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.split(/\r?\n/).slice(0, 50).join('\n');
  let best: Delimiter = '\t';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    let rows: Row[];
    try {
      rows = splitRows(sample, delimiter, '');
    } catch {
      continue;
    }
    if (rows.length === 0) continue;
    const split = rows.filter((row) => row.cells.length >= 2).length / rows.length;
    const counts = rows.map((row) => row.cells.length);
    const mode = counts.sort((a, b) => counts.filter((c) => c === b).length - counts.filter((c) => c === a).length)[0] ?? 0;
    const consistency = rows.filter((row) => row.cells.length === mode).length / rows.length;
    // Splitting matters most; consistency breaks ties such as commas inside sentences.
    const score = split * 2 + consistency;
    if (score > bestScore + 1e-9) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Whether the first row names its columns rather than holding a card. */
const looksLikeHeader = (row: Row | undefined): boolean =>
  row !== undefined && row.cells.length >= 2 && row.cells.slice(0, 2).every((cell) => HEADER_WORDS.test(cell.trim()));

/**
 * Parses a CSV/TSV deck. Without `options` the delimiter and header are detected.
 * @throws ImportError `malformed` or `no-cards`
 */
export function parseDelimitedDeck(text: string, source: string, options?: Partial<DelimitedOptions>): DelimitedResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  const anki = readAnkiHeaders(lines);
  const rest = lines.slice(anki.lineCount).join('\n');
  const delimiter = options?.delimiter ?? anki.delimiter ?? detectDelimiter(rest);
  const rows = splitRows(rest, delimiter, source, anki.lineCount + 1);
  const hasHeader = options?.hasHeader ?? (anki.columns === undefined && looksLikeHeader(rows[0]));
  const dataRows = hasHeader ? rows.slice(1) : rows;

  // A header naming a "tags" column (our own CSV export writes one) marks it as tags.
  const headerTags = hasHeader ? rows[0]?.cells.findIndex((cell) => /^tags$/i.test(cell.trim())) : -1;
  const tagsColumn = anki.tagsColumn ?? (headerTags !== undefined && headerTags >= 2 ? headerTags : undefined);
  const metaColumns = new Set([tagsColumn, anki.guidColumn, ...anki.skipColumns].filter((c) => c !== undefined));
  const contentColumns = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => !metaColumns.has(c));
  const [frontColumn = 0, backColumn = 1] = contentColumns;
  const isHtml = anki.isHtml ?? rows.some((row) => row.cells.some(looksLikeHtml));
  const clean = (cell: string | undefined) => {
    const value = (cell ?? '').trim();
    return isHtml ? htmlToText(value) : value;
  };

  const warnings: ImportIssue[] = [];
  const drafts: DraftCard[] = [];
  for (const row of dataRows) {
    const where = `line ${row.line}`;
    if (row.cells.length < 2) {
      warnings.push({ line: row.line, message: `${source}: ${where}: only one column; expected a front and a back separated by ${DELIMITER_NAMES[delimiter].toLowerCase()}. Row skipped.` });
      continue;
    }
    const front = clean(row.cells[frontColumn]);
    const back = clean(row.cells[backColumn]);
    if (front === '' || back === '') {
      warnings.push({ line: row.line, message: `${source}: ${where}: the ${front === '' ? 'front' : 'back'} is empty. Row skipped.` });
      continue;
    }
    const tags = tagsColumn === undefined ? [] : (row.cells[tagsColumn] ?? '').split(/\s+/).filter((t) => t !== '');
    const guid = anki.guidColumn === undefined ? undefined : row.cells[anki.guidColumn]?.trim();
    drafts.push({ front, back, tags, where, line: row.line, ...(guid ? { id: `anki-${guidSlug(guid)}` } : {}) });
  }
  const cards = finishDraftCards(drafts, source, warnings);
  const title = titleFromFileName(source);
  return {
    deck: buildImportedDeck({ title, description: '', cards, origin: 'csv' }, source, warnings),
    options: { delimiter, hasHeader },
  };
}

/** An Anki guid (which may hold any printable ASCII) as card-id characters. */
export function guidSlug(guid: string): string {
  return Array.from(guid, (ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.charCodeAt(0).toString(16)}`)).join('').slice(0, 120);
}
