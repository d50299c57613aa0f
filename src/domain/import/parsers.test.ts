import { describe, expect, it } from 'vitest';
import { userDeckId } from '../deck/user-deck';
import { asCardId } from '../ids';
import { MAX_TEXT_IMPORT_BYTES, decodeText } from './decode-text';
import { detectImportKind } from './detect-format';
import { ImportError } from './import-error';
import { compareWithExisting, contentCardId } from './imported-deck';
import { toUserDeck } from './to-user-deck';
import { parseDeckJsonImport } from './parse-deck-json';
import { detectDelimiter, parseDelimitedDeck } from './parse-delimited';
import { parseMarkdownDeck } from './parse-markdown-deck';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Runs `work`, expecting an ImportError; returns it for assertions. */
function importFailure(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('decodeText', () => {
  it('reads UTF-8 (with or without a BOM) and UTF-16 with a BOM', () => {
    expect(decodeText(bytes('\uFEFFhola\tadiós'), 'a.csv')).toBe('hola\tadiós');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('añ', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(decodeText(utf16, 'excel.txt')).toBe('añ');
  });

  it('names the line that is not UTF-8', () => {
    const latin1 = new Uint8Array([...bytes('ok\tfine\ncaf'), 0xe9, ...bytes('\tcoffee')]);
    const error = importFailure(() => decodeText(latin1, 'old.csv'));
    expect(error.code).toBe('bad-encoding');
    expect(error.message).toBe(
      'old.csv: line 2 is not UTF-8 text (the file may be in an older encoding such as Windows-1252). Save it as UTF-8 and import it again.',
    );
  });

  it('refuses empty, oversized and binary files, naming the limit or the type', () => {
    expect(importFailure(() => decodeText(bytes('  \n '), 'e.csv')).code).toBe('empty-file');
    const big = importFailure(() => decodeText(new Uint8Array(MAX_TEXT_IMPORT_BYTES + 1), 'big.csv'));
    expect(big.code).toBe('too-large');
    expect(big.message).toMatch(/big\.csv: the file is 5 MB; the limit is 5 MB/);
    const zip = importFailure(() => decodeText(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'deck.csv'));
    expect(zip.message).toMatch(/deck\.csv: this is a zip archive/);
    expect(importFailure(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]), 'x.md')).code).toBe('wrong-type');
  });
});

describe('detectImportKind', () => {
  it('goes by extension, then by content', () => {
    expect(detectImportKind('a.TSV', bytes('x'))).toBe('delimited');
    expect(detectImportKind('deck.apkg', bytes('x'))).toBe('apkg');
    expect(detectImportKind('notes', bytes('\uFEFF{"a":1}'))).toBe('json');
    expect(detectImportKind('notes', bytes('# Title\n## q\na'))).toBe('markdown');
    expect(detectImportKind('notes', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('apkg');
    expect(detectImportKind('notes', bytes('q,a'))).toBe('delimited');
  });
});

describe('parseDelimitedDeck', () => {
  it('reads a Quizlet-style TSV with a detected tab delimiter and no header', () => {
    const { deck, options } = parseDelimitedDeck('perro\tdog\ngato\tcat, the animal\n', 'Spanish animals.tsv');
    expect(options).toEqual({ delimiter: '\t', hasHeader: false });
    expect(deck.title).toBe('Spanish animals');
    expect(deck.slug).toBe('spanish-animals');
    expect(deck.cards.map((c) => [c.front, c.back])).toEqual([
      ['perro', 'dog'],
      ['gato', 'cat, the animal'],
    ]);
    expect(deck.cards[0]?.id).toBe(contentCardId('perro'));
  });

  it('detects a header row and quoted fields with commas, quotes and line breaks', () => {
    const csv = 'Front,Back\n"Capital of France, Europe","Paris\nthe ""city of light"""\nH2O,water\n';
    const { deck, options } = parseDelimitedDeck(csv, 'geo.csv');
    expect(options).toEqual({ delimiter: ',', hasHeader: true });
    expect(deck.cards.map((c) => c.back)).toEqual(['Paris\nthe "city of light"', 'water']);
  });

  it('detects semicolons (European spreadsheets) and lets the user override the guess', () => {
    expect(detectDelimiter('a;b, c\nd;e')).toBe(';');
    const { deck } = parseDelimitedDeck('front;back\nq;a', 'x.csv', { delimiter: ';', hasHeader: false });
    expect(deck.cards.map((c) => c.front)).toEqual(['front', 'q']);
  });

  it("honours Anki's plain-text headers: separator, HTML, tags and guid columns", () => {
    const anki = [
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#tags column:4',
      'abc/+1\t<b>Bold</b> front<br>line 2\tBack &amp; more<div>para</div>\tbio cells',
      'xyz\tSecond\t<script>alert(1)</script>Safe',
    ].join('\n');
    const { deck } = parseDelimitedDeck(anki, 'Anki export.txt');
    expect(deck.cards[0]).toEqual({ id: 'anki-abc_2f_2b1', front: '**Bold** front\nline 2', back: 'Back & more\npara', tags: ['bio', 'cells'] });
    expect(deck.cards[1]).toMatchObject({ id: 'anki-xyz', back: 'Safe' });
  });

  it('skips rows with a missing side, saying which line and why', () => {
    const { deck } = parseDelimitedDeck('q1\ta1\nonly-front\nq3\t\nq4\ta4', 'w.tsv', { delimiter: '\t', hasHeader: false });
    expect(deck.cards).toHaveLength(2);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'w.tsv: line 2: only one column; expected a front and a back separated by tab. Row skipped.',
      'w.tsv: line 3: the back is empty. Row skipped.',
    ]);
  });

  it('gives repeated fronts distinct ids so both cards survive', () => {
    const { deck } = parseDelimitedDeck('same\tA\nsame\tB', 'd.tsv');
    const id = contentCardId('same');
    expect(deck.cards.map((c) => c.id)).toEqual([id, `${id}-2`]);
  });

  it('refuses an unclosed quote and a file without a single card', () => {
    const quote = importFailure(() => parseDelimitedDeck('a,b\n"c,d\ne,f', 'q.csv'));
    expect(quote.code).toBe('malformed');
    expect(quote.message).toBe('q.csv: line 2: a quoted field is never closed (a " is missing).');
    const none = importFailure(() => parseDelimitedDeck('just one column\nand another', 'n.csv'));
    expect(none.code).toBe('no-cards');
    expect(none.message).toMatch(/^n\.csv: no cards found\.\nn\.csv: line 1: only one column/);
  });
});

describe('parseMarkdownDeck', () => {
  const md = [
    '# Cell biology',
    'Organelles and what they do.',
    '',
    '## What does the mitochondrion do? {#mito}',
    'Makes **ATP**.',
    '',
    '```md',
    '## not a card',
    '```',
    '## Ribosome',
    '',
    'Builds proteins.',
    '## Empty card',
    '',
  ].join('\n');

  it('reads the title, description, cards, explicit ids and fenced code', () => {
    const deck = parseMarkdownDeck(md, 'cells.md');
    expect(deck).toMatchObject({ title: 'Cell biology', slug: 'cell-biology', description: 'Organelles and what they do.', origin: 'markdown' });
    expect(deck.cards.map((c) => [c.id, c.front])).toEqual([
      ['mito', 'What does the mitochondrion do?'],
      [contentCardId('Ribosome'), 'Ribosome'],
    ]);
    expect(deck.cards[0]?.back).toBe('Makes **ATP**.\n\n```md\n## not a card\n```');
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'cells.md: line 13: card 3 ("Empty card") has no back: write the answer below the heading. Card skipped.',
    ]);
  });

  it('names a deck without a title after its file and explains a file without cards', () => {
    expect(parseMarkdownDeck('## q\na', 'my_notes.md').title).toBe('my notes');
    const error = importFailure(() => parseMarkdownDeck('# Title\njust prose', 'p.md'));
    expect(error.code).toBe('no-cards');
    expect(error.message).toMatch(/p\.md: no cards found\.\np\.md: no "## " headings/);
  });

  it('reports duplicate explicit ids and keeps both cards', () => {
    const deck = parseMarkdownDeck('# T\n## A {#x}\n1\n## B {#x}\n2', 't.md');
    expect(deck.cards.map((c) => c.id)).toEqual(['x', 'x-2']);
    expect(deck.warnings[0]?.message).toBe('t.md: card 2 (line 4): the card id "x" is used twice; this card was given a new id.');
  });
});

describe('parseDeckJsonImport', () => {
  it('imports a deck file under its own id', () => {
    const deck = parseDeckJsonImport(JSON.stringify({ schemaVersion: 1, id: 'bio', title: 'Bio', description: '', cards: [{ id: 'a', front: 'A', back: 'B' }] }), 'bio.json');
    expect(deck).toMatchObject({ slug: 'bio', title: 'Bio', origin: 'json', cards: [{ id: 'a', front: 'A', back: 'B', tags: [] }] });
  });

  it('reports bad JSON with its line, missing fields and duplicate ids by card', () => {
    expect(importFailure(() => parseDeckJsonImport('{\n"a": 1,\n}', 'x.json')).message).toMatch(/^x\.json: not valid JSON at line 3/);
    const error = importFailure(() =>
      parseDeckJsonImport(
        JSON.stringify({ schemaVersion: 1, id: 'd', title: 'T', description: '', cards: [{ id: 'a', front: 'A' }, { id: 'a', front: 'B', back: 'C' }] }),
        'd.json',
      ),
    );
    expect(error.code).toBe('invalid-deck');
    expect(error.issues.map((i) => i.message)).toEqual([
      'd.json: card 1 (id "a"): field "back" is missing',
      'd.json: card 2 (id "a"): field "id" must be unique, but card 1 has the same id',
    ]);
  });

  it('refuses an empty deck and a backup chosen by mistake', () => {
    const empty = importFailure(() => parseDeckJsonImport(JSON.stringify({ schemaVersion: 1, id: 'd', title: 'T', description: '', cards: [] }), 'e.json'));
    expect(empty.message).toBe('e.json: field "cards" must contain at least one card');
    expect(importFailure(() => parseDeckJsonImport('{"format":"flipdeck-backup"}', 'b.json')).code).toBe('wrong-type');
  });
});

describe('updating an imported deck', () => {
  it('keeps the id, the creation time and the origin, and counts what changes', () => {
    const first = parseDelimitedDeck('q1\ta1\nq2\ta2\nq3\ta3', 'v.tsv').deck;
    const stored = toUserDeck(first, undefined, 1_000);
    expect(stored).toMatchObject({ id: userDeckId('v'), createdAt: 1_000, updatedAt: 1_000, origin: 'csv' });
    const second = parseDelimitedDeck('q1\ta1\nq2\tfixed\nq4\ta4', 'v.tsv').deck;
    expect(compareWithExisting(second, stored)).toEqual({ isNewDeck: false, added: 1, changed: 1, unchanged: 1, removed: 1 });
    const updated = toUserDeck(second, stored, 2_000);
    expect(updated).toMatchObject({ id: stored.id, createdAt: 1_000, updatedAt: 2_000 });
    expect(updated.cards[1]?.id).toBe(asCardId(contentCardId('q2')));
  });
});
