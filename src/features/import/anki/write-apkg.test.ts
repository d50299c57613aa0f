import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_11 } from '../../../../scripts/apkg-fixtures.mjs';
import type { Card } from '../../../domain/deck/types';
import { ankiOrigin, buildAnkiPackageRows, type AnkiExportInput } from '../../../domain/export/anki-package';
import { markdownToAnkiHtml } from '../../../domain/export/anki-html';
import { ankiCollectionToDeck } from '../../../domain/import/anki-collection';
import { asCardId, asDeckId, type CardId, type DeckId } from '../../../domain/ids';
import { createScheduler } from '../../../domain/scheduling/scheduler';
import { newCardState } from '../../../domain/scheduling/new-card';
import type { CardState, Rating, ReviewLogEntry } from '../../../domain/scheduling/types';
import { DEFAULT_SETTINGS } from '../../../domain/settings/study-settings';
import { createHtmlToMarkdown } from './html-to-markdown';
import { readAnkiPackage } from './read-apkg';
import { ANKI_SCHEMA_11_SQL, writeAnkiCollection, zipAnkiPackage } from './write-apkg';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const DAY = 86_400_000;
const ROOT = asDeckId('user.biology');
const SUB = asDeckId('user.biology-cells');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const card = (id: string, front: string, back: string, extra: Partial<Card> = {}): Card => ({ id: asCardId(id), front, back, tags: [], ...extra });

const rootCards: Card[] = [
  card('anki-g_2ebasic-0', 'What is **ATP**?', 'Energy currency\n\n![](media/cell.png)', { tags: ['bio'] }),
  card('anki-g_2frev_2b1-0', 'perro', 'dog'),
  card('anki-g_2frev_2b1-1', 'dog', 'perro'),
  card('capital', 'Capital of France?', 'Paris', { typeAnswer: true }),
  card('mito::1', '{{c1::Mitochondria}} make {{c2::ATP}}', 'Extra', { noteId: 'mito', clozeNumber: 1 }),
  card('mito::2', '{{c1::Mitochondria}} make {{c2::ATP}}', 'Extra', { noteId: 'mito', clozeNumber: 2 }),
];
const subCards: Card[] = [card('membrane', 'What surrounds a cell?', 'The membrane'), card('wall', 'Do plant cells have a wall?', 'Yes')];

/** Grades a card through the app's scheduler, as the event log would record it. */
function study(deckId: DeckId, cardId: CardId, ratings: readonly [Rating, number][]): { state: CardState; reviews: ReviewLogEntry[] } {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  let state = newCardState(deckId, cardId, ratings[0]![1]);
  let before: CardState | null = null;
  const reviews: ReviewLogEntry[] = [];
  for (const [rating, at] of ratings) {
    const after = scheduler.grade(state, rating, at);
    reviews.push({ id: `r${reviews.length}-${cardId}`, deckId, cardId, rating, reviewedAt: at, answerMs: 4200, before, after });
    before = after;
    state = after;
  }
  return { state, reviews };
}

function exportInput(): AnkiExportInput {
  const atp = study(ROOT, rootCards[0]!.id, [['good', NOW - 10 * DAY], ['good', NOW - 10 * DAY + 600_000], ['good', NOW - 5 * DAY]]);
  // Reviewed in the same millisecond as the first review of ATP: the revlog ids must still differ.
  const dog = study(ROOT, rootCards[1]!.id, [['again', NOW - 10 * DAY], ['good', NOW - 9 * DAY]]);
  const membrane = study(SUB, subCards[0]!.id, [['easy', NOW - 3 * DAY]]);
  const wall = study(SUB, subCards[1]!.id, [['good', NOW - 3 * DAY]]);
  return {
    decks: [
      { id: ROOT, path: ['Biology'], cards: rootCards },
      { id: SUB, path: ['Biology', 'Cells'], cards: subCards },
    ],
    states: [atp.state, { ...dog.state, isSuspended: true }, membrane.state, { ...wall.state, buriedUntil: NOW + DAY }],
    reviews: [...atp.reviews, ...dog.reviews, ...membrane.reviews, ...wall.reviews],
    mediaNames: ['cell.png'],
    nowMs: NOW,
  };
}

async function writePackage(input: AnkiExportInput): Promise<Uint8Array> {
  const collection = await writeAnkiCollection(buildAnkiPackageRows(input));
  return zipAnkiPackage(collection, [{ name: 'cell.png', bytes: PNG }]);
}

const toMarkdown = createHtmlToMarkdown();

describe('an exported Anki package (#11)', () => {
  it('reads back with the importer: the same cards, their guids, the deck tree and every review', async () => {
    const bytes = await writePackage(exportInput());
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['0', 'collection.anki21', 'media']);
    const collection = await readAnkiPackage(bytes, 'biology.apkg');
    expect([...collection.deckNames.values()].sort()).toEqual(['Biology', 'Biology::Cells', 'Default']);
    expect(collection.notes.map((note) => note.guid).slice(0, 2)).toEqual(['g/rev+1', 'fd' + collection.notes[1]!.guid.slice(2)]);
    expect(collection.notes.map((note) => note.guid)).toContain('g.basic');
    expect(collection.revlog).toHaveLength(7);
    expect(new Set(collection.revlog.map((row) => row.id)).size).toBe(7);
    expect(collection.media.get('cell.png')).toEqual(PNG);

    const deck = ankiCollectionToDeck(collection, 'biology.apkg', toMarkdown);
    expect(deck.title).toBe('Biology');
    const ids = (cards: readonly Card[]) => cards.map((c) => c.id).sort();
    // Imported cards come back under their own ids; the reversed pair is one note again.
    expect(ids(deck.cards)).toEqual(expect.arrayContaining(['anki-g_2ebasic-0', 'anki-g_2frev_2b1-0', 'anki-g_2frev_2b1-1']));
    expect(deck.cards).toHaveLength(6);
    expect(deck.subdecks?.map((sub) => [sub.path, sub.cards.length])).toEqual([[['Cells'], 2]]);
    const byFront = new Map(deck.cards.map((c) => [c.front, c]));
    expect(byFront.get('What is **ATP**?')?.back).toBe('Energy currency\n\n![](media/cell.png)');
    expect(byFront.get('Capital of France?')).toMatchObject({ back: 'Paris', typeAnswer: true });
    expect(deck.cards.filter((c) => c.front.includes('make'))).toHaveLength(2);
    expect(deck.history?.reviewCount).toBe(7);
    expect(deck.history?.suspendedCount).toBe(1);
    expect(deck.history?.buriedCount).toBe(1);
  });

  it('writes image occlusion cards as one Image Occlusion note that reads back as the same cards', async () => {
    const shapes = [
      { kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.3, height: 0.2 },
      { kind: 'ellipse', ordinal: 2, left: 0.5, top: 0.1, width: 0.3, height: 0.2 },
      { kind: 'polygon', ordinal: 2, points: [[0.2, 0.6], [0.5, 0.6], [0.35, 0.9]] },
    ] as const;
    const occlusionCard = (ord: number, mode: 'hide-all' | 'hide-one') =>
      card(`anki-g_2eio-${ord}`, 'Parts of the **heart**', 'From the atlas', { occlusion: { image: 'media/cell.png', ordinal: ord + 1, mode, shapes } });
    const cards = [occlusionCard(0, 'hide-all'), occlusionCard(1, 'hide-one')];
    const rows = buildAnkiPackageRows({ decks: [{ id: ROOT, path: ['Heart'], cards }], states: [], reviews: [], mediaNames: ['cell.png'], nowMs: NOW });
    expect(rows.notes).toHaveLength(1);
    expect(rows.notes[0]![6].split('\x1f').slice(0, 2)).toEqual([
      '{{c1::image-occlusion:rect:left=.1000:top=.1000:width=.3000:height=.2000:oi=1}}<br>' +
        '{{c2::image-occlusion:ellipse:left=.5000:top=.1000:rx=.1500:ry=.1000}}<br>' +
        '{{c2::image-occlusion:polygon:points=.2000,.6000 .5000,.6000 .3500,.9000}}<br>',
      '<img src="cell.png">',
    ]);
    const collection = await readAnkiPackage(zipAnkiPackage(await writeAnkiCollection(rows), [{ name: 'cell.png', bytes: PNG }]), 'heart.apkg');
    expect(collection.notetypes.find((nt) => nt.id === collection.notes[0]!.notetypeId)?.originalStockKind).toBe(6);
    const deck = ankiCollectionToDeck(collection, 'heart.apkg', toMarkdown);
    expect(deck.cards.map((c) => [c.id, c.front, c.back, c.occlusion])).toEqual(cards.map((c) => [c.id, c.front, c.back, c.occlusion]));
  });

  it('gives each card the scheduling columns of its current state, and FSRS memory in cards.data', async () => {
    const input = exportInput();
    const rows = buildAnkiPackageRows(input);
    const cardOf = (noteGuid: string, ord = 0) => {
      const note = rows.notes.find((n) => n[1] === noteGuid)!;
      return rows.cards.find((c) => c[1] === note[0] && c[3] === ord)!;
    };
    const atp = input.states[0]!;
    const [, , , , , , type, queue, due, ivl, factor, reps, , , , , , data] = cardOf('g.basic');
    expect([type, queue, ivl, factor, reps]).toEqual([2, 2, Math.round(atp.scheduledDays), 2500, 3]);
    expect(due).toBe(Math.floor((atp.dueAt / 1000 - Number(rows.col[0])) / 86_400));
    expect(JSON.parse(data)).toEqual({ s: Number(atp.stability.toFixed(4)), d: Number(atp.difficulty.toFixed(3)) });
    expect(cardOf('g/rev+1', 0)[7]).toBe(-1);
    const newCard = rows.cards.find((c) => c[6] === 0)!;
    expect([newCard[7], newCard[17]]).toEqual([0, '{}']);
    // The buried subdeck card.
    expect(rows.cards.filter((c) => c[7] === -3)).toHaveLength(1);
    // Revlog: the first answer of a new card is a learning entry; ids are review times, made unique.
    expect(rows.revlog[0]![8]).toBe(0);
    expect(rows.revlog.map((r) => r[0])).toEqual([...rows.revlog.map((r) => r[0])].sort((a, b) => a - b));
    expect(rows.revlog[0]![0]).toBe(NOW - 10 * DAY);
    expect(rows.revlog[1]![0]).toBe(NOW - 10 * DAY + 1);
  });

  it('declares exactly Anki\'s schema 11', async () => {
    const SQL = await initSqlJs();
    const schemaOf = (db: InstanceType<typeof SQL.Database>) =>
      (db.exec("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")[0]?.values ?? []).map(([type, name, table, sql]) => [
        type,
        name,
        table,
        String(sql).replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ,/g, ',').replace(/ +/g, ' '),
      ]);
    const written = new SQL.Database(await writeAnkiCollection(buildAnkiPackageRows(exportInput())));
    const reference = new SQL.Database();
    for (const statement of SCHEMA_11) reference.run(statement);
    expect(schemaOf(written)).toEqual(schemaOf(reference));
    expect(written.exec('SELECT ver FROM col')[0]?.values).toEqual([[11]]);
    expect(ANKI_SCHEMA_11_SQL).toContain('create index ix_notes_csum on notes (csum);');
  });

  it('finds the guid of a card imported from Anki, and no guid in other ids', () => {
    expect(ankiOrigin('anki-g_2frev_2b1-1')).toEqual({ guid: 'g/rev+1', ord: 1 });
    expect(ankiOrigin('anki-g_2ebasic-0-2')).toBeNull();
    expect(ankiOrigin('capital')).toBeNull();
  });
});

describe('card Markdown as Anki field HTML', () => {
  it('escapes text and turns the Markdown cards use into tags', () => {
    expect(markdownToAnkiHtml('1 < 2 & "x"')).toBe('1 &lt; 2 &amp; &quot;x&quot;');
    expect(markdownToAnkiHtml('**bold** and *it* `a<b`\nnext')).toBe('<b>bold</b> and <i>it</i> <code>a&lt;b</code><br>next');
    expect(markdownToAnkiHtml('- one\n- two\n\n![](media/cell.png) ![](media/gone.png)', new Set(['cell.png']))).toBe(
      '<ul><li>one</li><li>two</li></ul><div><img src="cell.png"> ![](media/gone.png)</div>',
    );
    expect(markdownToAnkiHtml('{{c1::Mitochondria::organelle}} make ATP')).toBe('{{c1::Mitochondria::organelle}} make ATP');
    expect(markdownToAnkiHtml('hola ![hola.wav](media/hola.wav)', new Set(['hola.wav']))).toBe('hola [sound:hola.wav]');
  });
});
