/**
 * Opens an Anki package (.apkg/.colpkg) into an AnkiCollection. Loaded only when the user
 * imports one: it brings fflate (zip), fzstd (zstd) and sql.js (SQLite in WebAssembly), which
 * no other screen needs. Both layouts are read:
 *   legacy   collection.anki21 / collection.anki2: SQLite, note types as JSON in col.models
 *   current  collection.anki21b: zstd-compressed SQLite (schema 18), note types in the
 *            notetypes/fields/templates tables with protobuf configs
 * When a package holds both (current Anki adds a "please update" legacy stub), the newest wins.
 *
 * Schema-15+ collections declare `name ... COLLATE unicase` (Anki's own Unicode case folding)
 * on notetypes, fields, templates, decks, deck_config and tags, several of them WITHOUT ROWID.
 * SQLite cannot plan a read of such a table without the collation ("no query solution"), and
 * sql.js exports no way to register one, so the schema text is rewritten to NOCASE before any
 * read (see readUnicaseAsNocase). SQLite messages never reach the user: every failure becomes
 * an ImportError that says what is wrong with the file.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import initSqlJs, { type Database, type SqlJsConfig, type SqlValue } from 'sql.js';
import { mediaTypeOf } from '../../../domain/deck/media-types';
import { type AnkiCard, type AnkiCollection, type AnkiNote, type AnkiNotetype, type AnkiRevlogEntry } from '../../../domain/import/anki-collection';
import { MAX_PACKAGE_IMPORT_BYTES, assertSize } from '../../../domain/import/decode-text';
import { ImportError, importError } from '../../../domain/import/import-error';
import { MAX_IMPORT_CARDS, tooManyCardsError } from '../../../domain/import/imported-deck';


type Row = Record<string, SqlValue>;

function rows(db: Database, sql: string): Row[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) => Object.fromEntries(result.columns.map((column, i) => [column, values[i] ?? null])));
}

/** Reads the protobuf fields we need: varints and length-delimited values, by field number. */
function readProtobuf(bytes: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const fields = new Map<number, (number | Uint8Array)[]>();
  let offset = 0;
  const varint = () => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('truncated protobuf');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  while (offset < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    let value: number | Uint8Array;
    if (wireType === 0) value = varint();
    else if (wireType === 2) {
      const length = varint();
      value = bytes.subarray(offset, offset + length);
      offset += length;
    } else if (wireType === 5) {
      value = 0;
      offset += 4;
    } else if (wireType === 1) {
      value = 0;
      offset += 8;
    } else throw new Error(`unsupported protobuf wire type ${wireType}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const text = (value: number | Uint8Array | undefined) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : '');
const blob = (value: SqlValue | undefined) => (value instanceof Uint8Array ? value : new Uint8Array());

function legacyNotetypes(db: Database): AnkiNotetype[] {
  const models = JSON.parse(String(rows(db, 'SELECT models FROM col')[0]?.['models'] ?? '{}')) as Record<
    string,
    { id: number; type: number; originalStockKind?: number; flds: { name: string; ord: number }[]; tmpls: { ord: number; qfmt: string; afmt: string }[] }
  >;
  return Object.values(models).map((model) => ({
    id: Number(model.id),
    isCloze: model.type === 1,
    originalStockKind: Number(model.originalStockKind ?? 0),
    fieldNames: [...model.flds].sort((a, b) => a.ord - b.ord).map((f) => f.name),
    templates: model.tmpls.map((t) => ({ ord: t.ord, questionFormat: t.qfmt, answerFormat: t.afmt })),
  }));
}

function schema18Notetypes(db: Database): AnkiNotetype[] {
  const fields = rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord');
  const templates = rows(db, 'SELECT ntid, ord, config FROM templates ORDER BY ntid, ord');
  return rows(db, 'SELECT id, config FROM notetypes').map((nt) => {
    // Notetype.Config: kind = 1, original_stock_kind = 9 (proto/anki/notetypes.proto).
    const config = readProtobuf(blob(nt['config']));
    return {
      id: Number(nt['id']),
      isCloze: config.get(1)?.[0] === 1,
      originalStockKind: Number(config.get(9)?.[0] ?? 0),
      fieldNames: fields.filter((f) => f['ntid'] === nt['id']).map((f) => String(f['name'])),
      templates: templates
        .filter((t) => t['ntid'] === nt['id'])
        .map((t) => {
          const formats = readProtobuf(blob(t['config']));
          return { ord: Number(t['ord']), questionFormat: text(formats.get(1)?.[0]), answerFormat: text(formats.get(2)?.[0]) };
        }),
    };
  });
}

/**
 * The names of the normal decks by id. Filtered decks are left out: a card in one is read as in
 * its home deck (readCards), and their names say nothing about where the cards belong.
 */
function deckNames(db: Database, isSchema18: boolean): Map<number, string> {
  if (isSchema18) {
    // Deck.KindContainer: field 1 normal, field 2 filtered.
    const normal = rows(db, 'SELECT id, name, kind FROM decks').filter((d) => !readProtobuf(blob(d['kind'])).has(2));
    return new Map(normal.map((d) => [Number(d['id']), String(d['name'])]));
  }
  const decks = JSON.parse(String(rows(db, 'SELECT decks FROM col')[0]?.['decks'] ?? '{}')) as Record<string, { id: number; name: string; dyn?: number }>;
  return new Map(Object.values(decks).filter((d) => d.dyn !== 1).map((d) => [Number(d.id), d.name]));
}

/** The scheduler version: col.conf's schedVer (schema 11) or the config table's (schema 15+). */
function schedulerVersion(db: Database, isSchema18: boolean): number {
  try {
    if (isSchema18) {
      const value = rows(db, "SELECT val FROM config WHERE key = 'schedVer'")[0]?.['val'];
      const parsed: unknown = JSON.parse(value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value ?? '2'));
      return typeof parsed === 'number' ? parsed : 2;
    }
    const conf = JSON.parse(String(rows(db, 'SELECT conf FROM col')[0]?.['conf'] ?? '{}')) as { schedVer?: unknown };
    return typeof conf.schedVer === 'number' ? conf.schedVer : 1;
  } catch {
    return 2;
  }
}

/** Cards with their scheduling columns; a card in a filtered deck is read as in its home deck. */
function readCards(db: Database): AnkiCard[] {
  return rows(db, 'SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odue, odid, mod FROM cards ORDER BY nid, ord').map((c) => {
    const homeDeck = Number(c['odid']);
    return {
      id: Number(c['id']),
      noteId: Number(c['nid']),
      ord: Number(c['ord']),
      deckId: homeDeck === 0 ? Number(c['did']) : homeDeck,
      type: Number(c['type']),
      queue: Number(c['queue']),
      due: homeDeck === 0 ? Number(c['due']) : Number(c['odue']),
      intervalDays: Number(c['ivl']),
      easePermille: Number(c['factor']),
      reps: Number(c['reps']),
      lapses: Number(c['lapses']),
      modifiedSecs: Number(c['mod']),
    };
  });
}

function readRevlog(db: Database): AnkiRevlogEntry[] {
  return rows(db, 'SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id').map((r) => ({
    id: Number(r['id']),
    cardId: Number(r['cid']),
    ease: Number(r['ease']),
    intervalDays: Number(r['ivl']),
    lastIntervalDays: Number(r['lastIvl']),
    easePermille: Number(r['factor']),
    takenMs: Number(r['time']),
    kind: Number(r['type']),
  }));
}

/** The largest single media file kept; bigger ones are left out like missing ones. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** A zstd frame starts with 28 B5 2F FD; JSON, SQLite and image files never do. */
const isZstdFrame = (bytes: Uint8Array) => bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;

/**
 * The package's images by name. The `media` entry maps zip member names ("0", "1", ...) to file
 * names: JSON {"0": "cell.png"} in the legacy layouts, zstd-compressed protobuf MediaEntries
 * (entry i is member "i") in the current one, where each member is zstd-compressed too. The form
 * is told by the bytes, not the collection's name, since Anki's "legacy" export option mixes them.
 * Only image types we show are read.
 */
function readMedia(files: Record<string, Uint8Array>): Map<string, Uint8Array> {
  const media = new Map<string, Uint8Array>();
  const map = files['media'];
  if (!map || map.length === 0) return media;
  let names: [member: string, name: string][];
  try {
    names = isZstdFrame(map)
      ? (readProtobuf(decompress(map)).get(1) ?? []).map((entry, index) => [String(index), text(readProtobuf(entry as Uint8Array).get(1)?.[0])])
      : Object.entries(JSON.parse(new TextDecoder().decode(map)) as Record<string, string>);
  } catch {
    // An unreadable media map loses the images, not the cards; the preview counts them as left out.
    return media;
  }
  for (const [member, name] of names) {
    const bytes = files[member];
    if (bytes === undefined || mediaTypeOf(name) === undefined) continue;
    try {
      const data = isZstdFrame(bytes) ? decompress(bytes) : bytes;
      if (data.byteLength <= MAX_IMAGE_BYTES) media.set(name, data);
    } catch {
      // A damaged image is left out like a missing one.
    }
  }
  return media;
}

/** `collate unicase`, however Anki's upgrade steps spelled it. */
const UNICASE = /\b(collate\s+)unicase\b/gi;

/**
 * Makes a schema-15+ collection readable without Anki's `unicase` collation by declaring those
 * columns NOCASE instead, in this in-memory copy only. NOCASE folds ASCII exactly as unicase
 * does, so the b-trees Anki wrote stay in the order their indexes claim for every ASCII name;
 * we only scan these tables, never look a name up, so non-ASCII order cannot change a result.
 * Registering the collation would be more exact, but sql.js's build does not export
 * sqlite3_create_collation, and a second SQLite build would double the import's download.
 */
function readUnicaseAsNocase(db: Database): void {
  const definitions = rows(db, "SELECT type, name, sql FROM sqlite_master WHERE sql LIKE '%unicase%'");
  if (definitions.length === 0) return;
  db.run('PRAGMA writable_schema = ON');
  for (const { type, name, sql } of definitions) {
    db.run('UPDATE sqlite_master SET sql = ? WHERE type = ? AND name = ?', [String(sql).replace(UNICASE, '$1NOCASE'), String(type), String(name)]);
  }
  // RESET reloads the schema from the rewritten text and turns writable_schema off again.
  db.run('PRAGMA writable_schema = RESET');
}

/** What a SQLite failure means for the user, in words that do not need SQLite to understand. */
function describeSqliteFailure(name: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not a database|malformed|disk image|file is encrypted|out of memory|SQLITE_CORRUPT|SQLITE_NOTADB/i.test(message)) {
    return `${name} inside the package is damaged or incomplete, so its cards cannot be read. Export the deck from Anki again.`;
  }
  if (/no such (table|column)/i.test(message)) {
    return `${name} inside the package is not laid out like any Anki collection Flipdeck knows (a table or column it needs is missing). Export it again with a current Anki.`;
  }
  return `${name} inside the package could not be read as an Anki collection. Export it again with a current Anki; if that does not help, the file may be damaged.`;
}

/**
 * Unpacks and reads a package.
 * @throws ImportError `too-large`, `wrong-type` or `malformed`, naming the file
 */
export async function readAnkiPackage(bytes: Uint8Array, source: string, sqlConfig?: SqlJsConfig): Promise<AnkiCollection> {
  assertSize(bytes.byteLength, source, MAX_PACKAGE_IMPORT_BYTES);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw importError('wrong-type', source, 'this is not an Anki package (an .apkg is a zip archive, and this file is not one).');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw importError('malformed', source, `the package is damaged or incomplete (the zip archive could not be read: ${(error as Error).message}). Export it from Anki again.`);
  }
  const name = ['collection.anki21b', 'collection.anki21', 'collection.anki2'].find((candidate) => files[candidate] !== undefined);
  if (name === undefined) throw importError('wrong-type', source, 'the zip archive holds no Anki collection (collection.anki2, .anki21 or .anki21b); is it an .apkg?');

  let database: Uint8Array;
  try {
    database = isZstdFrame(files[name]!) ? decompress(files[name]!) : files[name]!;
  } catch {
    throw importError('malformed', source, `${name} inside the package is damaged or incomplete (its zstd compression could not be read). Export the deck from Anki again.`);
  }
  // "SQLite format 3\0": anything else would only fail later with a less helpful message.
  if (new TextDecoder().decode(database.subarray(0, 16)) !== 'SQLite format 3\0') {
    throw importError('malformed', source, `${name} inside the package is damaged (it is not an SQLite database). Export the deck from Anki again.`);
  }
  const SQL = await initSqlJs(sqlConfig);
  let db: Database | undefined;
  try {
    db = new SQL.Database(database);
    readUnicaseAsNocase(db);
    // Counted before anything is read or converted, so an oversized package is refused at once.
    const cardCount = Number(rows(db, 'SELECT count(*) AS n FROM cards')[0]?.['n'] ?? 0);
    if (cardCount > MAX_IMPORT_CARDS) throw tooManyCardsError(source, cardCount);
    const isSchema18 = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").length > 0;
    const notes: AnkiNote[] = rows(db, 'SELECT id, guid, mid, flds, tags FROM notes').map((n) => ({
      id: Number(n['id']),
      guid: String(n['guid']),
      notetypeId: Number(n['mid']),
      fields: String(n['flds']).split('\x1f'),
      tags: String(n['tags']).split(/\s+/).filter((tag) => tag !== ''),
    }));
    return {
      notetypes: isSchema18 ? schema18Notetypes(db) : legacyNotetypes(db),
      notes,
      cards: readCards(db),
      createdSecs: Number(rows(db, 'SELECT crt FROM col')[0]?.['crt'] ?? 0),
      schedulerVersion: schedulerVersion(db, isSchema18),
      revlog: readRevlog(db),
      deckNames: deckNames(db, isSchema18),
      media: readMedia(files),
    };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('malformed', source, [{ message: `${source}: ${describeSqliteFailure(name, error)}` }], { cause: error });
  } finally {
    db?.close();
  }
}
