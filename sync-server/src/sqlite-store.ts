/**
 * The server's embedded store: one SQLite file (better-sqlite3, synchronous, WAL) holding each
 * document's Yjs state and each space's credential verifier. Documents are opaque: a name and
 * bytes. Hocuspocus's database extension calls `fetch` when a document is first opened and
 * `store` (debounced) after changes and when it unloads.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface SpaceRecord {
  readonly verifier: string;
  readonly revoked: boolean;
}

export interface SyncStore {
  readonly path: string;
  fetchDocument(name: string): Uint8Array | null;
  storeDocument(name: string, spaceId: string, state: Uint8Array): void;
  /** Bytes stored for a document (0 when absent). */
  documentBytes(name: string): number;
  /** Bytes and documents stored for a space. */
  spaceUsage(spaceId: string): { readonly bytes: number; readonly documents: number };
  space(spaceId: string): SpaceRecord | null;
  /** Sets the verifier on first use; returns the record that is now stored (another node may have won). */
  claimSpace(spaceId: string, verifier: string, nowMs: number): SpaceRecord;
  /** Refuses every later connection to the space and drops its documents. */
  revokeSpace(spaceId: string, nowMs: number): void;
  close(): void;
}

/** Opens (or creates) `<dir>/flipdeck-sync.sqlite`. */
export function openSqliteStore(dir: string): SyncStore {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'flipdeck-sync.sqlite');
  const db = new Database(path);
  // WAL: readers never block the writer; synchronous=FULL so a stored document survives a power cut.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      space_id TEXT NOT NULL,
      state BLOB NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS documents_by_space ON documents (space_id);
    CREATE TABLE IF NOT EXISTS spaces (
      space_id TEXT PRIMARY KEY,
      verifier TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
  `);
  const fetchDoc = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const docBytes = db.prepare<[string], { bytes: number }>('SELECT length(state) AS bytes FROM documents WHERE name = ?');
  const putDoc = db.prepare('INSERT INTO documents (name, space_id, state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
  const usage = db.prepare<[string], { bytes: number | null; documents: number }>('SELECT sum(length(state)) AS bytes, count(*) AS documents FROM documents WHERE space_id = ?');
  const getSpace = db.prepare<[string], { verifier: string; revoked_at: number | null }>('SELECT verifier, revoked_at FROM spaces WHERE space_id = ?');
  const insertSpace = db.prepare('INSERT OR IGNORE INTO spaces (space_id, verifier, created_at) VALUES (?, ?, ?)');
  const revoke = db.prepare('UPDATE spaces SET revoked_at = ? WHERE space_id = ?');
  const dropDocs = db.prepare('DELETE FROM documents WHERE space_id = ?');

  const space = (spaceId: string): SpaceRecord | null => {
    const row = getSpace.get(spaceId);
    return row === undefined ? null : { verifier: row.verifier, revoked: row.revoked_at !== null };
  };

  return {
    path,
    fetchDocument: (name) => {
      const row = fetchDoc.get(name);
      return row === undefined ? null : new Uint8Array(row.state);
    },
    storeDocument: (name, spaceId, state) => {
      putDoc.run(name, spaceId, Buffer.from(state), Date.now());
    },
    documentBytes: (name) => docBytes.get(name)?.bytes ?? 0,
    spaceUsage: (spaceId) => {
      const row = usage.get(spaceId);
      return { bytes: row?.bytes ?? 0, documents: row?.documents ?? 0 };
    },
    space,
    claimSpace: (spaceId, verifier, nowMs) => {
      insertSpace.run(spaceId, verifier, nowMs);
      return space(spaceId)!;
    },
    revokeSpace: db.transaction((spaceId: string, nowMs: number) => {
      insertSpace.run(spaceId, 'revoked', nowMs);
      revoke.run(nowMs, spaceId);
      dropDocs.run(spaceId);
    }),
    close: () => db.close(),
  };
}
