// Builds small Anki packages for the tests, in every layout Anki writes, so no opaque binary is
// checked in: `node scripts/apkg-fixtures.mjs <out-dir>` writes them; tests import the builders.
//
// The collections follow Anki's own schema, statement for statement, so the tests meet what real
// exports hold (ankitects/anki, rslib/src/storage/):
//   schema11.sql                      col, notes, cards, revlog, graves and their indexes
//   upgrades/schema14_upgrade.sql     deck_config (name COLLATE unicase), config and tags
//                                     (both WITHOUT ROWID)
//   upgrades/schema15_upgrade.sql     fields and templates (WITHOUT ROWID, name COLLATE unicase,
//                                     unique (name, ntid) indexes), notetypes (unique name index),
//                                     decks (name is the COLLATE unicase primary key), ANALYZE
//   upgrades/schema17_upgrade.sql     tags again: tag COLLATE unicase primary key, WITHOUT ROWID
//   upgrades/schema18_upgrade.sql     graves again: (oid, type) primary key, WITHOUT ROWID
// and proto/anki/notetypes.proto for the notetype, field and template configs (field by field,
// including the ten-byte varints of negative field ids and the `other` JSON at field 255). The
// media map (MediaEntries: name, size, sha1), meta (PackageMetadata.version = 3) and the deck
// (Deck.Common, Deck.KindContainer.normal) and deck-config blobs follow import_export.proto,
// decks.proto and deck_config.proto, filling only a few fields; the reader does not read the
// deck or deck-config blobs.
// sql.js cannot create a `unicase` column (it has no such collation), so each statement runs with
// NOCASE in its place and sqlite_schema then gets Anki's exact text back (writable_schema): the
// file says what Anki's says, which is what made every real anki21b package unreadable.
//
// Layouts (zip members):
//   anki2    collection.anki2 (schema 11, note types as JSON in col.models), media (JSON), 0
//   anki21   collection.anki21 (schema 11, Anki 2.1.x), collection.anki2 ("please update" stub),
//            media (JSON), 0
//   anki21b  collection.anki21b (zstd, schema 18), collection.anki2 (stub), media (zstd
//            protobuf MediaEntries), meta (PackageMetadata, version 3), 0 (zstd)
// The zstd frames use raw (stored) blocks: valid zstd that any decoder reads, written without a
// compressor. The collection's frame leaves out the content size, as Anki's streaming encoder does.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { zipSync } from 'fflate';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');

const SEP = '\x1f';
const BASIC = 1001;
const REVERSED = 1002;
const CLOZE = 1003;
const TYPE_IN = 1004;
const IMAGE_OCCLUSION = 1005;
/** The note type ids, for tests that make notes of their own. */
export const NOTETYPE_IDS = { basic: BASIC, reversed: REVERSED, cloze: CLOZE, typeIn: TYPE_IN, imageOcclusion: IMAGE_OCCLUSION };
const DECK = 2001;
/** Fixed times (epoch seconds / ms) so every build is byte-identical. */
const MTIME_SECS = 1_700_000_000;
const CREATED_MS = MTIME_SECS * 1000;
export const COLLECTION_CREATED_SECS = MTIME_SECS;

/** The notes every fixture holds: [id, guid, note type, fields]. */
export const FIXTURE_NOTES = [
  // Anki's editor writes inline styles; Flipdeck drops them, and the CSP forbids applying them.
  [1, 'g.basic', BASIC, ['What is <b>ATP</b>?', 'Energy <span style="color: rgb(0, 0, 255);">currency</span><br><img src="cell.png" style="width: 50%;">']],
  [2, 'g/rev+1', REVERSED, ['<span style="font-size: 18px;">perro</span>', 'dog']],
  [3, 'g.cloze', CLOZE, ['{{c1::Mitochondria}} make {{c2::ATP::molecule}}', 'Extra <i>info</i>']],
  [4, 'g.xss', BASIC, ['<img src=x onerror="alert(1)">XSS front', '<script>alert(2)</script><a href="javascript:alert(3)">click me</a> <svg onload="alert(4)"></svg>']],
];
/** [note id, card ord]: which cards Anki generated. */
const FIXTURE_CARDS = [
  [1, 0],
  [2, 0],
  [2, 1],
  [3, 0],
  [3, 1],
  [4, 0],
];
/** A real 1x1 PNG, so the browser test can check that the image decodes. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
/**
 * Image Occlusion notes as Anki's mask editor writes them (ts/routes/image-occlusion/shapes/
 * to-cloze.ts): one cloze per shape, `<br>` after each, coordinates as fractions written ".2500".
 * Note 11 is "hide all, guess one" (oi=1) with a grouped question (two shapes in c3); note 12 is
 * "hide one, guess one". Fields: Occlusion, Image, Header, Back Extra, Comments.
 */
export const IMAGE_OCCLUSION_NOTES = [
  [
    11,
    'g.io.all',
    IMAGE_OCCLUSION,
    [
      '{{c1::image-occlusion:rect:left=.1000:top=.1000:width=.3000:height=.2000:oi=1}}<br>' +
        '{{c2::image-occlusion:ellipse:left=.5000:top=.1000:rx=.1500:ry=.1000:oi=1}}<br>' +
        '{{c3::image-occlusion:polygon:left=.2000:top=.6000:points=.0000,.0000 .3000,.0000 .1500,.3000:oi=1}}<br>' +
        '{{c3::image-occlusion:rect:left=.6000:top=.6000:width=.2000:height=.2000:oi=1}}<br>',
      '<img src="heart.png">',
      'Parts of the <b>heart</b>',
      'From the <i>atlas</i>',
      'a comment nobody sees',
    ],
  ],
  [
    12,
    'g.io.one',
    IMAGE_OCCLUSION,
    ['{{c1::image-occlusion:rect:left=.0500:top=.0500:width=.2000:height=.1000}}<br>{{c2::image-occlusion:rect:left=.5000:top=.5000:width=.2000:height=.2000}}<br>', '<img src="heart.png">', '', '', ''],
  ],
];
/** [note id, card ord] of the occlusion notes: one card per occlusion number. */
export const IMAGE_OCCLUSION_CARDS = [
  [11, 0],
  [11, 1],
  [11, 2],
  [12, 0],
  [12, 1],
];
/** The occlusion notes' image, to pass as `media`. */
export const IMAGE_OCCLUSION_MEDIA = [['heart.png', PNG]];

const STUB_NOTE = [1, 'stub', BASIC, ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', '']];

const IO_QFMT = `{{#Header}}<div>{{Header}}</div>{{/Header}}
<div style="display: none">{{cloze:Occlusion}}</div>
<div id="err"></div>
<div id="image-occlusion-container">
    {{Image}}
    <canvas id="image-occlusion-canvas"></canvas>
</div>
<script>
try {
    anki.setupImageCloze();
} catch (exc) {
    document.getElementById("err").innerHTML = \`Error loading image occlusion. Is your Anki version up to date?<br><br>\${exc}\`;
}
</script>
`;

const NOTETYPES = [
  { id: BASIC, name: 'Basic', kind: 0, stockKind: 1, fields: ['Front', 'Back'], templates: [['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}']] },
  {
    id: REVERSED,
    name: 'Basic (and reversed card)',
    kind: 0,
    stockKind: 2,
    fields: ['Front', 'Back'],
    templates: [
      ['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'],
      ['Card 2', '{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}'],
    ],
  },
  { id: CLOZE, name: 'Cloze', kind: 1, stockKind: 5, fields: ['Text', 'Back Extra'], templates: [['Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']] },
  // Anki's stock "Basic (type in the answer)": the answer repeats {{Front}}, not {{FrontSide}}.
  {
    id: TYPE_IN,
    name: 'Basic (type in the answer)',
    kind: 0,
    stockKind: 4,
    fields: ['Front', 'Back'],
    templates: [['Card 1', '{{Front}}\n\n{{type:Back}}', '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}']],
  },
  // rslib/src/image_occlusion/notetype.rs: a cloze type, original stock kind 6, fields tagged 0-4.
  {
    id: IMAGE_OCCLUSION,
    name: 'Image Occlusion',
    kind: 1,
    stockKind: 6,
    fields: ['Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'],
    fieldTags: [0, 1, 2, 3, 4],
    templates: [['Image Occlusion', IO_QFMT, `${IO_QFMT}\n<div><button id="toggle">Toggle Masks</button></div>\n{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n`]],
  },
];
const CSS = '.card { font-family: arial; font-size: 20px; text-align: center; }';

// ---- Anki's schema, in the order Anki applies it ----

/** schema11.sql: every collection starts here. */
export const SCHEMA_11 = [
  'create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null)',
  'create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null)',
  'create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null)',
  'create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null)',
  'create table graves (usn integer not null, oid integer not null, type integer not null)',
  'create index ix_notes_usn on notes (usn)',
  'create index ix_cards_usn on cards (usn)',
  'create index ix_revlog_usn on revlog (usn)',
  'create index ix_cards_nid on cards (nid)',
  'create index ix_cards_sched on cards (did, queue, due)',
  'create index ix_revlog_cid on revlog (cid)',
  'create index ix_notes_csum on notes (csum)',
  "insert into col values (1,0,0,0,0,0,0,0,'{}','{}','{}','{}','{}')",
];

/** upgrades/schema14, 15, 17 and 18: what turns a schema-11 file into what 2.1.50+ exports. */
const UPGRADES_TO_18 = [
  // 14
  'create table deck_config (id integer primary key not null, name text not null collate unicase, mtime_secs integer not null, usn integer not null, config blob not null)',
  'create table config (key text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid',
  'create table tags (tag text not null primary key collate unicase, usn integer not null) without rowid',
  'update col set ver = 14',
  // 15
  'create table fields (ntid integer not null, ord integer not null, name text not null collate unicase, config blob not null, primary key (ntid, ord)) without rowid',
  'create unique index idx_fields_name_ntid on fields (name, ntid)',
  'create table templates (ntid integer not null, ord integer not null, name text not null collate unicase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid',
  'create unique index idx_templates_name_ntid on templates (name, ntid)',
  'create index idx_templates_usn on templates (usn)',
  'create table notetypes (id integer not null primary key, name text not null collate unicase, mtime_secs integer not null, usn integer not null, config blob not null)',
  'create unique index idx_notetypes_name on notetypes (name)',
  'create index idx_notetypes_usn on notetypes (usn)',
  'create table decks (name text not null primary key collate unicase, id integer not null, mtime_secs integer not null, usn integer not null, common bytes not null, kind bytes not null)',
  'create unique index idx_decks_id on decks (id)',
  'update col set ver = 15',
  'analyze',
  // 16 changes deck configs only; 17
  'update col set ver = 16',
  'DROP TABLE tags',
  'CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL, collapsed boolean NOT NULL, config blob NULL) without rowid',
  'update col set ver = 17',
  // 18
  'ALTER TABLE graves RENAME TO graves_old',
  'CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL, PRIMARY KEY (oid, type)) WITHOUT ROWID',
  'INSERT OR IGNORE INTO graves (oid, type, usn) SELECT oid, type, usn FROM graves_old',
  'DROP TABLE graves_old',
  'CREATE INDEX idx_graves_pending ON graves (usn)',
  'UPDATE col SET ver = 18',
];

const UNICASE = /(collate\s+)unicase\b/gi;
const STANDIN = /(collate\s+)nocase\b/gi;

/** Runs Anki's statements; a `unicase` column is created as NOCASE and renamed back afterwards. */
function runSchema(db, statements) {
  for (const sql of statements) db.run(sql.replace(UNICASE, '$1nocase'));
}

/** Puts Anki's collation name back into the stored schema text, as in a real file. */
function restoreUnicase(db) {
  const [result] = db.exec("SELECT type, name, sql FROM sqlite_master WHERE sql LIKE '%nocase%'");
  db.run('PRAGMA writable_schema = ON');
  for (const [type, name, sql] of result?.values ?? []) {
    db.run('UPDATE sqlite_master SET sql = ? WHERE type = ? AND name = ?', [String(sql).replace(STANDIN, '$1unicase'), type, name]);
  }
  db.run('PRAGMA writable_schema = OFF');
}

// ---- Protobuf, just what the blobs use ----
const varint = (n) => {
  const out = [];
  let value = BigInt.asUintN(64, BigInt(n));
  while (value > 0x7fn) {
    out.push(Number(value & 0x7fn) | 0x80);
    value >>= 7n;
  }
  out.push(Number(value));
  return out;
};
const pbBytes = (field, bytes) => [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
const pbString = (field, text) => pbBytes(field, new TextEncoder().encode(text));
/** proto3 leaves out fields at their default value; so do we. */
const pbVarint = (field, n) => (n === 0 ? [] : [...varint(field << 3), ...varint(n)]);
/** Packed repeated float (wire type 2). */
const pbFloats = (field, values) => pbBytes(field, values.flatMap((v) => [...new Uint8Array(Float32Array.of(v).buffer)]));
const pb = (...parts) => Uint8Array.from(parts.flat());

/** Notetype.Config: kind, sort field, css, LaTeX, card requirements, stock kind, other (JSON). */
const notetypeConfig = (nt) =>
  pb(
    pbVarint(1, nt.kind),
    pbString(3, CSS),
    pbString(5, '\\documentclass[12pt]{article}\n\\begin{document}\n'),
    pbString(6, '\\end{document}'),
    ...nt.templates.map((_t, ord) => pbBytes(8, [...pbVarint(1, ord), ...pbVarint(2, 1), ...pbVarint(3, ord === 0 ? 0 : 1)])),
    pbVarint(9, nt.stockKind),
    pbString(255, '{"vers":[]}'),
  );
/** Notetype.Field.Config: font, size and a random id (a negative int32: a ten-byte varint). */
const fieldConfig = (nt, ord) => {
  const tag = nt.fieldTags?.[ord];
  // Image Occlusion's fields carry their role (tag, an optional field: 0 is written) and the
  // Occlusion and Image fields cannot be deleted.
  const ioParts = tag === undefined ? [] : [[...varint(10 << 3), ...varint(tag)], pbVarint(11, tag <= 1 ? 1 : 0)];
  return pb(pbString(3, 'Arial'), pbVarint(4, 20), pbVarint(9, -1_234_567 - ord), ...ioParts, pbString(255, '{"media":[]}'));
};
/** Notetype.Template.Config: question and answer formats, a template id. */
const templateConfig = (qfmt, afmt, ord) => pb(pbString(1, qfmt), pbString(2, afmt), pbVarint(8, 987_654_321 + ord));
/** Deck.Common and Deck.KindContainer { normal: Deck.Normal { config_id, description } }. */
const deckCommon = () => pb(pbVarint(1, 1), pbString(255, '{}'));
const deckKind = (description) => pb(pbBytes(1, [...pbVarint(1, 1), ...pbString(4, description)]));
/** DeckConfig.Config: learning and relearning steps, new and review limits. */
const deckConfigConfig = () => pb(pbFloats(1, [1, 10]), pbFloats(2, [10]), pbVarint(9, 20), pbVarint(10, 200));

// ---- Collections ----

/**
 * The cards of `notes`; each card goes to `deckOf(noteId, ord)` (default: Biology::Cells). A card
 * is new unless `schedule` gives it Anki's scheduling columns for (note id, ord).
 */
function fillNotesAndCards(db, notes, cards, deckOf, schedule) {
  for (const [id, guid, mid, fields] of notes) {
    const csum = Number.parseInt(createHash('sha1').update(fields[0]).digest('hex').slice(0, 8), 16);
    db.run('INSERT INTO notes VALUES (?,?,?,?,-1,?,?,?,?,0,?)', [id, guid, mid, MTIME_SECS, id === 1 ? ' bio cells ' : '', fields.join(SEP), fields[0], csum, '']);
  }
  const noteIds = new Set(notes.map(([id]) => id));
  cards
    .filter(([nid]) => noteIds.has(nid))
    .forEach(([nid, ord]) => {
      const s = { type: 0, queue: 0, due: cardIdOf(cards, nid, ord) - CREATED_MS + 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, mod: MTIME_SECS, ...schedule(nid, ord) };
      // cards: id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data
      db.run('INSERT INTO cards VALUES (?,?,?,?,?,-1,?,?,?,?,?,?,?,?,0,0,0,?)', [
        cardIdOf(cards, nid, ord), nid, deckOf(nid, ord), ord, s.mod, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses, s.left, '{}',
      ]);
    });
}

const cardIndexes = new WeakMap();

/** Anki card ids are creation times in ms; fixture cards are made one ms apart, in list order. */
function cardIdOf(cards, nid, ord) {
  let indexes = cardIndexes.get(cards);
  if (!indexes) {
    indexes = new Map(cards.map(([n, o], i) => [`${n}:${o}`, i]));
    cardIndexes.set(cards, indexes);
  }
  const index = indexes.get(`${nid}:${ord}`);
  if (index === undefined) throw new Error(`no fixture card (${nid}, ${ord})`);
  return CREATED_MS + index;
}

/**
 * revlog rows as Anki writes them (rslib/src/revlog/mod.rs): id = epoch ms of the answer, ease =
 * the button (1-4, 0 for a manual entry), ivl and lastIvl in days (negative: seconds), factor =
 * ease x1000 after the answer, time = ms taken, type 0 learn, 1 review, 2 relearn, 3 filtered,
 * 4 manual (reset or set due date), 5 rescheduled.
 */
function fillRevlog(db, cards, revlog) {
  for (const entry of revlog) {
    db.run('INSERT INTO revlog VALUES (?,?,-1,?,?,?,?,?,?)', [
      entry.id, cardIdOf(cards, entry.nid, entry.ord), entry.ease, entry.ivl ?? 0, entry.lastIvl ?? 0, entry.factor ?? 0, entry.time ?? 0, entry.type,
    ]);
  }
}

/** @typedef {{ notes?: typeof FIXTURE_NOTES, cards?: typeof FIXTURE_CARDS, decks?: [number, string][], deckOf?: (noteId: number, ord: number) => number, schedule?: (noteId: number, ord: number) => object | undefined, revlog?: object[], schedVer?: number, media?: [string, Uint8Array][] }} FixtureOptions */

const defaults = (options = {}) => ({
  notes: options.notes ?? FIXTURE_NOTES,
  cards: options.cards ?? FIXTURE_CARDS,
  decks: options.decks ?? [[DECK, 'Biology::Cells']],
  deckOf: options.deckOf ?? (() => DECK),
  schedule: options.schedule ?? (() => undefined),
  revlog: options.revlog ?? [],
  schedVer: options.schedVer ?? 2,
});

/** A schema-11 collection (collection.anki2 / collection.anki21): everything but notes is JSON in col. */
async function schema11Collection(options) {
  const { notes, cards, decks, deckOf, schedule, revlog, schedVer } = defaults(options);
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  runSchema(db, SCHEMA_11);
  const models = Object.fromEntries(
    NOTETYPES.map((nt) => [
      String(nt.id),
      {
        id: nt.id,
        name: nt.name,
        type: nt.kind,
        mod: MTIME_SECS,
        usn: -1,
        sortf: 0,
        did: DECK,
        css: CSS,
        latexPre: '',
        latexPost: '',
        tags: [],
        vers: [],
        req: nt.templates.map((_t, ord) => [ord, 'any', [ord === 0 ? 0 : 1]]),
        originalStockKind: nt.stockKind,
        flds: nt.fields.map((name, ord) => ({
          name,
          ord,
          sticky: false,
          rtl: false,
          font: 'Arial',
          size: 20,
          media: [],
          ...(nt.fieldTags ? { tag: nt.fieldTags[ord], preventDeletion: nt.fieldTags[ord] <= 1 } : {}),
        })),
        tmpls: nt.templates.map(([name, qfmt, afmt], ord) => ({ name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
      },
    ]),
  );
  const deckJson = (id, name) => ({ id, name, mod: MTIME_SECS, usn: -1, desc: '', dyn: 0, conf: 1, collapsed: false, extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] });
  const deckMap = Object.fromEntries([[1, 'Default'], ...decks].map(([id, name]) => [String(id), deckJson(id, name)]));
  const dconf = { 1: { id: 1, name: 'Default', mod: 0, usn: 0, new: { perDay: 20, delays: [1, 10] }, rev: { perDay: 200 }, lapse: { delays: [10] } } };
  db.run('UPDATE col SET crt = ?, mod = ?, scm = ?, ver = 11, conf = ?, models = ?, decks = ?, dconf = ?, tags = ?', [
    MTIME_SECS,
    CREATED_MS,
    CREATED_MS,
    JSON.stringify({ nextPos: 1, schedVer, activeDecks: [1], curDeck: 1 }),
    JSON.stringify(models),
    JSON.stringify(deckMap),
    JSON.stringify(dconf),
    '{}',
  ]);
  fillNotesAndCards(db, notes, cards, deckOf, schedule);
  fillRevlog(db, cards, revlog);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A schema-18 collection, as in collection.anki21b before compression. */
async function schema18Collection(options) {
  const { notes, cards, decks, deckOf, schedule, revlog, schedVer } = defaults(options);
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  runSchema(db, SCHEMA_11);
  runSchema(db, UPGRADES_TO_18);
  // The upgrades move col's JSON into the tables and leave empty strings behind.
  db.run("UPDATE col SET crt = ?, mod = ?, scm = ?, conf = '', models = '', decks = '', dconf = '', tags = ''", [MTIME_SECS, CREATED_MS, CREATED_MS]);
  for (const nt of NOTETYPES) {
    db.run('INSERT INTO notetypes VALUES (?,?,?,-1,?)', [nt.id, nt.name, MTIME_SECS, notetypeConfig(nt)]);
    nt.fields.forEach((name, ord) => db.run('INSERT INTO fields VALUES (?,?,?,?)', [nt.id, ord, name, fieldConfig(nt, ord)]));
    nt.templates.forEach(([name, qfmt, afmt], ord) => db.run('INSERT INTO templates VALUES (?,?,?,?,-1,?)', [nt.id, ord, name, MTIME_SECS, templateConfig(qfmt, afmt, ord)]));
  }
  // Native deck names separate levels with U+001F.
  for (const [id, name] of [[1, 'Default'], ...decks]) {
    db.run('INSERT INTO decks VALUES (?,?,?,-1,?,?)', [name.split('::').join('\x1f'), id, MTIME_SECS, deckCommon(), deckKind('')]);
  }
  db.run('INSERT INTO deck_config VALUES (1,?,?,-1,?)', ['Default', MTIME_SECS, deckConfigConfig()]);
  for (const [key, val] of [['activeDecks', '[1]'], ['curDeck', '1'], ['nextPos', String(notes.length + 1)], ['schedVer', String(schedVer)], ['sortType', '"noteFld"']]) {
    db.run('INSERT INTO config VALUES (?,-1,?,?)', [key, MTIME_SECS, new TextEncoder().encode(val)]);
  }
  for (const tag of ['bio', 'cells']) db.run('INSERT INTO tags VALUES (?,-1,0,NULL)', [tag]);
  fillNotesAndCards(db, notes, cards, deckOf, schedule);
  fillRevlog(db, cards, revlog);
  restoreUnicase(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

/**
 * A zstd frame of raw blocks. With `hasContentSize` the header says how big the content is
 * (single segment); without it, as a streaming encoder writes, it gives a window size instead.
 */
export function zstdStored(data, { hasContentSize = true } = {}) {
  const BLOCK = 128 * 1024;
  const header = [0x28, 0xb5, 0x2f, 0xfd];
  if (hasContentSize) {
    header.push(0xe0);
    let size = data.length;
    for (let i = 0; i < 8; i += 1) {
      header.push(size % 256);
      size = Math.floor(size / 256);
    }
  } else {
    // No content size, not single segment; window descriptor 2^(10 + 7) = 128 KiB, one block.
    header.push(0x00, 7 << 3);
  }
  const blockCount = Math.max(1, Math.ceil(data.length / BLOCK));
  const out = new Uint8Array(header.length + blockCount * 3 + data.length);
  out.set(header);
  let at = header.length;
  for (let block = 0; block < blockCount; block += 1) {
    const chunk = data.subarray(block * BLOCK, (block + 1) * BLOCK);
    const isLast = block === blockCount - 1 ? 1 : 0;
    // Block header: last flag, type 0 (raw), size.
    const blockHeader = isLast | (chunk.length << 3);
    out.set([blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff], at);
    out.set(chunk, at + 3);
    at += 3 + chunk.length;
  }
  return out;
}

/** The package's media: cell.png, then the fixture's own files. Zip member i holds file i, as Anki writes it. */
const mediaFiles = (options = {}) => [['cell.png', PNG], ...(options.media ?? [])];
const jsonMediaMap = (options) => new TextEncoder().encode(JSON.stringify(Object.fromEntries(mediaFiles(options).map(([name], i) => [i, name]))));
/** MediaEntries { repeated MediaEntry { name = 1, size = 2, sha1 = 3 } }, zstd: zip member i is entry i. */
const protobufMediaMap = (options) =>
  zstdStored(
    Uint8Array.from(
      mediaFiles(options).flatMap(([name, bytes]) => [
        ...pbBytes(1, [...pbString(1, name), ...pbVarint(2, bytes.length), ...pbBytes(3, [...createHash('sha1').update(bytes).digest()])]),
      ]),
    ),
  );
/** The media zip members: "0", "1", …, zstd-framed in the current layout. */
const mediaMembers = (options, isZstd) => Object.fromEntries(mediaFiles(options).map(([, bytes], i) => [i, isZstd ? zstdStored(bytes) : bytes]));

/** A real WAV file of `ms` milliseconds of silence (8 kHz, 8-bit mono PCM), for sound fixtures the browser can play. */
export function silentWav(ms = 200) {
  const samples = Math.round((8000 * ms) / 1000);
  const out = new Uint8Array(44 + samples).fill(128, 44);
  const view = new DataView(out.buffer);
  const ascii = (at, text) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true); // sample rate
  view.setUint32(28, 8000, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  return out;
}

/** The anki2 package: what Anki 2.0, and 2.1 with "support older Anki versions", exports. */
export async function makeLegacyApkg(options) {
  return zipSync({ 'collection.anki2': await schema11Collection(options), media: jsonMediaMap(options), ...mediaMembers(options, false) });
}

/** The anki21 package (Anki 2.1 before 2.1.50): a schema-11 collection.anki21 beside the stub. */
export async function makeAnki21Apkg(options) {
  return zipSync({
    'collection.anki21': await schema11Collection(options),
    'collection.anki2': await schema11Collection({ notes: [STUB_NOTE] }),
    media: jsonMediaMap(options),
    ...mediaMembers(options, false),
  });
}

/** The current package (Anki 2.1.50+): zstd schema-18 collection, protobuf media map, meta. */
export async function makeAnki21bApkg(options) {
  return zipSync({
    'collection.anki21b': zstdStored(await schema18Collection(options), { hasContentSize: false }),
    'collection.anki2': await schema11Collection({ notes: [STUB_NOTE] }),
    media: protobufMediaMap(options),
    meta: pb(pbVarint(1, 3)),
    ...mediaMembers(options, true),
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const out = process.argv[2] ?? 'test-results/apkg-fixtures';
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'biology-anki2.apkg'), await makeLegacyApkg());
  writeFileSync(join(out, 'biology-anki21.apkg'), await makeAnki21Apkg());
  writeFileSync(join(out, 'biology-anki21b.apkg'), await makeAnki21bApkg());
  console.log(`Wrote ${out}/biology-anki2.apkg, biology-anki21.apkg and biology-anki21b.apkg`);
}
