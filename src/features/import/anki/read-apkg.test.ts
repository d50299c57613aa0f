import { unzipSync, zipSync } from 'fflate';
import { decompress } from 'fzstd';
import initSqlJs from 'sql.js';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { COLLECTION_CREATED_SECS, FIXTURE_NOTES, IMAGE_OCCLUSION_CARDS, IMAGE_OCCLUSION_MEDIA, IMAGE_OCCLUSION_NOTES, NOTETYPE_IDS, makeAnki21Apkg, makeAnki21bApkg, makeLegacyApkg, silentWav, zstdStored, type FixtureNote } from '../../../../scripts/apkg-fixtures.mjs';
import { ankiCollectionToDeck, renderCloze, renderTemplate, withoutStyleAttributes } from '../../../domain/import/anki-collection';
import { compareWithExisting, importedFamily } from '../../../domain/import/imported-deck';
import { toUserDeck } from '../../../domain/import/to-user-deck';
import { retargetAnkiImport } from '../../../domain/import/match-anki-deck';
import { ImportError } from '../../../domain/import/import-error';
import { readAnkiPackage } from './read-apkg';
import { cardsToFileEntries } from '../../../domain/deck/deck-schema';
import { parseDeck } from '../../../domain/deck/parse-deck';

const turndown = new TurndownService();
turndown.remove(['script', 'style']);
const toMarkdown = (html: string) => turndown.turndown(html);

async function importFailure(work: Promise<unknown>): Promise<ImportError> {
  const error: unknown = await work.then(() => new Error('expected an ImportError'), (e: unknown) => e);
  if (error instanceof ImportError) return error;
  throw error;
}

describe.each([
  ['collection.anki2 (schema 11, JSON media map)', makeLegacyApkg],
  ['collection.anki21 beside the stub (schema 11, JSON media map)', makeAnki21Apkg],
  ['collection.anki21b (zstd schema 18, protobuf media map)', makeAnki21bApkg],
])('an Anki package, %s', (_name, make) => {
  it('becomes one card per Anki card: basic, both directions of a reversed note, one per cloze', async () => {
    const collection = await readAnkiPackage(await make(), 'biology.apkg');
    const converted: string[] = [];
    const deck = ankiCollectionToDeck(collection, 'biology.apkg', (html) => {
      converted.push(html);
      return toMarkdown(html);
    });
    // The fields carry Anki's inline styles; none reaches the HTML parser (CSP style-src 'self').
    expect(converted.join('\n')).not.toMatch(/style=/);
    expect(deck.title).toBe('Biology / Cells');
    expect(deck.cards.map((c) => [c.id, c.front, c.back])).toEqual([
      ['anki-g_2ebasic-0', 'What is **ATP**?', 'Energy currency  \n![](media/cell.png)'],
      ['anki-g_2frev_2b1-0', 'perro', 'dog'],
      ['anki-g_2frev_2b1-1', 'dog', 'perro'],
      ['anki-g_2ecloze-0', '\\[...\\] make ATP', '**Mitochondria** make ATP  \nExtra _info_'],
      ['anki-g_2ecloze-1', 'Mitochondria make \\[molecule\\]', 'Mitochondria make **ATP**  \nExtra _info_'],
      ['anki-g_2exss-0', 'XSS front', '[click me](javascript:alert\\(3\\))'],
    ]);
    expect(deck.cards[0]?.tags).toEqual(['bio', 'cells']);
    // The hostile note's <img src=x> names no file in the package.
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'biology.apkg: 1 media file(s) were left out, missing from the package or of a type Flipdeck does not keep (it shows PNG, JPEG, GIF, WebP and AVIF images, and plays MP3, M4A, AAC, OGG, Opus, WAV, FLAC and WebM sounds; never SVG).',
    ]);
    expect(deck.media?.map((m) => [m.name, m.mimeType, m.bytes.subarray(0, 4)])).toEqual([['cell.png', 'image/png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47])]]);
  });

  it('makes an Image Occlusion note one card per occlusion number, with its shapes, image and texts', async () => {
    const apkg = await make({ notes: IMAGE_OCCLUSION_NOTES, cards: IMAGE_OCCLUSION_CARDS, media: IMAGE_OCCLUSION_MEDIA });
    const deck = ankiCollectionToDeck(await readAnkiPackage(apkg, 'heart.apkg'), 'heart.apkg', toMarkdown);
    expect(deck.warnings).toEqual([]);
    expect(deck.cards.map((c) => [c.id, c.front, c.back, c.occlusion?.ordinal, c.occlusion?.mode])).toEqual([
      ['anki-g_2eio_2eall-0', 'Parts of the **heart**', 'From the _atlas_', 1, 'hide-all'],
      ['anki-g_2eio_2eall-1', 'Parts of the **heart**', 'From the _atlas_', 2, 'hide-all'],
      ['anki-g_2eio_2eall-2', 'Parts of the **heart**', 'From the _atlas_', 3, 'hide-all'],
      ['anki-g_2eio_2eone-0', '', '', 1, 'hide-one'],
      ['anki-g_2eio_2eone-1', '', '', 2, 'hide-one'],
    ]);
    const [first] = deck.cards;
    expect(first?.occlusion?.image).toBe('media/heart.png');
    expect(first?.occlusion?.shapes).toEqual([
      { kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.3, height: 0.2 },
      { kind: 'ellipse', ordinal: 2, left: 0.5, top: 0.1, width: 0.3, height: 0.2 },
      { kind: 'polygon', ordinal: 3, points: [[0.2, 0.6], [0.5, 0.6], [0.35, 0.9]] },
      { kind: 'rect', ordinal: 3, left: 0.6, top: 0.6, width: 0.2, height: 0.2 },
    ]);
    // Neither the template's script, its "Toggle Masks" button nor the raw field text reaches a card.
    expect(JSON.stringify(deck.cards)).not.toMatch(/image-occlusion:|Toggle Masks|setupImageCloze/);
    expect(deck.media?.map((m) => m.name)).toEqual(['heart.png']);
    // The image is stored with the deck, though no card text names it.
    expect(importedFamily(deck)[0]?.media?.map((m) => m.name)).toEqual(['heart.png']);
    // What is stored reads back through the deck-file rules unchanged.
    const reread = parseDeck({ schemaVersion: 1, id: 'heart', title: 'Heart', description: '', cards: cardsToFileEntries(deck.cards) }, 'heart.json');
    expect(reread.cards).toEqual(deck.cards);
  });

  it('lists an occlusion shape it cannot draw and skips a card left without shapes or image', async () => {
    const notes: FixtureNote[] = [
      [21, 'g.io.bad', NOTETYPE_IDS.imageOcclusion, ['{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}}{{c2::image-occlusion:rect:left=x:top=.1:width=.2:height=.2}}', '<img src="heart.png">', '', '', '']],
      [22, 'g.io.noimage', NOTETYPE_IDS.imageOcclusion, ['{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}}', '<img src="gone.png">', '', '', '']],
    ];
    const apkg = await make({ notes, cards: [[21, 0], [21, 1], [22, 0]], media: IMAGE_OCCLUSION_MEDIA });
    const deck = ankiCollectionToDeck(await readAnkiPackage(apkg, 'bad.apkg'), 'bad.apkg', toMarkdown);
    expect(deck.cards.map((c) => c.id)).toEqual(['anki-g_2eio_2ebad-0']);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'bad.apkg: card 1: shape 2 ("{{c2::image-occlusion:rect:left=x:top=.1:width=.2:height=.2}}") left out: "left" is not a number ("x")',
      'bad.apkg: card 2: image occlusion card skipped: its Occlusion field has no shape for c2.',
      'bad.apkg: card 3: image occlusion card skipped: its image ("gone.png") is missing from the package or not a PNG, JPEG, GIF, WebP or AVIF.',
    ]);
  });

  it('keeps a [sound:…] with its file, as a sound the card plays', async () => {
    const wav = silentWav();
    const notes: FixtureNote[] = [[7, 'g.sound', 1001, ['hola [sound:hola.wav]', 'hello']]];
    const collection = await readAnkiPackage(await make({ notes, cards: [[7, 0]], media: [['hola.wav', wav]] }), 'spanish.apkg');
    const deck = ankiCollectionToDeck(collection, 'spanish.apkg', toMarkdown);
    expect(deck.cards.map((c) => c.front)).toEqual(['hola ![hola.wav](media/hola.wav)']);
    expect(deck.media?.map((m) => [m.name, m.mimeType, m.bytes])).toEqual([['hola.wav', 'audio/wav', wav]]);
    expect(deck.warnings).toEqual([]);
  });
});

const HISTORY_T0 = 1_690_000_000_000;
/** Anki's own scheduling for the fixture: reviews for "What is ATP?", a suspended and a scheduled card without history. */
const withHistory = {
  schedule: (nid: number, ord: number) => {
    if (nid === 1) return { type: 2, queue: 2, due: 300, ivl: 4, factor: 2500, reps: 3 };
    if (nid === 2 && ord === 1) return { type: 2, queue: -1, due: 400, ivl: 20, factor: 2300, reps: 5, lapses: 1 };
    if (nid === 3 && ord === 0) return { type: 2, queue: 2, due: 410, ivl: 45, factor: 2650, reps: 8 };
    return undefined;
  },
  revlog: [
    { id: HISTORY_T0, nid: 1, ord: 0, ease: 3, ivl: -600, lastIvl: -60, factor: 2500, time: 6_000, type: 0 },
    { id: HISTORY_T0 + 600_000, nid: 1, ord: 0, ease: 3, ivl: 1, lastIvl: -600, factor: 2500, time: 3_000, type: 0 },
    { id: HISTORY_T0 + 86_400_000, nid: 1, ord: 0, ease: 3, ivl: 4, lastIvl: 1, factor: 2500, time: 2_500, type: 1 },
    // "Set due date": a manual entry, not a review.
    { id: HISTORY_T0 + 2 * 86_400_000, nid: 1, ord: 0, ease: 0, ivl: 4, lastIvl: 4, factor: 2500, time: 0, type: 4 },
  ],
};

describe.each([
  ['collection.anki2', makeLegacyApkg],
  ['collection.anki21', makeAnki21Apkg],
  ['collection.anki21b', makeAnki21bApkg],
])('review history in %s', (_name, make) => {
  it('reads the revlog and the cards\' scheduling columns, and sorts them into what comes along', async () => {
    const collection = await readAnkiPackage(await make(withHistory), 'biology.apkg');
    expect(collection.revlog.map((r) => [r.ease, r.kind, r.takenMs, r.lastIntervalDays])).toEqual([
      [3, 0, 6_000, -60],
      [3, 0, 3_000, -600],
      [3, 1, 2_500, 1],
      [0, 4, 0, 4],
    ]);
    expect(collection.createdSecs).toBe(COLLECTION_CREATED_SECS);
    expect(collection.schedulerVersion).toBe(2);
    const suspended = collection.cards.find((c) => c.noteId === 2 && c.ord === 1);
    expect(suspended).toMatchObject({ type: 2, queue: -1, due: 400, intervalDays: 20, easePermille: 2300, reps: 5, lapses: 1 });
    const deck = ankiCollectionToDeck(collection, 'biology.apkg', toMarkdown);
    expect(deck.history).toMatchObject({ reviewCount: 3, reviewedCardCount: 1, fromIntervalCount: 2, suspendedCount: 1, skippedEntryCount: 1 });
    expect(deck.history?.cards.map((c) => [c.cardId, c.items.map((i) => i.kind)])).toEqual([
      ['anki-g_2ebasic-0', ['review', 'review', 'review']],
      ['anki-g_2frev_2b1-1', ['sm2', 'suspend']],
      ['anki-g_2ecloze-0', ['sm2']],
    ]);
  });
});

/** The package's members, with the collection's SQLite bytes unpacked. */
async function unpackAnki21b(): Promise<{ files: Record<string, Uint8Array>; sqlite: Uint8Array }> {
  const files = unzipSync(await makeAnki21bApkg());
  return { files, sqlite: decompress(files['collection.anki21b']!) };
}

describe('the anki21b fixture is what Anki writes', () => {
  it('declares COLLATE unicase and WITHOUT ROWID, so a plain SQLite cannot read its note types (#11)', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database((await unpackAnki21b()).sqlite);
    try {
      const schema = new Map(db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'table'")[0]!.values.map(([name, sql]) => [String(name), String(sql)]));
      for (const table of ['notetypes', 'fields', 'templates', 'decks', 'deck_config', 'tags']) expect(schema.get(table)).toMatch(/collate unicase/i);
      for (const table of ['fields', 'templates', 'tags', 'config', 'graves']) expect(schema.get(table)).toMatch(/without rowid\s*$/i);
      expect(db.exec('SELECT ver FROM col')[0]!.values).toEqual([[18]]);
      // The failure every real anki21b package met before the reader rewrote the schema.
      expect(() => db.exec('SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')).toThrow(/no query solution/);
      expect(() => db.exec('SELECT ntid, ord, config FROM templates')).toThrow(/no such collation sequence: unicase/);
    } finally {
      db.close();
    }
  });
});

/** An anki21b package with its collection replaced. */
async function anki21bWith(sqlite: Uint8Array | ((compressed: Uint8Array) => Uint8Array)): Promise<Uint8Array> {
  const { files } = await unpackAnki21b();
  const collection = typeof sqlite === 'function' ? sqlite(files['collection.anki21b']!) : zstdStored(sqlite);
  return zipSync({ ...files, 'collection.anki21b': collection });
}

const RAW_SQLITE = /sqlite|no such|no query|malformed|SQL|disk image/i;

describe('broken Anki packages', () => {
  it('a truncated zip, a zip without a collection and a non-zip each say what is wrong', async () => {
    const whole = await makeLegacyApkg();
    const truncated = await importFailure(readAnkiPackage(whole.subarray(0, whole.length - 200), 'cut.apkg'));
    expect(truncated.code).toBe('malformed');
    expect(truncated.message).toMatch(/^cut\.apkg: the package is damaged or incomplete/);
    expect((await importFailure(readAnkiPackage(zipSync({ 'notes.txt': new Uint8Array([65]) }), 'x.apkg'))).message).toMatch(/holds no Anki collection/);
    expect((await importFailure(readAnkiPackage(new TextEncoder().encode('front,back'), 'y.apkg'))).code).toBe('wrong-type');
    const garbage = zipSync({ 'collection.anki2': new TextEncoder().encode('not sqlite at all') });
    expect((await importFailure(readAnkiPackage(garbage, 'z.apkg'))).message).toBe(
      'z.apkg: collection.anki2 inside the package is damaged (it is not an SQLite database). Export the deck from Anki again.',
    );
  });

  it('a collection cut short, inside a whole zip, is called incomplete and shows no SQLite message', async () => {
    const { sqlite } = await unpackAnki21b();
    const error = await importFailure(readAnkiPackage(await anki21bWith(sqlite.subarray(0, 4096 * 3)), 'half.apkg'));
    expect(error.code).toBe('malformed');
    expect(error.message).toBe('half.apkg: collection.anki21b inside the package is damaged or incomplete, so its cards cannot be read. Export the deck from Anki again.');
    expect(error.message.replace('collection.anki21b', '')).not.toMatch(RAW_SQLITE);
  });

  it('a cut zstd stream and overwritten database pages are reported as damage, not as SQLite errors', async () => {
    const cutStream = await importFailure(readAnkiPackage(await anki21bWith((zstd) => zstd.subarray(0, 5000)), 'cut-zstd.apkg'));
    expect(cutStream.message).toMatch(/^cut-zstd\.apkg: collection\.anki21b inside the package is damaged or incomplete \(its zstd compression/);

    const { sqlite } = await unpackAnki21b();
    const scribbled = Uint8Array.from(sqlite);
    // Keep the header and the schema page; every page after it becomes noise.
    for (let i = 4096; i < scribbled.length; i += 1) scribbled[i] = (i * 7919) % 251;
    const corrupt = await importFailure(readAnkiPackage(await anki21bWith(scribbled), 'corrupt.apkg'));
    expect(corrupt.code).toBe('malformed');
    expect(corrupt.message).toMatch(/^corrupt\.apkg: collection\.anki21b inside the package /);
    expect(corrupt.message.replace('collection.anki21b', '')).not.toMatch(RAW_SQLITE);
  });

  it('a damaged media map loses the images, not the cards', async () => {
    const { files } = await unpackAnki21b();
    const collection = await readAnkiPackage(zipSync({ ...files, media: zstdStored(Uint8Array.from([0x0a, 0xff])) }), 'm.apkg');
    expect(collection.notes).toHaveLength(4);
    expect(collection.media.size).toBe(0);
  });
});

describe('a newer export of the same Anki deck (#11)', () => {
  it('under another file name, updates the deck in place by note guid and (note, ordinal)', async () => {
    const [basic, reversed, cloze] = FIXTURE_NOTES as [FixtureNote, FixtureNote, FixtureNote];
    // Every card in Anki's "Default" deck, so the title comes from the file name.
    const inDefault = { decks: [], deckOf: () => 1 };
    const read = async (name: string, notes: FixtureNote[]) => {
      const bytes = await makeAnki21bApkg({ ...inDefault, notes, cards: [[1, 0], [2, 0], [2, 1], [3, 0], [3, 1], [5, 0]] });
      return ankiCollectionToDeck(await readAnkiPackage(bytes, name), name, toMarkdown);
    };
    const first = await read('update1.apkg', [basic, reversed, cloze]);
    const stored = toUserDeck(first, undefined, 1000);
    expect(stored.id).toBe('user.update1');

    const edited: FixtureNote = [basic[0], basic[1], basic[2], ['What is <b>ADP</b>?', basic[3][1]!]];
    const added: FixtureNote = [5, 'g.new', basic[2], ['New note', 'here']];
    const second = retargetAnkiImport(await read('update2.apkg', [edited, reversed, added]), [stored]);
    expect(second).toMatchObject({ slug: 'update1', title: 'update1' });
    expect(compareWithExisting(second, stored)).toEqual({ isNewDeck: false, added: 1, changed: 1, unchanged: 2, removed: 2 });
    const updated = toUserDeck(second, stored, 2000);
    expect(updated).toMatchObject({ id: stored.id, createdAt: 1000, updatedAt: 2000 });
    // Card ids, which progress is keyed by, stay for every card that stays.
    expect(updated.cards.map((c) => c.id)).toEqual(['anki-g_2ebasic-0', 'anki-g_2frev_2b1-0', 'anki-g_2frev_2b1-1', 'anki-g_2enew-0']);
  });
});

describe.each([
  ['collection.anki2 (names with "::")', makeLegacyApkg],
  ['collection.anki21b (names with U+001F)', makeAnki21bApkg],
])('a package spread over subdecks, %s', (_name, make) => {
  it('become one deck each under the deck holding them all, levels between included (#11)', async () => {
    const options = {
      decks: [[2000, 'Course'], [2001, 'Course::Week 1'], [2003, 'Course::Part A::Lab']] as const,
      deckOf: (noteId: number) => (noteId <= 2 ? 2001 : noteId === 3 ? 2003 : 2000),
    };
    const deck = ankiCollectionToDeck(await readAnkiPackage(await make(options), 'course.apkg'), 'course.apkg', toMarkdown);
    expect(deck.title).toBe('Course');
    expect(deck.cards.map((c) => c.id)).toEqual(['anki-g_2exss-0']);
    expect(deck.subdecks?.map((sub) => [sub.path, sub.title, sub.cards.map((c) => c.id)])).toEqual([
      [['Part A'], 'Part A', []],
      [['Part A', 'Lab'], 'Lab', ['anki-g_2ecloze-0', 'anki-g_2ecloze-1']],
      [['Week 1'], 'Week 1', ['anki-g_2ebasic-0', 'anki-g_2frev_2b1-0', 'anki-g_2frev_2b1-1']],
    ]);
    // Tags are the note's own again: the deck a card is in is its deck, not a tag.
    expect(deck.subdecks?.[2]?.cards[0]?.tags).toEqual(['bio', 'cells']);
    expect(importedFamily(deck).map((m) => [m.slug, m.parentSlug, m.media?.map((f) => f.name)])).toEqual([
      ['course', undefined, []],
      ['course-part-a', 'course', []],
      ['course-part-a-lab', 'course-part-a', []],
      ['course-week-1', 'course', ['cell.png']],
    ]);
    expect(compareWithExisting(deck, undefined)).toMatchObject({ isNewDeck: true, added: 6 });
  });

  it('all in one subdeck is one deck, titled by its path', async () => {
    const options = { decks: [[2001, 'Course::Week 1']] as const, deckOf: () => 2001 };
    const deck = ankiCollectionToDeck(await readAnkiPackage(await make(options), 'course.apkg'), 'course.apkg', toMarkdown);
    expect(deck.title).toBe('Course / Week 1');
    expect(deck.subdecks).toBeUndefined();
  });
});

describe('Anki media', () => {
  it('keeps only images and sounds present in the package and of a type that cannot run script', () => {
    const collection = {
      notetypes: [{ id: 1, isCloze: false, fieldNames: ['F', 'B'], templates: [{ ord: 0, questionFormat: '{{F}}', answerFormat: '{{B}}' }] }],
      notes: [{ id: 1, guid: 'g', notetypeId: 1, fields: ['Q <img src="a.png"><img src=evil.svg>', 'A [sound:x.mp3][sound:gone.ogg][sound:run.exe]<img src="gone.jpg">'], tags: [] }],
      cards: [{ id: 1, noteId: 1, ord: 0, deckId: 1, type: 0, queue: 0, due: 1, intervalDays: 0, easePermille: 0, reps: 0, lapses: 0, modifiedSecs: 0 }],
      createdSecs: 0,
      schedulerVersion: 2,
      revlog: [],
      deckNames: new Map(),
      media: new Map([
        ['a.png', new Uint8Array([1])],
        ['evil.svg', new Uint8Array([2])],
        ['x.mp3', new Uint8Array([3])],
        ['run.exe', new Uint8Array([4])],
      ]),
    };
    const deck = ankiCollectionToDeck(collection, 'm.apkg', toMarkdown);
    // A sound is an image node naming the sound file, which the card shows as a play button.
    expect(deck.cards[0]).toMatchObject({ front: 'Q ![](media/a.png)', back: 'A ![x.mp3](media/x.mp3)' });
    expect(deck.media?.map((m) => [m.name, m.mimeType])).toEqual([['a.png', 'image/png'], ['x.mp3', 'audio/mpeg']]);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'm.apkg: 4 media file(s) were left out, missing from the package or of a type Flipdeck does not keep (it shows PNG, JPEG, GIF, WebP and AVIF images, and plays MP3, M4A, AAC, OGG, Opus, WAV, FLAC and WebM sounds; never SVG).',
    ]);
  });
});

describe('inline styles', () => {
  it('are removed from every tag, whatever the quoting, and nothing else is', () => {
    expect(withoutStyleAttributes('<span style="color: red">a</span><img src="x.png" style=\'width:1px\' alt="s>t">')).toBe('<span>a</span><img src="x.png" alt="s>t">');
    expect(withoutStyleAttributes('<p title="a>b" style=color:red data-style="kept">style="text" 1 < 2</p>')).toBe('<p title="a>b" data-style="kept">style="text" 1 < 2</p>');
  });
});

describe('Basic (type in the answer) (#11)', () => {
  it.each([
    ['anki21', makeAnki21Apkg],
    ['anki21b', makeAnki21bApkg],
  ])('imports as a type-in card that keeps its Back field as the answer (%s)', async (_layout, make) => {
    const notes: FixtureNote[] = [[7, 'g.typein', NOTETYPE_IDS.typeIn, ['Capital of <b>France</b>?', 'Paris']]];
    const collection = await readAnkiPackage(await make({ notes, cards: [[7, 0]] }), 'capitals.apkg');
    const deck = ankiCollectionToDeck(collection, 'capitals.apkg', toMarkdown);
    expect(deck.cards.map((c) => [c.id, c.front, c.back, c.typeAnswer])).toEqual([['anki-g_2etypein-0', 'Capital of **France**?', 'Paris', true]]);
  });
});

describe('Anki templates', () => {
  const fields = new Map([
    ['Front', 'Q'],
    ['Extra', ''],
  ]);
  it('honours sections, filters and type-in fields', () => {
    const context = { frontSide: '', clozeNumber: 1, side: 'front' as const };
    expect(renderTemplate('{{Front}}{{#Extra}}<i>{{Extra}}</i>{{/Extra}}{{^Extra}} (no extra){{/Extra}}{{type:Front}}{{text:Front}}', fields, context)).toBe('Q (no extra)Q');
  });

  it('hides only the current cloze, with its hint', () => {
    expect(renderCloze('{{c1::a}} {{c2::b::hint}} {{c1::c}}', 2, 'front')).toBe('a [hint] c');
    expect(renderCloze('{{c1::a}} {{c2::b::hint}}', 1, 'back')).toBe('<b>a</b> b');
  });
});

describe('the card limit', () => {
  it('refuses a package over 50,000 cards by counting them, before any is read or converted', async () => {
    const count = 50_001;
    const notes = Array.from({ length: count }, (_, i) => [i + 1, `g${i}`, 1001, [`Q${i}`, `A${i}`]] as const);
    const cards = notes.map(([id]) => [id, 0] as const);
    const bytes = await makeLegacyApkg({ notes, cards });
    const converted: string[] = [];
    const error = await importFailure(readAnkiPackage(bytes, 'huge.apkg').then((c) => ankiCollectionToDeck(c, 'huge.apkg', (html) => (converted.push(html), html))));
    expect(error.code).toBe('too-large');
    expect(error.issues.map((i) => i.message)).toEqual([
      'huge.apkg: 50,001 cards; the limit is 50,000 cards per import. Split it into smaller decks (in Anki: export each subdeck on its own).',
    ]);
    expect(converted).toEqual([]);
  }, 60_000);
});
