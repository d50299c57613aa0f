/**
 * An incremental reader for the backup document: `{ "field": value, "list": [item, item, ...] }`.
 * Text arrives in chunks of any size; each top-level field and each item of a top-level list comes
 * out as soon as its text is complete, parsed by the native JSON.parse. So a 176 MiB backup is never
 * one string, one parse tree or one array: memory follows the largest single item (a deck), not the file.
 *
 * The scanner only finds where each value ends (strings, escapes and bracket depth); JSON.parse then
 * checks the value itself, so anything it accepts is exactly what JSON.parse of the whole file
 * would have produced for that value. Errors name the field or item and its line and column.
 */
import { importError, type ImportError } from '../import/import-error.ts';

/** Which top-level fields are lists read item by item; every other field is read whole. */
export type ListFields = ReadonlySet<string>;

/** What one `push` or `end` produced, in document order. */
export type ScanOutput =
  | { readonly kind: 'field'; readonly name: string; readonly value: unknown }
  /** A top-level list begins (its items follow), so an empty list is told apart from a missing one. */
  | { readonly kind: 'list'; readonly name: string }
  | { readonly kind: 'item'; readonly list: string; readonly index: number; readonly value: unknown };

type Where = { readonly kind: 'start' } | { readonly kind: 'key' } | { readonly kind: 'colon' } | { readonly kind: 'value' } | { readonly kind: 'after-value' }
  | { readonly kind: 'list-item' } | { readonly kind: 'list-comma' } | { readonly kind: 'done' };

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** A value being captured: its text so far, and how far into its structure the scan is. */
interface Capture {
  parts: string[];
  depth: number;
  isInString: boolean;
  isEscaped: boolean;
  /** For a bare number, true, false or null, which ends at the first delimiter. */
  isPrimitive: boolean;
  line: number;
  column: number;
}

/** Scans one backup document; `push` each decoded chunk, then `end`. Throws ImportError. */
export class BackupScanner {
  private where: Where = { kind: 'start' };
  private key = '';
  private keyParts: string[] | null = null;
  private keyEscaped = false;
  private capture: Capture | null = null;
  private listIndex = 0;
  private line = 1;
  private column = 1;
  private readonly seenFields = new Set<string>();
  /**
   * The last newline search in the current chunk (see newlineFrom): where it started (-1: none
   * yet in this chunk) and what it found. Two numbers rather than a record allocated per search:
   * with the record, a cold scan (each pass runs in a fresh worker) took V8 five times as long.
   */
  private newlineSearchFrom = -1;
  private newlineSearchAt = -1;

  constructor(
    private readonly source: string,
    private readonly lists: ListFields,
  ) {}

  /** The items and fields completed by this chunk. */
  push(text: string): ScanOutput[] {
    const out: ScanOutput[] = [];
    this.newlineSearchFrom = -1;
    // One try per chunk: a failed try costs a parse, and the rest of the chunk is scanned instead.
    let canParseRun = true;
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.capture !== null) {
        i = this.continueCapture(text, i, out);
        continue;
      }
      if (this.keyParts !== null) {
        i = this.continueKey(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        this.advance(text, i, i + 1);
        i += 1;
        continue;
      }
      switch (this.where.kind) {
        case 'start':
          if (c === 0xfeff) break;
          if (c !== 0x7b) throw importError('wrong-type', this.source, 'this is not a Flipdeck backup file.');
          this.where = { kind: 'key' };
          break;
        case 'key':
          if (c === 0x7d && this.seenFields.size === 0) {
            this.where = { kind: 'done' };
            break;
          }
          if (c !== 0x22) throw this.fail(`expected a field name in quotes, found ${JSON.stringify(text[i])}.`);
          this.keyParts = [];
          this.keyEscaped = false;
          this.advance(text, i, i + 1);
          i += 1;
          continue;
        case 'colon':
          if (c !== 0x3a) throw this.fail(`expected ":" after the field name "${this.key}".`);
          this.where = { kind: 'value' };
          break;
        case 'value':
          if (this.lists.has(this.key) && c === 0x5b) {
            this.where = { kind: 'list-item' };
            this.listIndex = 0;
            out.push({ kind: 'list', name: this.key });
            break;
          }
          this.beginCapture(c);
          continue;
        case 'list-item':
          if (c === 0x5d && this.listIndex === 0) {
            this.where = { kind: 'after-value' };
            break;
          }
          if (c === 0x7b && canParseRun) {
            canParseRun = false;
            const next = this.parseRun(text, i, out);
            if (next !== -1) {
              i = next;
              continue;
            }
          }
          this.beginCapture(c);
          continue;
        case 'list-comma':
          if (c === 0x2c) this.where = { kind: 'list-item' };
          else if (c === 0x5d) this.where = { kind: 'after-value' };
          else throw this.fail(`expected "," or "]" after ${this.key} item ${this.listIndex}.`);
          break;
        case 'after-value':
          if (c === 0x2c) this.where = { kind: 'key' };
          else if (c === 0x7d) this.where = { kind: 'done' };
          else throw this.fail(`expected "," or "}" after the field "${this.key}".`);
          break;
        case 'done':
          throw this.fail('there is more text after the end of the backup.');
      }
      this.advance(text, i, i + 1);
      i += 1;
    }
    return out;
  }

  /** Checks that the document is complete: a file cut short is named by where it stops. */
  end(): void {
    if (this.where.kind === 'done' && this.capture === null) return;
    if (this.where.kind === 'start') throw importError('empty-file', this.source, 'the file is empty.');
    const where =
      this.where.kind === 'list-item'
        ? `in the middle of ${this.key} item ${this.listIndex + 1}`
        : this.where.kind === 'list-comma'
          ? `after ${this.key} item ${this.listIndex}, before that list is closed`
          : this.key === ''
            ? 'before its first field'
            : this.keyParts !== null || this.where.kind === 'key' || this.where.kind === 'after-value'
              ? `after the field "${this.key}"`
              : `in the middle of the field "${this.key}"`;
    throw this.fail(`the file ends ${where}: it was cut short (an incomplete download or copy?).`);
  }

  private continueKey(text: string, from: number): number {
    const parts = this.keyParts as string[];
    for (let i = from; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (this.keyEscaped) this.keyEscaped = false;
      else if (c === 0x5c) this.keyEscaped = true;
      else if (c === 0x22) {
        parts.push(text.slice(from, i));
        this.advance(text, from, i + 1);
        let key: unknown;
        try {
          key = JSON.parse(`"${parts.join('')}"`);
        } catch {
          throw this.fail('a field name is not a valid JSON string.');
        }
        this.key = key as string;
        if (this.seenFields.has(this.key)) throw this.fail(`the field "${this.key}" appears twice.`);
        this.seenFields.add(this.key);
        if (this.key === 'cards') throw importError('wrong-type', this.source, 'this is a deck file, not a backup. Import it on the Import page instead.');
        this.keyParts = null;
        this.where = { kind: 'colon' };
        return i + 1;
      }
    }
    parts.push(text.slice(from));
    this.advance(text, from, text.length);
    return text.length;
  }

  /**
   * Reads a run of objects in a list the way JSON.stringify writes them (`{...},{...}`) with one
   * JSON.parse: every item from `from` up to the chunk's last `},{`. If that text is not a run of
   * whole items (the `},{` lies in a string or a nested object, or the list ends before it), the
   * parse fails and the caller scans item by item, which also names any problem. If it parses,
   * it is exactly the items the scan would have found, each read by JSON.parse, so the values are
   * the same. Returns where the scan goes on (at the comma after the run), or -1.
   */
  private parseRun(text: string, from: number, out: ScanOutput[]): number {
    const last = text.lastIndexOf('},{');
    if (last < from) return -1;
    let items: unknown;
    try {
      items = JSON.parse(`[${text.slice(from, last + 1)}]`);
    } catch {
      return -1;
    }
    if (!Array.isArray(items)) return -1;
    for (const value of items as unknown[]) {
      out.push({ kind: 'item', list: this.key, index: this.listIndex, value });
      this.listIndex += 1;
    }
    this.advance(text, from, last + 1);
    this.where = { kind: 'list-comma' };
    return last + 1;
  }

  private beginCapture(c: number): void {
    const isContainer = c === 0x7b || c === 0x5b;
    this.capture = { parts: [], depth: 0, isInString: false, isEscaped: false, isPrimitive: !isContainer && c !== 0x22, line: this.line, column: this.column };
  }

  /** Scans the captured value from `from`; emits it when it ends. Returns where scanning stopped. */
  private continueCapture(text: string, from: number, out: ScanOutput[]): number {
    const cap = this.capture as Capture;
    let i = from;
    const n = text.length;
    let isEnd = false;
    if (cap.isPrimitive) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) {
          isEnd = true;
          break;
        }
        i += 1;
      }
    } else {
      let { depth, isInString, isEscaped } = cap;
      while (i < n) {
        const c = text.charCodeAt(i);
        i += 1;
        if (isInString) {
          if (isEscaped) isEscaped = false;
          else if (c === 0x5c) isEscaped = true;
          else if (c === 0x22) {
            isInString = false;
            if (depth === 0) {
              isEnd = true;
              break;
            }
          }
        } else if (c === 0x22) isInString = true;
        else if (c === 0x7b || c === 0x5b) depth += 1;
        else if (c === 0x7d || c === 0x5d) {
          depth -= 1;
          if (depth === 0) {
            isEnd = true;
            break;
          }
        }
      }
      cap.depth = depth;
      cap.isInString = isInString;
      cap.isEscaped = isEscaped;
    }
    cap.parts.push(text.slice(from, i));
    this.advance(text, from, i);
    if (isEnd) this.finishCapture(out);
    return i;
  }

  private finishCapture(out: ScanOutput[]): void {
    const cap = this.capture as Capture;
    this.capture = null;
    const isItem = this.where.kind === 'list-item';
    const text = cap.parts.length === 1 ? (cap.parts[0] as string) : cap.parts.join('');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const what = isItem ? `${this.key} item ${this.listIndex + 1}` : `the field "${this.key}"`;
      const detail = error instanceof Error ? error.message : String(error);
      throw importError('malformed', this.source, `line ${cap.line}, column ${cap.column}: ${what} is not valid JSON (${detail}).`, cap.line);
    }
    if (isItem) {
      out.push({ kind: 'item', list: this.key, index: this.listIndex, value });
      this.listIndex += 1;
      this.where = { kind: 'list-comma' };
    } else {
      out.push({ kind: 'field', name: this.key, value });
      this.where = { kind: 'after-value' };
    }
  }

  /** Moves the line and column past text[from, to). */
  private advance(text: string, from: number, to: number): void {
    let newline = this.newlineFrom(text, from);
    if (newline === -1 || newline >= to) {
      this.column += to - from;
      return;
    }
    let last = newline;
    while (newline !== -1 && newline < to) {
      this.line += 1;
      last = newline;
      newline = this.newlineFrom(text, newline + 1);
    }
    this.column = to - last;
  }

  /**
   * The first newline in `text` at or after `from`, or -1. Within one `push`, `from` only grows, so
   * the last search's answer is reused while it still lies ahead: without that, a backup on one line
   * (as JSON.stringify writes it) searched to the end of its chunk at every item, quadratic in the chunk.
   */
  private newlineFrom(text: string, from: number): number {
    const searchFrom = this.newlineSearchFrom;
    const found = this.newlineSearchAt;
    if (searchFrom !== -1 && searchFrom <= from && (found === -1 || found >= from)) return found;
    const at = text.indexOf('\n', from);
    this.newlineSearchFrom = from;
    this.newlineSearchAt = at;
    return at;
  }

  private fail(message: string): ImportError {
    return importError('malformed', this.source, `line ${this.line}, column ${this.column}: ${message}`, this.line);
  }
}
