import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeckError } from './errors';
import { parseDeckStrict } from './check-clozes';
import { cardsToFileEntries } from './deck-schema';
import { assertDeckMatchesFile, expectedDeckIdFromFile } from './deck-file';
import { parseDeck, parseDeckJsonText } from './parse-deck';
import type { Deck } from './types';

const SOURCE = 'decks/foo.json';

/** A minimal valid deck as raw JSON data; tests break one field at a time. */
function validRaw(): Record<string, unknown> & { cards: Record<string, unknown>[] } {
  return {
    schemaVersion: 1,
    id: 'foo',
    title: 'Foo deck',
    description: 'A deck for tests.',
    cards: [
      { id: 'a', front: 'Front A', back: 'Back A', tags: ['t1'] },
      { id: 'b', front: 'Front B', back: 'Back B' },
      { id: 'x', front: 'Front X', back: 'Back X' },
    ],
  };
}

/** Runs `parse` and returns the DeckError it must throw. */
function deckErrorOf(parse: () => unknown): DeckError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return error as DeckError;
  }
  throw new Error('expected a DeckError, but parsing succeeded');
}

describe('parseDeck: valid decks', () => {
  it('returns the typed deck and survives a JSON round trip', () => {
    const deck = parseDeck(validRaw(), SOURCE);
    expect(deck).toEqual({
      schemaVersion: 1,
      id: 'foo',
      title: 'Foo deck',
      description: 'A deck for tests.',
      cards: [
        { id: 'a', front: 'Front A', back: 'Back A', tags: ['t1'] },
        { id: 'b', front: 'Front B', back: 'Back B', tags: [] },
        { id: 'x', front: 'Front X', back: 'Back X', tags: [] },
      ],
    });
    expect(parseDeckJsonText(JSON.stringify(deck), SOURCE)).toEqual(deck);
  });

  it('drops unknown fields on the deck and on cards instead of failing', () => {
    const raw = validRaw();
    raw['author'] = 'someone';
    raw.cards[0] = { ...raw.cards[0], hint: 'ignored' };
    const deck = parseDeck(raw, SOURCE);
    expect(deck).not.toHaveProperty('author');
    expect(deck.cards[0]).not.toHaveProperty('hint');
  });

  it('trims the title and accepts an empty description', () => {
    const deck = parseDeck({ ...validRaw(), title: '  Foo  ', description: '' }, SOURCE);
    expect(deck.title).toBe('Foo');
    expect(deck.description).toBe('');
  });

  it('gives each card its own tags array', () => {
    const deck = parseDeck(validRaw(), SOURCE);
    expect(deck.cards[1]?.tags).not.toBe(deck.cards[2]?.tags);
  });

  it('ignores a UTF-8 byte-order mark before the JSON', () => {
    expect(parseDeckJsonText(`\uFEFF${JSON.stringify(validRaw())}`, SOURCE).id).toBe('foo');
  });
});

describe('parseDeck: malformed decks name the file, the card and the field', () => {
  it('reports a card field of the wrong type with the card number and id', () => {
    const raw = validRaw();
    raw.cards[2] = { id: 'x', front: 'Front', back: 42 };
    const error = deckErrorOf(() => parseDeck(raw, SOURCE));
    expect(error.code).toBe('invalid-deck');
    expect(error.source).toBe(SOURCE);
    expect(error.message).toBe('decks/foo.json: card 3 (id "x"): field "back" must be a string, not a number');
    expect(error.issues).toEqual([
      expect.objectContaining({ cardNumber: 3, cardId: 'x', field: 'back' }),
    ]);
  });

  it('reports a missing card field', () => {
    const raw = validRaw();
    raw.cards[1] = { id: 'b', back: 'Back' };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toBe(
      'decks/foo.json: card 2 (id "b"): field "front" is missing',
    );
  });

  it('reports a card without an id by its number alone', () => {
    const raw = validRaw();
    raw.cards[0] = { front: 'F', back: 'B' };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toBe(
      'decks/foo.json: card 1: field "id" is missing',
    );
  });

  it('reports blank card text as empty', () => {
    const raw = validRaw();
    raw.cards[0] = { id: 'a', front: '   ', back: 'B' };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toBe(
      'decks/foo.json: card 1 (id "a"): field "front" must not be empty',
    );
  });

  it('reports card text over the length limit', () => {
    const raw = validRaw();
    raw.cards[0] = { id: 'a', front: 'F', back: 'x'.repeat(20_001) };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toContain(
      'card 1 (id "a"): field "back" must be at most 20000 characters',
    );
  });

  it('reports a card id with characters outside the allowed set', () => {
    const raw = validRaw();
    raw.cards[0] = { id: 'has space', front: 'F', back: 'B' };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toMatch(
      /^decks\/foo\.json: card 1 \(id "has space"\): field "id" must start with a letter or digit/,
    );
  });

  it('reports a tag that is not a string by its position in "tags"', () => {
    const raw = validRaw();
    raw.cards[0] = { id: 'a', front: 'F', back: 'B', tags: ['ok', 7] };
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toBe(
      'decks/foo.json: card 1 (id "a"): field "tags" item 2 must be a string, not a number',
    );
  });

  it('reports a card that is not an object', () => {
    const raw = validRaw();
    (raw.cards as unknown[])[1] = 'just text';
    expect(deckErrorOf(() => parseDeck(raw, SOURCE)).message).toBe(
      'decks/foo.json: card 2 must be an object, not a string',
    );
  });

  it('reports missing and mistyped deck fields, all at once, deck fields first', () => {
    const raw = validRaw();
    delete raw['description'];
    raw['title'] = 5;
    raw.cards[0] = { id: 'a', front: 'F' };
    const error = deckErrorOf(() => parseDeck(raw, SOURCE));
    expect(error.message.split('\n')).toEqual([
      'decks/foo.json: field "title" must be a string, not a number',
      'decks/foo.json: field "description" is missing',
      'decks/foo.json: card 1 (id "a"): field "back" is missing',
    ]);
  });

  it('rejects a deck id that is not a kebab-case slug', () => {
    for (const id of ['Foo', 'foo_bar', 'foo--bar', '-foo', 'a'.repeat(65)]) {
      const error = deckErrorOf(() => parseDeck({ ...validRaw(), id }, SOURCE));
      expect(error.message).toMatch(/^decks\/foo\.json: field "id" must/);
    }
  });

  it('rejects an empty or over-long title', () => {
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), title: '   ' }, SOURCE)).message).toBe(
      'decks/foo.json: field "title" must not be empty',
    );
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), title: 't'.repeat(201) }, SOURCE)).message).toBe(
      'decks/foo.json: field "title" must be at most 200 characters',
    );
  });

  it('rejects duplicate card ids, naming both card numbers', () => {
    const raw = validRaw();
    raw.cards.push({ id: 'b', front: 'Again', back: 'Again' });
    const error = deckErrorOf(() => parseDeck(raw, SOURCE));
    expect(error.message).toBe(
      'decks/foo.json: card 4 (id "b"): field "id" must be unique, but card 2 has the same id',
    );
    expect(error.issues[0]).toMatchObject({ cardNumber: 4, cardId: 'b', field: 'id' });
  });

  it('rejects an empty card list and a card list that is not an array', () => {
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), cards: [] }, SOURCE)).message).toBe(
      'decks/foo.json: field "cards" must contain at least one card',
    );
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), cards: {} }, SOURCE)).message).toBe(
      'decks/foo.json: field "cards" must be an array of cards, not an object',
    );
  });

  it('rejects a missing or wrong schemaVersion', () => {
    const missing = validRaw();
    delete missing['schemaVersion'];
    expect(deckErrorOf(() => parseDeck(missing, SOURCE)).message).toBe(
      'decks/foo.json: field "schemaVersion" is missing',
    );
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), schemaVersion: 0 }, SOURCE)).message).toBe(
      'decks/foo.json: field "schemaVersion" must be 1, not 0',
    );
    expect(deckErrorOf(() => parseDeck({ ...validRaw(), schemaVersion: '1' }, SOURCE)).message).toBe(
      'decks/foo.json: field "schemaVersion" must be 1, not a string',
    );
  });

  it('says a deck with a higher schemaVersion was written by a newer Flipdeck', () => {
    // Everything else is broken too: a newer format is not judged by this version's rules.
    const error = deckErrorOf(() => parseDeck({ schemaVersion: 2, cards: 'new shape' }, SOURCE));
    expect(error.code).toBe('unsupported-schema-version');
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(/^decks\/foo\.json: field "schemaVersion" is 2: .*was written by a newer Flipdeck/);
  });

  it('rejects a value that is not an object', () => {
    expect(deckErrorOf(() => parseDeck([], SOURCE)).message).toBe(
      'decks/foo.json: the deck must be a JSON object, not an array',
    );
    expect(deckErrorOf(() => parseDeck(null, SOURCE)).message).toBe(
      'decks/foo.json: the deck must be a JSON object, not null',
    );
  });

  it('caps a very broken file at 20 lines plus a count of the rest', () => {
    const cards = Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, front: 'F' }));
    const error = deckErrorOf(() => parseDeck({ ...validRaw(), cards }, SOURCE));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('decks/foo.json: ...and 10 more problems');
  });
});

describe('parseDeck: cloze notes and typed answers', () => {
  const withCards = (...cards: Record<string, unknown>[]) => ({ ...validRaw(), cards });

  it('expands a cloze note into one card per number, ids <note>.c<n>, siblings by noteId', () => {
    const deck = parseDeck(
      withCards(
        { id: 'plain', front: 'Q', back: 'A' },
        { id: 'runtimes', cloze: '{{c2::containerd}} calls {{c1::runc::runtime}}', back: 'Docker uses both.', tags: ['docker'] },
      ),
      SOURCE,
    );
    expect(deck.cards).toEqual([
      { id: 'plain', front: 'Q', back: 'A', tags: [] },
      { id: 'runtimes.c1', front: '{{c2::containerd}} calls {{c1::runc::runtime}}', back: 'Docker uses both.', tags: ['docker'], noteId: 'runtimes', clozeNumber: 1 },
      { id: 'runtimes.c2', front: '{{c2::containerd}} calls {{c1::runc::runtime}}', back: 'Docker uses both.', tags: ['docker'], noteId: 'runtimes', clozeNumber: 2 },
    ]);
  });

  it('lets a cloze note leave out its back, and keeps typeAnswer on both kinds of card', () => {
    const deck = parseDeck(withCards({ id: 'n', cloze: '{{c1::x}}', typeAnswer: true }, { id: 'p', front: 'Q', back: 'A', typeAnswer: 'exact' }), SOURCE);
    expect(deck.cards.map((card) => [card.id, card.back, card.typeAnswer])).toEqual([
      ['n.c1', '', true],
      ['p', 'A', 'exact'],
    ]);
  });

  it('names the card, the field and the position of a malformed cloze (the strict parse of the build and import)', () => {
    const raw = withCards({ id: 'ok', front: 'Q', back: 'A' }, { id: 'broken', cloze: 'first\n{{c1::a}} {{c2::never closed' });
    const error = deckErrorOf(() => parseDeckStrict(raw, SOURCE));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'decks/foo.json: card 2 (id "broken"): field "cloze" is not a valid cloze text: the cloze opened at line 2, column 11 is never closed: end it with }}',
    ]);
    // Loading an already checked deck only expands it (the first screen does not carry the full parser).
    expect(parseDeck(raw, SOURCE).cards.map((card) => card.id)).toEqual(['ok', 'broken.c1', 'broken.c2']);
    const zero = deckErrorOf(() => parseDeckStrict(withCards({ id: 'z', cloze: '{{c0::x}}' }), SOURCE));
    expect(zero.issues[0]?.message).toContain('cloze numbers run from c1 to c500, not c0');
  });

  it('reports a note without deletions once, and cloze problems beside the other problems of a deck', () => {
    const none = deckErrorOf(() => parseDeckStrict(withCards({ id: 'n', cloze: 'no deletions' }), SOURCE));
    expect(none.issues.map((issue) => issue.message)).toEqual(['decks/foo.json: card 1 (id "n"): field "cloze" has no cloze deletion: mark the answer as {{c1::answer}}']);
    const both = deckErrorOf(() => parseDeckStrict(withCards({ id: 'p', front: 'Q' }, { id: 'n', cloze: '{{cx::y}}' }), SOURCE));
    expect(both.issues.map((issue) => issue.field)).toEqual(['back', 'cloze']);
  });

  it('refuses a card id that a cloze note also makes, and a typeAnswer that is neither true nor text', () => {
    const clash = deckErrorOf(() => parseDeck(withCards({ id: 'n.c1', front: 'Q', back: 'A' }, { id: 'n', cloze: '{{c1::x}}' }), SOURCE));
    expect(clash.issues[0]?.message).toContain('the card id "n.c1" is used twice');
    const bad = deckErrorOf(() => parseDeck(withCards({ id: 'p', front: 'Q', back: 'A', typeAnswer: 3 }), SOURCE));
    expect(bad.issues[0]?.message).toBe('decks/foo.json: card 1 (id "p"): field "typeAnswer" must be true (type the answer) or the non-empty text to type');
  });

  it('reads an image occlusion card, whose texts may be empty, and drops fields it does not know', () => {
    const occlusion = {
      image: 'media/heart.png',
      ordinal: 2,
      mode: 'hide-all',
      shapes: [
        { kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.2, height: 0.2, angle: 30 },
        { kind: 'polygon', ordinal: 2, points: [[0.5, 0.5], [0.9, 0.5], [0.7, 0.9]] },
      ],
    };
    const deck = parseDeck(withCards({ id: 'io', front: '', occlusion }), SOURCE);
    expect(deck.cards).toEqual([
      {
        id: 'io',
        front: '',
        back: '',
        tags: [],
        occlusion: { ...occlusion, shapes: [{ kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.2, height: 0.2 }, occlusion.shapes[1]] },
      },
    ]);
    expect(parseDeck({ ...validRaw(), cards: cardsToFileEntries(deck.cards) }, SOURCE)).toEqual(deck);
  });

  it('says what is wrong with an occlusion, naming the card, the field and the shape', () => {
    const base = { image: 'media/heart.png', ordinal: 1, mode: 'hide-one', shapes: [{ kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.2, height: 0.2 }] };
    const messageOf = (occlusion: unknown) => deckErrorOf(() => parseDeck(withCards({ id: 'io', occlusion }), SOURCE)).issues[0]?.message;
    expect(messageOf({ ...base, image: 'heart.png' })).toBe('decks/foo.json: card 1 (id "io"): field "occlusion" is not valid: "image" must name the deck\'s image as "media/<file name>"');
    expect(messageOf({ ...base, mode: 'all' })).toBe('decks/foo.json: card 1 (id "io"): field "occlusion" is not valid: "mode" must be "hide-all" or "hide-one"');
    expect(messageOf({ ...base, shapes: [{ kind: 'rect', ordinal: 1, left: 120, top: 0.1, width: 0.2, height: 0.2 }] })).toBe(
      'decks/foo.json: card 1 (id "io"): field "occlusion" is not valid: shape 1: "left" must be a number from 0 to 1 (a fraction of the image)',
    );
    expect(messageOf({ ...base, ordinal: 3 })).toBe('decks/foo.json: card 1 (id "io"): field "occlusion" is not valid: no shape has the card\'s ordinal 3');
    expect(messageOf({ ...base, shapes: [{ kind: 'polygon', ordinal: 1, points: [[0, 0], [1, 1]] }] })).toBe(
      'decks/foo.json: card 1 (id "io"): field "occlusion" is not valid: shape 1: "points" must list 3 to 200 corners',
    );
  });

  it('round-trips cloze notes through the deck-file entries storage and export write', () => {
    const raw = withCards({ id: 'p', front: 'Q', back: 'A' }, { id: 'n', cloze: '{{c1::a}} {{c2::b}}', tags: ['t'], typeAnswer: true });
    const deck = parseDeck(raw, SOURCE);
    expect(cardsToFileEntries(deck.cards)).toEqual([
      { id: 'p', front: 'Q', back: 'A', tags: [] },
      { id: 'n', cloze: '{{c1::a}} {{c2::b}}', tags: ['t'], typeAnswer: true },
    ]);
    expect(parseDeck({ ...raw, cards: cardsToFileEntries(deck.cards) }, SOURCE)).toEqual(deck);
  });
});

describe('parseDeckJsonText', () => {
  it('reports invalid JSON with the file, line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "foo",\n}';
    const error = deckErrorOf(() => parseDeckJsonText(text, SOURCE));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^decks\/foo\.json: not valid JSON at line 4, column 1: /);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('reports truncated JSON and an empty file', () => {
    expect(deckErrorOf(() => parseDeckJsonText('{"a": [', SOURCE)).message).toMatch(
      /^decks\/foo\.json: not valid JSON/,
    );
    expect(deckErrorOf(() => parseDeckJsonText('  \n', SOURCE)).message).toBe(
      'decks/foo.json: not valid JSON: the file is empty',
    );
  });

  it('passes valid JSON on to the deck rules', () => {
    const text = JSON.stringify({ ...validRaw(), cards: [{ id: 'x', front: 'F', back: false }] });
    expect(deckErrorOf(() => parseDeckJsonText(text, SOURCE)).message).toBe(
      'decks/foo.json: card 1 (id "x"): field "back" must be a string, not a boolean',
    );
  });
});

describe('assertDeckMatchesFile', () => {
  it('derives the expected id from the file name', () => {
    expect(expectedDeckIdFromFile('decks/foo.json')).toBe('foo');
    expect(expectedDeckIdFromFile('C:\\decks\\foo-bar.json')).toBe('foo-bar');
    expect(expectedDeckIdFromFile('foo.json')).toBe('foo');
  });

  it('accepts a deck whose id equals its file name', () => {
    const deck = parseDeck(validRaw(), SOURCE);
    expect(() => assertDeckMatchesFile(deck, 'decks/foo.json')).not.toThrow();
  });

  it('rejects a deck whose id differs from its file name, naming file and field', () => {
    const deck = parseDeck(validRaw(), 'decks/bar.json');
    const error = deckErrorOf(() => assertDeckMatchesFile(deck, 'decks/bar.json'));
    expect(error.code).toBe('deck-file-mismatch');
    expect(error.message).toMatch(/^decks\/bar\.json: field "id" is "foo" but the file is named for "bar"/);
  });
});

describe('docs/deck-format.md', () => {
  it('shows an example deck that parses', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/deck-format.md', import.meta.url)), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const deck = parseDeckJsonText(example ?? '', 'docs/deck-format.md');
    expect(() => assertDeckMatchesFile(deck, 'decks/c3-containers-iaas-storage.json')).not.toThrow();
  });
});

/**
 * Leftovers of text pasted from slides, one description per problem. Every paragraph of a
 * cleaned card is a single line, so two non-blank lines in a row are only allowed inside a
 * list: a hard wrap shows up as a second non-list line. The slides also glued bullets
 * together as "bandwidth - seccomp: security ...".
 */
function slideArtifacts(text: string): string[] {
  // Table rows follow each other like list items do.
  const isListItem = (line: string) => line.startsWith('- ') || line.startsWith('| ');
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line === '') return;
    const previous = lines[index - 1];
    if (previous !== undefined && previous !== '' && !isListItem(line)) {
      problems.push(`line continues the one before: ${JSON.stringify(line)}`);
    } else if (!isListItem(line) && !/^[A-Z0-9*]/.test(line)) {
      problems.push(`paragraph starts in lowercase: ${JSON.stringify(line)}`);
    }
    if (/\S[ \t]+-[ \t]+\**[\w ]+\**:/.test(line)) problems.push(`bullets run together: ${JSON.stringify(line)}`);
  });
  return problems;
}

describe('bundled decks in decks/', () => {
  const decksDir = fileURLToPath(new URL('../../../decks/', import.meta.url));
  const fileNames = readdirSync(decksDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const loadDeck = (fileName: string): Deck => {
    const source = `decks/${fileName}`;
    const deck = parseDeckStrict(JSON.parse(readFileSync(`${decksDir}${fileName}`, 'utf8')), source);
    assertDeckMatchesFile(deck, source);
    return deck;
  };

  it('detects the slide artifacts of the C3 seed (so the deck checks below are not vacuous)', () => {
    const seedBullets =
      '- CGroups: manage allocation of system resources such as\nCPU time, memory and network bandwidth - seccomp: security feature';
    expect(slideArtifacts(seedBullets)).toEqual([
      'line continues the one before: "CPU time, memory and network bandwidth - seccomp: security feature"',
      'bullets run together: "CPU time, memory and network bandwidth - seccomp: security feature"',
    ]);
    expect(slideArtifacts('Isolation is not as stringent: if the kernel is compromised from a\ncontainer, ...')).toHaveLength(1);
    expect(slideArtifacts('containers: virtualize only the environment')).toHaveLength(1);
    expect(slideArtifacts('Two options:\n\n- **On VM host nodes**: potentially better performance')).toEqual([]);
    expect(slideArtifacts('Two options:\n\n| Where | Advantage |\n| --- | --- |\n| **On** | Better |')).toEqual([]);
  });

  it('has at least one deck', () => {
    expect(fileNames.length).toBeGreaterThan(0);
  });

  it.each(fileNames)('%s parses and matches its file name', (fileName) => {
    expect(() => loadDeck(fileName)).not.toThrow();
  });

  describe('c3-containers-iaas-storage.json (hand-cleaned from pasted slides)', () => {
    const deck = loadDeck('c3-containers-iaas-storage.json');
    const texts = deck.cards.flatMap((card) => [card.front, card.back]);

    it('has no duplicate fronts', () => {
      const fronts = deck.cards.map((card) => card.front.trim().toLowerCase());
      expect(new Set(fronts).size).toBe(fronts.length);
    });

    it('mentions "PID namespace" exactly once (the duplicated slide was merged)', () => {
      const count = texts.join('\n').split('PID namespace').length - 1;
      expect(count).toBe(1);
    });

    it('has no line broken mid-sentence and no bullets run together', () => {
      for (const text of texts) expect(slideArtifacts(text), text).toEqual([]);
    });

    it('keeps every card id of the first edition (progress is keyed by them)', () => {
      expect(deck.cards.map((card) => card.id)).toEqual([
        'why-containers', 'containers-vs-hypervisors', 'container-kernel-features', 'what-is-docker',
        'vms-and-containers-refresher', 'iaas-data-storage', 'iaas-storage-what', 'iaas-storage-how', 'iaas-storage-where',
      ]);
    });

    it('shows the kernel features and the storage approaches as tables, keeping every fact', () => {
      const back = (id: string) => deck.cards.find((card) => card.id === id)?.back ?? '';
      expect(back('container-kernel-features')).toMatch(/^\| Kernel feature \| What it does \|\n\| --- \| --- \|/);
      for (const fact of ['chroot', 'cgroups', 'seccomp', 'Kernel namespaces', 'PID namespace', 'CPU time, memory and network bandwidth']) {
        expect(back('container-kernel-features')).toContain(fact);
      }
      for (const fact of ['Image files', 'Block storage', 'Object storage', 'single (large) file', 'remote block device']) {
        expect(back('iaas-storage-how')).toContain(fact);
      }
      for (const fact of ['On VM host nodes', 'better performance', 'Off VM host nodes', 'dedicated storage system', 'migration and scaling']) {
        expect(back('iaas-storage-where')).toContain(fact);
      }
    });

    it('has the seed typos fixed', () => {
      const all = texts.join('\n');
      expect(all).not.toMatch(/priviledged/i);
      expect(all).not.toMatch(/\beg\./);
    });
  });
});
