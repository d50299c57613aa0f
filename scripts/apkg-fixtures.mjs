// Builds small Anki packages for the tests, in both layouts Anki writes, so no opaque binary
// is checked in: `node scripts/apkg-fixtures.mjs <out-dir>` writes them; tests import the
// builders directly.
//   legacy:  zip { collection.anki2 (SQLite, schema 11, note types as JSON in col.models),
//                  media (JSON {"0": "cell.png"}), 0 }
//   anki21b: zip { collection.anki21b (zstd SQLite, schema 18, note types in their own tables
//                  with protobuf configs), collection.anki2 (the "please update" stub),
//                  media (zstd protobuf MediaEntries), meta, 0 (zstd) }
// The zstd frames use raw (stored) blocks: valid zstd that any decoder reads, written
// without a compressor.
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
const DECK = 2001;

/** The notes every fixture holds: [id, guid, note type, fields]. */
export const FIXTURE_NOTES = [
  [1, 'g.basic', BASIC, ['What is <b>ATP</b>?', 'Energy currency<br><img src="cell.png">']],
  [2, 'g/rev+1', REVERSED, ['perro', 'dog']],
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

const NOTETYPES = [
  { id: BASIC, name: 'Basic', kind: 0, fields: ['Front', 'Back'], templates: [['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}']] },
  {
    id: REVERSED,
    name: 'Basic (and reversed card)',
    kind: 0,
    fields: ['Front', 'Back'],
    templates: [
      ['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'],
      ['Card 2', '{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}'],
    ],
  },
  { id: CLOZE, name: 'Cloze', kind: 1, fields: ['Text', 'Back Extra'], templates: [['Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']] },
];

const NOTES_SQL = 'CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null)';
const CARDS_SQL = 'CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null)';

function fillNotesAndCards(db, notes) {
  for (const [id, guid, mid, fields] of notes) {
    db.run('INSERT INTO notes VALUES (?,?,?,0,0,?,?,?,0,0,?)', [id, guid, mid, id === 1 ? ' bio cells ' : '', fields.join(SEP), fields[0], '']);
  }
  FIXTURE_CARDS.filter(([nid]) => notes.some(([id]) => id === nid)).forEach(([nid, ord], index) => {
    db.run('INSERT INTO cards VALUES (?,?,?,?,0,0,0,0,0,0,0,0,0,0,0,0,0,?)', [100 + index, nid, DECK, ord, '']);
  });
}

/** A legacy (schema 11) collection. */
async function legacyCollection(notes = FIXTURE_NOTES) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text)');
  db.run(NOTES_SQL);
  db.run(CARDS_SQL);
  const models = Object.fromEntries(
    NOTETYPES.map((nt) => [
      String(nt.id),
      { id: nt.id, name: nt.name, type: nt.kind, flds: nt.fields.map((name, ord) => ({ name, ord })), tmpls: nt.templates.map(([name, qfmt, afmt], ord) => ({ name, ord, qfmt, afmt })) },
    ]),
  );
  const decks = { 1: { id: 1, name: 'Default' }, [DECK]: { id: DECK, name: 'Biology::Cells' } };
  db.run('INSERT INTO col VALUES (1,0,0,0,11,0,0,0,?,?,?,?,?)', ['{}', JSON.stringify(models), JSON.stringify(decks), '{}', '{}']);
  fillNotesAndCards(db, notes);
  const bytes = db.export();
  db.close();
  return bytes;
}

// Protobuf, just the two wire types the configs use.
const varint = (n) => {
  const out = [];
  let value = n;
  while (value > 0x7f) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
  return out;
};
const pbString = (field, text) => {
  const bytes = new TextEncoder().encode(text);
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
};
const pbBytes = (field, bytes) => [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
const pbVarint = (field, n) => [...varint(field << 3), ...varint(n)];

/** A zstd frame of raw blocks (single segment, 8-byte content size). */
export function zstdStored(data) {
  const BLOCK = 128 * 1024;
  const parts = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
  let size = data.length;
  for (let i = 0; i < 8; i += 1) {
    parts.push(size % 256);
    size = Math.floor(size / 256);
  }
  const out = [...parts];
  let offset = 0;
  do {
    const chunk = data.subarray(offset, offset + BLOCK);
    offset += chunk.length;
    const isLast = offset >= data.length ? 1 : 0;
    const header = isLast | (0 << 1) | (chunk.length << 3);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, ...chunk);
  } while (offset < data.length);
  return Uint8Array.from(out);
}

/** A schema-18 collection, as in collection.anki21b before compression. */
async function schema18Collection() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text)');
  db.run("INSERT INTO col VALUES (1,0,0,0,18,0,0,0,'','','','','')");
  db.run('CREATE TABLE notetypes (id integer primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null)');
  db.run('CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord))');
  db.run('CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord))');
  db.run('CREATE TABLE decks (id integer primary key, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null)');
  db.run(NOTES_SQL);
  db.run(CARDS_SQL);
  for (const nt of NOTETYPES) {
    db.run('INSERT INTO notetypes VALUES (?,?,0,0,?)', [nt.id, nt.name, Uint8Array.from(pbVarint(1, nt.kind))]);
    nt.fields.forEach((name, ord) => db.run('INSERT INTO fields VALUES (?,?,?,?)', [nt.id, ord, name, new Uint8Array()]));
    nt.templates.forEach(([name, qfmt, afmt], ord) =>
      db.run('INSERT INTO templates VALUES (?,?,?,0,0,?)', [nt.id, ord, name, Uint8Array.from([...pbString(1, qfmt), ...pbString(2, afmt)])]),
    );
  }
  db.run("INSERT INTO decks VALUES (1,'Default',0,0,x'',x'')");
  db.run("INSERT INTO decks VALUES (?,?,0,0,x'',x'')", [DECK, 'Biology\x1fCells']);
  fillNotesAndCards(db, FIXTURE_NOTES);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** The legacy package: what Anki before 2.1.50 (and "support older versions") exports. */
export async function makeLegacyApkg() {
  return zipSync({ 'collection.anki2': await legacyCollection(), media: new TextEncoder().encode(JSON.stringify({ 0: 'cell.png' })), 0: PNG });
}

/** The current package (Anki 2.1.50+): zstd collection, protobuf media map. */
export async function makeAnki21bApkg() {
  const stub = await legacyCollection([[1, 'stub', BASIC, ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', '']]]);
  const mediaEntries = Uint8Array.from(pbBytes(1, [...pbString(1, 'cell.png'), ...pbVarint(2, PNG.length)]));
  return zipSync({
    'collection.anki21b': zstdStored(await schema18Collection()),
    'collection.anki2': stub,
    media: zstdStored(mediaEntries),
    meta: Uint8Array.from(pbVarint(1, 3)),
    0: zstdStored(PNG),
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const out = process.argv[2] ?? 'test-results/apkg-fixtures';
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'biology-legacy.apkg'), await makeLegacyApkg());
  writeFileSync(join(out, 'biology-anki21b.apkg'), await makeAnki21bApkg());
  console.log(`Wrote ${out}/biology-legacy.apkg and ${out}/biology-anki21b.apkg`);
}
