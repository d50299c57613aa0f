/**
 * The sync server's own checks, against a real node on a free loopback port: who is admitted,
 * what shape and size of update is accepted, and what the SQLite file keeps.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSyncSpace, deriveSpaceKeys, documentName, entryKey, ENTRIES_MAP, MAX_ENTRY_BYTES, type SpaceKeys } from '../../src/domain/sync/index.ts';
import { startSyncServer, type RunningSyncServer, type SyncServerOptions } from './server.ts';
import { checkUpdateShape } from './update-check.ts';

vi.setConfig({ testTimeout: 30_000 });
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** As src/sync/test-harness.ts: a socket closed while connecting must not raise an unhandled error in Node. */
class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const task of cleanups.splice(0).reverse()) await task();
});

async function node(options: Partial<SyncServerOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'flipdeck-sync-server-'));
  const lines: string[] = [];
  const server = await startSyncServer({ port: 0, dataDir, storeDebounceMs: 50, log: (line) => lines.push(line), ...options });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => server.stop());
  return { server, dataDir, lines };
}

interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly outcome: Promise<string>;
}

/** A raw Hocuspocus client on one document; `outcome` says how the server answered: 'synced', or the refusal. */
function client(server: RunningSyncServer, name: string, token: string, doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: NodeWebSocket });
  let settle: (value: string) => void = () => {};
  const outcome = new Promise<string>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    awareness: null,
    onSynced: () => settle('synced'),
    onAuthenticationFailed: ({ reason }) => settle(`refused ${reason}`),
    onClose: ({ event }) => settle(`closed ${event.reason}`),
  });
  provider.attach();
  cleanups.push(() => {
    provider.destroy();
    socket.destroy();
  });
  return { doc, provider, outcome };
}

async function spaceDoc(logical = 'events/2026-12'): Promise<{ keys: SpaceKeys; name: string }> {
  const keys = await deriveSpaceKeys(createSyncSpace(random));
  return { keys, name: await documentName(keys, logical) };
}

/** Resolves once the server has acknowledged every local change of the client. */
const acknowledged = (c: Client) => expect.poll(() => c.provider.unsyncedChanges, { timeout: 5_000 }).toBe(0);

describe('admission', () => {
  it('sets the verifier on first use, admits the same credential again and refuses another', async () => {
    const { server, lines } = await node();
    const { keys, name } = await spaceDoc();
    expect(await client(server, name, keys.credential).outcome).toBe('synced');
    expect(await client(server, name, keys.credential).outcome).toBe('synced');
    const other = await deriveSpaceKeys({ spaceId: keys.spaceId, secret: createSyncSpace(random).secret });
    expect(await client(server, name, other.credential).outcome).toMatch(/^refused bad-credential: .*wrong or old secret/);
    expect(server.store.space(keys.spaceId)?.verifier).not.toBe(keys.credential);
    // One line per connect, naming only the opaque document.
    expect(lines.filter((line) => line.startsWith('connect '))).toHaveLength(2);
    expect(lines.every((line) => !line.includes(keys.credential))).toBe(true);
  });

  it('refuses malformed names and credentials, then rate-limits the address', async () => {
    const { server } = await node({ limits: { maxFailedAuths: 3, failedAuthWindowMs: 60_000 } });
    const { keys, name } = await spaceDoc();
    expect(await client(server, name, keys.credential).outcome).toBe('synced');
    expect(await client(server, 'not-a-space', keys.credential).outcome).toMatch(/^refused bad-document/);
    expect(await client(server, name, 'short').outcome).toMatch(/^refused bad-credential: .*malformed/);
    expect(await client(server, name, keys.credential.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))).outcome).toMatch(/^refused bad-credential/);
    // The right credential now waits out the window like any other attempt from this address.
    expect(await client(server, name, keys.credential).outcome).toMatch(/^refused rate-limited: too many refused attempts/);
  });
});

describe('updates', () => {
  it('keeps sealed entries of the one map, and the SQLite file has them after a restart', async () => {
    const first = await node();
    const { keys, name } = await spaceDoc();
    const writer = client(first.server, name, keys.credential);
    expect(await writer.outcome).toBe('synced');
    const key = await entryKey(keys, 'event-1');
    writer.doc.getMap(ENTRIES_MAP).set(key, new Uint8Array([1, 2, 3]));
    await acknowledged(writer);
    await first.server.stop();
    const again = await node({ dataDir: first.dataDir });
    const reader = client(again.server, name, keys.credential);
    expect(await reader.outcome).toBe('synced');
    expect(reader.doc.getMap(ENTRIES_MAP).get(key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(again.server.store.spaceUsage(keys.spaceId).documents).toBe(1);
  });

  it('refuses an update with anything but sealed bytes, and closes the document with the reason', async () => {
    const { server } = await node();
    const { keys, name } = await spaceDoc();
    const writer = client(server, name, keys.credential);
    expect(await writer.outcome).toBe('synced');
    const closed = new Promise<string>((resolve) => writer.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    writer.doc.getText('notes').insert(0, 'plain text the server would store');
    expect(await closed).toMatch(/^malformed: the update writes outside the entries map/);
    const reader = client(server, name, keys.credential);
    expect(await reader.outcome).toBe('synced');
    expect(reader.doc.getText('notes').toString()).toBe('');
  });

  it('checks shape: wrong key, JSON values and oversized entries are refused; deletes and binaries pass', () => {
    const update = (fill: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      fill(doc);
      return Y.encodeStateAsUpdate(doc);
    };
    const key = 'A'.repeat(22);
    expect(() => checkUpdateShape(update((doc) => doc.getMap(ENTRIES_MAP).set(key, new Uint8Array(10))))).not.toThrow();
    expect(() => checkUpdateShape(update((doc) => doc.getMap(ENTRIES_MAP).set('deck-title', new Uint8Array(10))))).toThrow(/entry key of the wrong shape/);
    expect(() => checkUpdateShape(update((doc) => doc.getMap(ENTRIES_MAP).set(key, { deckId: 'plain' })))).toThrow(/other than sealed bytes/);
    expect(() => checkUpdateShape(update((doc) => doc.getMap(ENTRIES_MAP).set(key, new Uint8Array(MAX_ENTRY_BYTES + 1))))).toThrow(/over the limit/);
    expect(() => checkUpdateShape(update((doc) => doc.getMap(ENTRIES_MAP).set(key, new Y.Map())))).toThrow(/other than sealed bytes/);
    expect(() => checkUpdateShape(new Uint8Array([9, 9, 9, 9, 9]))).toThrow(/not a valid Yjs update/);
    const overwritten = update((doc) => {
      doc.getMap(ENTRIES_MAP).set(key, new Uint8Array(1));
      doc.getMap(ENTRIES_MAP).set(key, new Uint8Array(2));
    });
    expect(() => checkUpdateShape(overwritten)).not.toThrow();
  });

  it('caps a message, a document and a space by size, with the limit in the reason', async () => {
    const { server } = await node({ limits: { maxMessageBytes: 4_000, maxDocumentBytes: 6_000, maxSpaceBytes: 9_000 } });
    const { keys, name } = await spaceDoc();
    const fill = async (c: Client, count: number, bytes: number, tag: string) => {
      for (let i = 0; i < count; i++) c.doc.getMap(ENTRIES_MAP).set(await entryKey(keys, `${tag}-${i}`), random(bytes));
    };
    const big = client(server, name, keys.credential);
    expect(await big.outcome).toBe('synced');
    const closedBig = new Promise<string>((resolve) => big.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    big.doc.getMap(ENTRIES_MAP).set(await entryKey(keys, 'huge'), random(5_000));
    expect(await closedBig).toMatch(/^too-large: a message of \d+ bytes is over the server's limit of 4000 bytes/);

    const steady = client(server, name, keys.credential);
    expect(await steady.outcome).toBe('synced');
    const closedSteady = new Promise<string>((resolve) => steady.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    for (let round = 0; round < 4; round++) await fill(steady, 1, 1_900, `doc-${round}`);
    expect(await closedSteady).toMatch(/^document-full: .* over the server's limit of 6000/);

    const otherName = await documentName(keys, 'events/2026-11');
    const second = client(server, otherName, keys.credential);
    expect(await second.outcome).toBe('synced');
    const closedSecond = new Promise<string>((resolve) => second.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    for (let round = 0; round < 4; round++) await fill(second, 1, 1_900, `space-${round}`);
    expect(await closedSecond).toMatch(/^space-full: this sync space would hold \d+ bytes, over the server's limit of 9000/);
  });

  it('caps the number of documents in a space', async () => {
    const { server } = await node({ limits: { maxDocumentsPerSpace: 1 } });
    const { keys, name } = await spaceDoc();
    const writer = client(server, name, keys.credential);
    expect(await writer.outcome).toBe('synced');
    writer.doc.getMap(ENTRIES_MAP).set(await entryKey(keys, 'e'), new Uint8Array(4));
    await acknowledged(writer);
    await expect.poll(() => server.store.spaceUsage(keys.spaceId).documents, { timeout: 5_000 }).toBe(1);
    expect(await client(server, await documentName(keys, 'settings'), keys.credential).outcome).toMatch(/^refused too-many-documents/);
  });
});
