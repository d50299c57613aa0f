/**
 * Writes an Anki package (.apkg) in the layout every Anki since 2.1 imports: `collection.anki21`,
 * an SQLite collection in exactly Anki's schema 11 (ankitects/anki rslib/src/storage/schema11.sql,
 * below, statement for statement), the JSON `media` map ({"0": "cell.png"}) and the media files
 * as zip members "0", "1", ... Current Anki upgrades a schema-11 collection as it imports it, so
 * this layout needs no zstd encoder and no protobuf note types (docs/import-export.md says why).
 * The rows come from domain/export/anki-package.ts; this module only puts them into SQLite and a
 * zip. It runs in a worker (apkg-export.worker.ts) with the importer's sql.js.
 */
import { zipSync, type Zippable } from 'fflate';
import initSqlJs, { type SqlJsConfig } from 'sql.js';
import type { AnkiPackageRows } from '../../../domain/export/anki-package';

/** Anki's schema11.sql, verbatim. */
export const ANKI_SCHEMA_11_SQL = `create table col
(
    id     integer primary key,
    crt    integer not null,
    mod    integer not null,
    scm    integer not null,
    ver    integer not null,
    dty    integer not null,
    usn    integer not null,
    ls     integer not null,
    conf   text    not null,
    models text    not null,
    decks  text    not null,
    dconf  text    not null,
    tags   text    not null
);

create table notes
(
    id    integer primary key,
    guid  text    not null,
    mid   integer not null,
    mod   integer not null,
    usn   integer not null,
    tags  text    not null,
    flds  text    not null,
    sfld  integer not null,
    csum  integer not null,
    flags integer not null,
    data  text    not null
);

create table cards
(
    id     integer primary key,
    nid    integer not null,
    did    integer not null,
    ord    integer not null,
    mod    integer not null,
    usn    integer not null,
    type   integer not null,
    queue  integer not null,
    due    integer not null,
    ivl    integer not null,
    factor integer not null,
    reps   integer not null,
    lapses integer not null,
    left   integer not null,
    odue   integer not null,
    odid   integer not null,
    flags  integer not null,
    data   text    not null
);

create table revlog
(
    id      integer primary key,
    cid     integer not null,
    usn     integer not null,
    ease    integer not null,
    ivl     integer not null,
    lastIvl integer not null,
    factor  integer not null,
    time    integer not null,
    type    integer not null
);

create table graves
(
    usn  integer not null,
    oid  integer not null,
    type integer not null
);

-- syncing
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
-- card spacing, etc
create index ix_cards_nid on cards (nid);
-- scheduling and deck limiting
create index ix_cards_sched on cards (did, queue, due);
-- revlog by card
create index ix_revlog_cid on revlog (cid);
-- field uniqueness
create index ix_notes_csum on notes (csum);

insert into col values (1,0,0,0,0,0,0,0,'{}','{}','{}','{}','{}');
`;

export interface ApkgMediaFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** How far the writing is, in rows (notes, cards and revlog rows together). */
export type WriteProgress = (done: number, total: number) => void;

/** Rows between progress reports. */
const PROGRESS_EVERY = 1000;

/** The collection file: schema 11 with the rows in it, in one transaction. */
export async function writeAnkiCollection(rows: AnkiPackageRows, sqlConfig?: SqlJsConfig, onProgress?: WriteProgress): Promise<Uint8Array> {
  const SQL = await initSqlJs(sqlConfig);
  const db = new SQL.Database();
  try {
    db.exec(ANKI_SCHEMA_11_SQL);
    db.run('UPDATE col SET crt = ?, mod = ?, scm = ?, ver = ?, dty = ?, usn = ?, ls = ?, conf = ?, models = ?, decks = ?, dconf = ?, tags = ?', [...rows.col]);
    const total = rows.notes.length + rows.cards.length + rows.revlog.length;
    let done = 0;
    db.exec('BEGIN');
    for (const [table, values, columns] of [
      ['notes', rows.notes, 11],
      ['cards', rows.cards, 18],
      ['revlog', rows.revlog, 9],
    ] as const) {
      const statement = db.prepare(`INSERT INTO ${table} VALUES (${Array.from({ length: columns }, () => '?').join(',')})`);
      for (const row of values) {
        statement.run([...row]);
        done += 1;
        if (onProgress && done % PROGRESS_EVERY === 0) onProgress(done, total);
      }
      statement.free();
    }
    db.exec('COMMIT');
    onProgress?.(total, total);
    return db.export();
  } finally {
    db.close();
  }
}

/** The .apkg: the collection, the media map and the media files. */
export function zipAnkiPackage(collection: Uint8Array, media: readonly ApkgMediaFile[]): Uint8Array {
  const files: Zippable = { 'collection.anki21': collection };
  const map: Record<string, string> = {};
  media.forEach((file, index) => {
    map[String(index)] = file.name;
    // Images are compressed already.
    files[String(index)] = [file.bytes, { level: 0 }];
  });
  files['media'] = new TextEncoder().encode(JSON.stringify(map));
  return zipSync(files, { level: 6 });
}
