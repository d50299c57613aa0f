/**
 * The Flipdeck sync server: Hocuspocus (Yjs over websockets) with its database extension over
 * the SQLite store, and optionally its Redis extension so several nodes serve the same spaces.
 * It relays and keeps opaque documents: names are keyed hashes, entries are AES-GCM ciphertext
 * (docs/sync.md, security model). It checks who may connect, what shape and size an update has,
 * and how much a document and a space may hold.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import { DEFAULT_SERVER_LIMITS, REVOKE_SPACE_MESSAGE, spaceOfDocument, type ServerLimits } from '../../src/domain/sync/index.ts';
import { createAuthenticator } from './auth.ts';
import { SyncRefusal } from './refusal.ts';
import { openSqliteStore, type SyncStore } from './sqlite-store.ts';
import { checkIncomingMessage } from './update-check.ts';

export interface SyncServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  /** e.g. redis://127.0.0.1:6379; several nodes with the same Redis serve the same documents. */
  readonly redisUrl?: string;
  /** Names this node in logs and in Redis. */
  readonly name?: string;
  readonly limits?: Partial<ServerLimits>;
  /** With Redis: how often each node asks the others for what its open documents lack (ms). */
  readonly redisResyncMs?: number;
  /** How long after a change a document is written to SQLite (ms); it is also written when the last client leaves. */
  readonly storeDebounceMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningSyncServer {
  readonly url: string;
  readonly port: number;
  readonly store: SyncStore;
  /** The Hocuspocus instance (tests reach documents through openDirectConnection, as an operator's tool would). */
  readonly hocuspocus: Hocuspocus;
  /** Closes every connection, writes every open document, then closes the database. */
  stop(): Promise<void>;
}

const remoteAddress = (request: { socket?: { remoteAddress?: string } } | undefined) => request?.socket?.remoteAddress ?? 'unknown';

/** Starts a node and resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.log(line));
  const store = openSqliteStore(options.dataDir);
  const admit = createAuthenticator(store, limits);
  // Bytes accepted since each document was last stored; the stored size is in SQLite.
  const pending = new Map<string, number>();
  const pendingInSpace = (spaceId: string) => [...pending].reduce((sum, [name, bytes]) => (name.startsWith(spaceId) ? sum + bytes : sum), 0);

  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => store.fetchDocument(documentName),
      store: async ({ documentName, state }) => {
        const spaceId = spaceOfDocument(documentName);
        if (spaceId === null || store.space(spaceId)?.revoked) return;
        store.storeDocument(documentName, spaceId, state);
        pending.delete(documentName);
      },
    }),
  ];
  let redis: Redis | null = null;
  if (options.redisUrl !== undefined) {
    const url = new URL(options.redisUrl);
    redis = new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: 'flipdeck-sync', identifier: options.name ?? `node-${process.pid}` });
    extensions.push(redis);
  }

  const server = new Server({
    name: options.name ?? null,
    port: options.port,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: Math.max(options.storeDebounceMs ?? 2000, 10_000),
    extensions,

    async onAuthenticate({ documentName, token, request }) {
      const { spaceId } = await admit(documentName, token, remoteAddress(request));
      if (store.documentBytes(documentName) === 0 && store.spaceUsage(spaceId).documents >= limits.maxDocumentsPerSpace) {
        throw new SyncRefusal('too-many-documents', `this space already has ${limits.maxDocumentsPerSpace} documents, the server's limit`);
      }
      return { spaceId };
    },

    async beforeHandleMessage({ documentName, update, context }) {
      const added = checkIncomingMessage(update, limits.maxMessageBytes);
      if (added === 0) return;
      const spaceId = (context as { spaceId?: string }).spaceId ?? spaceOfDocument(documentName) ?? '';
      const documentBytes = store.documentBytes(documentName) + (pending.get(documentName) ?? 0) + added;
      if (documentBytes > limits.maxDocumentBytes) throw new SyncRefusal('document-full', `this document would hold ${documentBytes} bytes, over the server's limit of ${limits.maxDocumentBytes}`);
      const spaceBytes = store.spaceUsage(spaceId).bytes + pendingInSpace(spaceId) + added;
      if (spaceBytes > limits.maxSpaceBytes) throw new SyncRefusal('space-full', `this sync space would hold ${spaceBytes} bytes, over the server's limit of ${limits.maxSpaceBytes}`);
      pending.set(documentName, (pending.get(documentName) ?? 0) + added);
    },

    // A device moved its space to a new secret: nobody is admitted to the old one again.
    async onStateless({ documentName, payload }) {
      const spaceId = spaceOfDocument(documentName);
      if (payload !== REVOKE_SPACE_MESSAGE || spaceId === null) return;
      store.revokeSpace(spaceId, Date.now());
      log(`revoke ${spaceId}`);
      const closed = new SyncRefusal('revoked', 'this sync space was closed; link the device again from one that syncs');
      for (const [name, document] of server.hocuspocus.documents) {
        if (spaceOfDocument(name) === spaceId) for (const connection of document.getConnections()) connection.close({ code: 4403, reason: closed.reason });
      }
    },

    // Stateless messages are never relayed to other clients.
    async beforeBroadcastStateless() {
      throw new SyncRefusal('malformed', 'stateless messages are not relayed');
    },

    // One line per connect and disconnect: which space and document (both opaque), never a payload.
    async connected({ documentName, socketId }) {
      log(`connect ${socketId} ${documentName}`);
    },
    async onDisconnect({ documentName, socketId }) {
      log(`disconnect ${socketId} ${documentName}`);
    },
  });

  await server.listen();
  // The Redis extension asks the other nodes for their state once, when a document loads. An
  // update another node relayed in the first moments of a document on two nodes can be missed
  // (measured by bench/sync-load.mjs), and every later update of that client then waits for it.
  // Asking again every few seconds heals that: the other nodes answer with only what is missing.
  const resync = redis === null ? null : setInterval(() => {
    const ask = redis as unknown as { publishFirstSyncStep(name: string, document: unknown): Promise<unknown> };
    for (const [name, document] of server.hocuspocus.documents) void ask.publishFirstSyncStep(name, document).catch(() => {});
  }, options.redisResyncMs ?? 5_000);
  const port = server.address.port;
  const url = `ws://${options.host ?? '127.0.0.1'}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    store,
    hocuspocus: server.hocuspocus,
    stop: () => {
      stopping ??= (async () => {
        if (resync !== null) clearInterval(resync);
        await server.destroy();
        store.close();
      })();
      return stopping;
    },
  };
}
