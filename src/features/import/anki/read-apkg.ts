/**
 * Opens an Anki package (.apkg/.colpkg) into an AnkiCollection. Loaded only when the user
 * imports one: it brings fflate (zip), fzstd (zstd) and sql.js (SQLite in WebAssembly), which
 * no other screen needs. Both layouts are read:
 *   legacy   collection.anki21 / collection.anki2: SQLite, note types as JSON in col.models
 *   current  collection.anki21b: zstd-compressed SQLite (schema 18), note types in the
 *            notetypes/fields/templates tables with protobuf configs
 * When a package holds both (current Anki adds a "please update" legacy stub), the newest wins.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import initSqlJs, { type Database, type SqlJsConfig, type SqlValue } from 'sql.js';
import { imageTypeOf, type AnkiCollection, type AnkiNote, type AnkiNotetype } from '../../../domain/import/anki-collection';
import { MAX_PACKAGE_IMPORT_BYTES, assertSize } from '../../../domain/import/decode-text';
import { importError } from '../../../domain/import/import-error';


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
    { id: number; type: number; flds: { name: string; ord: number }[]; tmpls: { ord: number; qfmt: string; afmt: string }[] }
  >;
  return Object.values(models).map((model) => ({
    id: Number(model.id),
    isCloze: model.type === 1,
    fieldNames: [...model.flds].sort((a, b) => a.ord - b.ord).map((f) => f.name),
    templates: model.tmpls.map((t) => ({ ord: t.ord, questionFormat: t.qfmt, answerFormat: t.afmt })),
  }));
}

function schema18Notetypes(db: Database): AnkiNotetype[] {
  const fields = rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord');
  const templates = rows(db, 'SELECT ntid, ord, config FROM templates ORDER BY ntid, ord');
  return rows(db, 'SELECT id, config FROM notetypes').map((nt) => ({
    id: Number(nt['id']),
    isCloze: readProtobuf(blob(nt['config'])).get(1)?.[0] === 1,
    fieldNames: fields.filter((f) => f['ntid'] === nt['id']).map((f) => String(f['name'])),
    templates: templates
      .filter((t) => t['ntid'] === nt['id'])
      .map((t) => {
        const config = readProtobuf(blob(t['config']));
        return { ord: Number(t['ord']), questionFormat: text(config.get(1)?.[0]), answerFormat: text(config.get(2)?.[0]) };
      }),
  }));
}

function deckNames(db: Database, isSchema18: boolean): Map<number, string> {
  if (isSchema18) return new Map(rows(db, 'SELECT id, name FROM decks').map((d) => [Number(d['id']), String(d['name'])]));
  const decks = JSON.parse(String(rows(db, 'SELECT decks FROM col')[0]?.['decks'] ?? '{}')) as Record<string, { id: number; name: string }>;
  return new Map(Object.values(decks).map((d) => [Number(d.id), d.name]));
}

/** The largest single image kept; bigger ones are left out like missing ones. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * The package's images by name. The `media` entry maps zip member names ("0", "1", ...) to file
 * names: JSON in the legacy layout, zstd-compressed protobuf (entries in member order) in the
 * current one, where each member is zstd-compressed too. Only image types we show are read.
 */
function readMedia(files: Record<string, Uint8Array>, isZstd: boolean): Map<string, Uint8Array> {
  const media = new Map<string, Uint8Array>();
  const map = files['media'];
  if (!map || map.length === 0) return media;
  let names: [member: string, name: string][];
  try {
    names = isZstd
      ? (readProtobuf(decompress(map)).get(1) ?? []).map((entry, index) => [String(index), text(readProtobuf(entry as Uint8Array).get(1)?.[0])])
      : Object.entries(JSON.parse(new TextDecoder().decode(map)) as Record<string, string>);
  } catch {
    // An unreadable media map loses the images, not the cards; the preview counts them as left out.
    return media;
  }
  for (const [member, name] of names) {
    const bytes = files[member];
    if (bytes === undefined || imageTypeOf(name) === undefined) continue;
    try {
      const data = isZstd ? decompress(bytes) : bytes;
      if (data.byteLength <= MAX_IMAGE_BYTES) media.set(name, data);
    } catch {
      // A damaged image is left out like a missing one.
    }
  }
  return media;
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
  const isZstd = name === 'collection.anki21b';

  let database: Uint8Array;
  try {
    database = isZstd ? decompress(files[name]!) : files[name]!;
  } catch {
    throw importError('malformed', source, `${name} inside the package is damaged (its zstd compression could not be read).`);
  }
  const SQL = await initSqlJs(sqlConfig);
  let db: Database | undefined;
  try {
    db = new SQL.Database(database);
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
      cards: rows(db, 'SELECT nid, ord, did FROM cards ORDER BY nid, ord').map((c) => ({ noteId: Number(c['nid']), ord: Number(c['ord']), deckId: Number(c['did']) })),
      deckNames: deckNames(db, isSchema18),
      media: readMedia(files, isZstd),
    };
  } catch (error) {
    throw importError('malformed', source, `${name} inside the package could not be read as an Anki collection (${(error as Error).message}).`);
  } finally {
    db?.close();
  }
}
