import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/import-error';
import { BackupScanner, type ScanOutput } from './backup-scanner';

const LISTS = new Set(['decks', 'reviewLog']);

/** Scans `text` pushed in pieces of `size` characters (or the given cut points). */
function scan(text: string, size: number = text.length): ScanOutput[] {
  const scanner = new BackupScanner('backup.json', LISTS);
  const out: ScanOutput[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return out;
}

function failure(text: string, size?: number): ImportError {
  try {
    scan(text, size);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** What JSON.parse of the whole document says, in the scanner's output form. */
function expected(document: Record<string, unknown>): ScanOutput[] {
  return Object.entries(document).flatMap(([name, value]): ScanOutput[] =>
    LISTS.has(name) && Array.isArray(value)
      ? [{ kind: 'list', name }, ...value.map((item, index): ScanOutput => ({ kind: 'item', list: name, index, value: item }))]
      : [{ kind: 'field', name, value }],
  );
}

/** JSON.parse's own message for `text`, which the scanner quotes. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}

const DOCUMENT = {
  format: 'flipdeck-backup',
  version: 1,
  exportedAt: 1_764_547_200_000,
  settings: { desiredRetention: 0.9, learningStepsMinutes: [1, 10], fsrsWeights: null, isFuzzEnabled: true },
  decks: [{ id: 'user.a', deck: { title: 'Tricky "quotes" and \\ backslashes, ] brackets } and {braces} [in] strings', cards: [{ front: 'é 😀 \u2028', back: '' }] } }],
  reviewLog: [
    { id: 1, rating: 'good', before: null, after: { dueAt: 5, stability: 1.5e-7 } },
    { id: 2, rating: 'again', before: { dueAt: 5 }, after: { dueAt: -1 } },
    [],
    'text',
    -0.5,
    true,
    null,
  ],
  unknownFromANewerBuild: { nested: [[[]]] },
};

describe('BackupScanner', () => {
  it('yields each field and each list item exactly as JSON.parse of the whole file, however the text is cut', () => {
    const text = JSON.stringify(DOCUMENT);
    for (const size of [1, 2, 3, 7, 64, text.length]) expect(scan(text, size)).toEqual(expected(DOCUMENT));
  });

  it('reads a run of items at once only when it is whole: a "},{" in a string or a nested list, or a list that ends, falls back to item by item', () => {
    const document = {
      decks: [{ id: 'a', title: 'x},{y' }, { id: 'b', cards: [{ front: 1 }, { front: 2 }] }, { id: 'c' }],
      reviewLog: [{ id: 1 }, { id: 2, note: '},{"id":3}' }, { id: 4 }],
      exportedAt: 5,
    };
    const text = JSON.stringify(document);
    for (const size of [1, 5, 13, 40, text.length]) expect(scan(text, size)).toEqual(expected(document));
    const damaged = text.replace('{"id":4}', '{"id":4,}');
    expect(failure(damaged).message).toBe(`backup.json: line 1, column ${damaged.indexOf('{"id":4,}') + 1}: reviewLog item 3 is not valid JSON (${jsonError('{"id":4,}')}).`);
  });

  it('reads a pretty-printed file with a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF${JSON.stringify(DOCUMENT, null, 2).replace(/\n/g, '\r\n')}\r\n`;
    expect(scan(text, 5)).toEqual(expected(DOCUMENT));
  });

  it('reads empty lists and an empty document', () => {
    expect(scan('{"decks":[],"reviewLog":[ ]}', 1)).toEqual([
      { kind: 'list', name: 'decks' },
      { kind: 'list', name: 'reviewLog' },
    ]);
    expect(scan('{}')).toEqual([]);
  });

  it('names the list item where a file cut short ends', () => {
    const text = JSON.stringify(DOCUMENT);
    const cut = text.indexOf('"again"');
    expect(failure(text.slice(0, cut), 10).message).toBe(
      `backup.json: line 1, column ${cut + 1}: the file ends in the middle of reviewLog item 2: it was cut short (an incomplete download or copy?).`,
    );
    expect(failure(text.slice(0, text.indexOf('"exportedAt"') + 16)).message).toMatch(/the file ends in the middle of the field "exportedAt"/);
    expect(failure(text.slice(0, text.indexOf('"exportedAt"') + 4)).message).toMatch(/the file ends after the field "version"/);
    expect(failure(text.slice(0, text.indexOf('"text"') + 6)).message).toMatch(/the file ends after reviewLog item 4, before that list is closed/);
    expect(failure(text.slice(0, text.indexOf(',"unknownFromANewerBuild"'))).message).toMatch(/the file ends after the field "reviewLog"/);
    expect(failure('').code).toBe('empty-file');
  });

  it('names the line, column and item of invalid JSON inside an item', () => {
    const text = '{\n  "reviewLog": [\n    {"id": 1},\n    {"id": 2,, "rating": "good"}\n  ]\n}';
    const error = failure(text, 4);
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^backup\.json: line 4, column 5: reviewLog item 2 is not valid JSON \(/);
    expect(error.issues[0]?.line).toBe(4);
  });

  it('counts lines and columns right where long lines and several line ends share a chunk', () => {
    // A long first line of items, then items on lines of their own, then a bad one: its place is
    // the same whatever the chunks are.
    const items = Array.from({ length: 50 }, (_, i) => `{"id": ${i}}`);
    const text = `{"reviewLog": [${items.join(', ')},\n{"id": 50},\n\n  {"id": 51},\n  {"id": 52,, "x": 1}\n]}`;
    for (const size of [text.length, 7, 64, 333]) {
      expect(failure(text, size).message).toMatch(/^backup\.json: line 5, column 3: reviewLog item 53 is not valid JSON \(/);
    }
  });

  it('refuses what is not a backup document, saying what it is', () => {
    expect(failure('[1, 2]').message).toBe('backup.json: this is not a Flipdeck backup file.');
    expect(failure('{"schemaVersion": 1, "id": "x", "cards": []}').message).toBe('backup.json: this is a deck file, not a backup. Import it on the Import page instead.');
    expect(failure('{"a": 1} {"b": 2}').message).toBe('backup.json: line 1, column 10: there is more text after the end of the backup.');
    expect(failure('{"a": 1 "b": 2}').message).toMatch(/expected "," or "}" after the field "a"/);
    expect(failure('{"a" 1}').message).toMatch(/expected ":" after the field name "a"/);
    expect(failure('{a: 1}').message).toMatch(/expected a field name in quotes/);
  });

  it('refuses a field given twice, so a hostile file cannot smuggle a second list past the first', () => {
    expect(failure('{"reviewLog": [], "reviewLog": [{"id": 1}]}').message).toMatch(/the field "reviewLog" appears twice/);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const [, item] = scan('{"decks": [{"__proto__": {"polluted": true}}]}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(item).toEqual({ kind: 'item', list: 'decks', index: 0, value: JSON.parse('{"__proto__": {"polluted": true}}') });
  });
});
