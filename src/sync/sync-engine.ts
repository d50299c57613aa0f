/**
 * The sync engine: keeps this device's event log and a sync space's documents in step through a
 * Hocuspocus server. Dexie stays the source of truth; the engine only reads events from the
 * repository and merges events into it (importEvents, which replays what they touch).
 *
 * - Documents (sync-docs.ts): a Y.Map per document, entry key -> sealed event, grow-only. Two
 *   devices that add the same event add the same key; the receiving repository drops ids it has,
 *   so nothing is ever doubled, whatever Yjs delivers twice.
 * - Out: every `pollMs` (and on pushNow) the events since a cursor are sealed and put in their
 *   month's document unless their key is already there; at start the whole log is reconciled.
 * - In: entries added by others are opened, validated and merged in batches; an entry that fails
 *   its integrity check is reported and never applied. In a batch, content events (decks and cards
 *   written in the app) are merged before card events, so a deck exists before its cards' progress.
 * - Devices: one sealed entry per device in the `devices` document (its name and when it last
 *   synced), written by that device only, at start, on a rename and when "last seen" is an hour
 *   old. The whole document is read at each start, so the list is always complete.
 * - On the device, each document is kept by y-indexeddb in its own IndexedDB database, with the
 *   state vector already merged into the repository, so a restart merges only what is new.
 *
 * Two tabs each run an engine on the same repository; both may put the same event, which costs
 * one duplicate entry in Yjs (the later write wins the key) and nothing in the log.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { ContentEvent } from '../domain/authoring/types';
import type { ProgressEvent } from '../domain/events/types';
import { DEFAULT_SERVER_LIMITS, deriveSpaceKeys, documentName, ENTRIES_MAP, entryKey, fromUtf8, open, REVOKE_SPACE_MESSAGE, seal, SyncCryptoError, utf8, type RandomBytes, type SpaceKeys, type SyncSpace } from '../domain/sync';
import { deviceEntryId, encodeDeviceEntry, isEntryStale, listDevices, parseDeviceEntry, type DeviceEntry } from '../domain/sync/devices';
import { messageOf } from '../domain/errors';
import type { ContentRepository } from '../storage/content-repository';
import type { ProgressRepository } from '../storage/progress-repository';
import { importBatches } from './import-batches';
import { DEVICES_DOC, isContentEvent, logicalDocOf, manifestEntryOf, manifestTarget, MANIFEST_DOC, openEvent, sealEvent, SETTINGS_DOC, type SyncedEvent } from './sync-docs';

export type SyncStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'synced'; readonly lastSyncedAt: number }
  /** `progress` while entries are being merged: how many of those heard of since the last idle moment are in storage. */
  | { readonly kind: 'syncing'; readonly pending: number; readonly progress?: MergeProgress }
  | { readonly kind: 'offline'; readonly waiting: number }
  | { readonly kind: 'error'; readonly message: string }
  /** Set by the store, never by the engine: another tab of this device holds the sync lock and syncs for it. */
  | { readonly kind: 'other-tab' };

export interface MergeProgress {
  readonly merged: number;
  readonly known: number;
}

export interface SyncEngineOptions {
  readonly repository: Pick<ProgressRepository, 'importEvents' | 'eventsSince' | 'exportEvents'>;
  /** Decks and cards written in the app; without it only progress and settings sync. */
  readonly content?: Pick<ContentRepository, 'importContentEvents' | 'contentEventsSince' | 'exportContentEvents'>;
  readonly space: SyncSpace;
  /** ws:// or wss:// URL of the sync server. */
  readonly url: string;
  /** Prefix of this device's y-indexeddb databases; null keeps the documents in memory only. */
  readonly persistencePrefix?: string | null;
  /** Node has no global WebSocket: pass `ws`. */
  readonly WebSocketPolyfill?: unknown;
  readonly randomBytes?: RandomBytes;
  readonly clock?: () => number;
  /** How often local changes are looked for (ms). */
  readonly pollMs?: number;
  readonly onStatus?: (status: SyncStatus) => void;
  /** This device in the space's list of devices; without it the engine neither writes nor reads the list. */
  readonly device?: { readonly deviceId: string; readonly name: string };
  /** Told the list of devices (this one first) whenever an entry arrives or changes. */
  readonly onDevices?: (devices: readonly DeviceEntry[]) => void;
  /** Told after each merge: how many events were opened and handed to the repository, and how many of them it did not have. */
  readonly onMerged?: (merged: { readonly received: number; readonly cardEvents: number; readonly settingsEvents: number; readonly contentEvents: number }) => void;
}

interface SyncedDoc {
  readonly logical: string;
  readonly name: string;
  readonly doc: Y.Doc;
  readonly map: Y.Map<Uint8Array>;
  readonly persistence: IndexeddbPersistence | null;
  provider: HocuspocusProvider | null;
}

export interface SyncEngine {
  /** Resolves once the documents stored on the device are loaded and the first reconcile is sent. */
  readonly started: Promise<void>;
  status(): SyncStatus;
  /** Sends local events now instead of at the next poll. */
  pushNow(): Promise<void>;
  /** Resolves once everything local is sent and acknowledged and every incoming entry is merged. */
  whenIdle(timeoutMs?: number): Promise<void>;
  /** Entries that failed their integrity check and were not applied. */
  rejected(): readonly string[];
  /** The space's devices as known now, this one first (empty without `device`). */
  devices(): readonly DeviceEntry[];
  /** Writes this device's new name into its entry. */
  renameDevice(name: string): Promise<void>;
  /** Bytes the y-indexeddb databases hold on the device. */
  localBytes(): Promise<number>;
  /** Stops syncing; the documents stay on the device. */
  stop(): Promise<void>;
  /**
   * Asks the server to close this space for good (its old link then admits no one), and resolves
   * true once the server refuses it, false when that could not be confirmed (offline) in time.
   */
  closeSpace(timeoutMs?: number): Promise<boolean>;
}

const LOCAL = Symbol('flipdeck-sync-local');
const APPLIED_KEY = 'applied-state-vector';
const FLUSH_DELAY_MS = 100;
/** Entries of one document opened at once. */
const OPEN_PARALLEL = 64;
/** Local events are looked for from this long before the newest one sent: another tab's clock or a slow write may stamp a little earlier. */
const CURSOR_MARGIN_MS = 10 * 60_000;
const defaultRandom: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Starts syncing `space` through the server at `url`. */
export function startSyncEngine(options: SyncEngineOptions): SyncEngine {
  const randomBytes = options.randomBytes ?? defaultRandom;
  const clock = options.clock ?? (() => Date.now());
  const prefix = options.persistencePrefix === undefined ? 'flipdeck-sync/' : options.persistencePrefix;
  const docs = new Map<string, SyncedDoc>();
  const opening = new Map<string, Promise<SyncedDoc>>();
  const rejected: string[] = [];
  const sent = new Set<string>();
  const unmergeable = new Set<string>();
  let batch: { events: SyncedEvent[]; marks: Map<SyncedDoc, Uint8Array> } = { events: [], marks: new Map() };
  /** Entries heard of since sync was last idle, and how many of them are merged (or were not events): the progress a catch-up shows. */
  const progress = { known: 0, merged: 0 };
  let isFlushQueued = false;
  /** Entries heard of and not opened yet: with unsent changes, the count "Syncing N" shows, so a first sync counts down. */
  let incoming = 0;
  let keysPromise: Promise<SpaceKeys> | null = null;
  let fatal: string | null = null;
  let lastSyncedAt = 0;
  let connected = false;
  let stopped = false;
  let cursor = -Infinity;
  let work: Promise<void> = Promise.resolve();
  let current: SyncStatus = { kind: 'connecting' };
  const deviceEntries = new Map<string, DeviceEntry>();
  let deviceName = options.device?.name ?? '';

  const keys = () => (keysPromise ??= deriveSpaceKeys(options.space));
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    ...(options.WebSocketPolyfill === undefined ? {} : { WebSocketPolyfill: options.WebSocketPolyfill }),
    onStatus: ({ status }) => {
      connected = status === 'connected';
      report();
    },
  });

  /** Runs `task` after every task queued before it, so merges and sends never interleave. */
  function serially(task: () => Promise<void>): Promise<void> {
    const next = work.then(task, task);
    work = next.catch(() => {});
    return next;
  }

  function unsynced(): number {
    let total = incoming;
    for (const entry of docs.values()) total += entry.provider?.unsyncedChanges ?? 0;
    return total;
  }

  function report(): void {
    const waiting = unsynced();
    let next: SyncStatus;
    if (fatal !== null) next = { kind: 'error', message: fatal };
    else if (!connected) next = lastSyncedAt === 0 && waiting === 0 ? { kind: 'connecting' } : { kind: 'offline', waiting };
    else if (waiting > 0 || progress.merged < progress.known || [...docs.values()].some((entry) => entry.provider !== null && !entry.provider.isSynced)) {
      next = progress.known > 0 ? { kind: 'syncing', pending: waiting, progress: { ...progress } } : { kind: 'syncing', pending: waiting };
    } else {
      progress.known = 0;
      progress.merged = 0;
      lastSyncedAt = clock();
      next = { kind: 'synced', lastSyncedAt };
    }
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    options.onStatus?.(next);
  }

  function fail(message: string): void {
    fatal = message;
    report();
  }

  /** Opens (once) the document with this logical name: its stored copy first, then the server. */
  function docFor(logical: string): Promise<SyncedDoc> {
    let entry = opening.get(logical);
    if (entry === undefined) {
      entry = openDoc(logical);
      opening.set(logical, entry);
    }
    return entry;
  }

  async function openDoc(logical: string): Promise<SyncedDoc> {
    const spaceKeys = await keys();
    const name = await documentName(spaceKeys, logical);
    const doc = new Y.Doc();
    const persistence = prefix === null ? null : new IndexeddbPersistence(`${prefix}${name}`, doc);
    const entry: SyncedDoc = { logical, name, doc, map: doc.getMap<Uint8Array>(ENTRIES_MAP), persistence, provider: null };
    docs.set(logical, entry);
    if (persistence !== null) await persistence.whenSynced;
    const applied: unknown = persistence === null ? undefined : await persistence.get(APPLIED_KEY);
    // Each merge carries the state vector its keys were read at; merges run in order, so the one
    // saved last never claims a key that is still waiting.
    const stored = keysAfter(doc, applied instanceof Uint8Array ? applied : null);
    const storedAt = Y.encodeStateVector(doc);
    entry.map.observe((event) => {
      if (event.transaction.origin === LOCAL) return;
      const changed = [...event.keysChanged];
      const at = Y.encodeStateVector(doc);
      queueMerge(entry, changed, at);
    });
    // What arrived before the last stop but was not merged yet (or everything, the first time).
    // The devices document is read whole: its entries are kept in memory only.
    queueMerge(entry, logical === DEVICES_DOC ? [...entry.map.keys()] : stored, storedAt);
    if (stopped) return entry;
    entry.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: spaceKeys.credential,
      awareness: null,
      onSynced: () => report(),
      onUnsyncedChanges: () => report(),
      onAuthenticationFailed: ({ reason }) => fail(`The sync server refused this device: ${reason}`),
      onClose: ({ event }) => {
        if (typeof event.reason === 'string' && /^[a-z-]+: /.test(event.reason)) fail(`The sync server stopped syncing: ${event.reason}`);
      },
    });
    entry.provider.attach();
    return entry;
  }

  function queueMerge(entry: SyncedDoc, changed: readonly string[], stateVector: Uint8Array): void {
    incoming += changed.length;
    progress.known += changed.length;
    report();
    serially(() => merge(entry, changed, stateVector))
      .catch((error: unknown) => fail(`Synced changes could not be read: ${messageOf(error)}`))
      .finally(() => {
        incoming -= changed.length;
        report();
      });
  }

  /** Opens and checks the entries under `changed`, queueing them for the next flush. */
  async function merge(entry: SyncedDoc, changed: readonly string[], stateVector: Uint8Array): Promise<void> {
    if (changed.length === 0) return;
    const spaceKeys = await keys();
    const events: SyncedEvent[] = [];
    const isEventDoc = entry.logical !== DEVICES_DOC && entry.logical !== MANIFEST_DOC;
    // Event entries are opened a slice at a time in parallel (WebCrypto works off the main thread), in order.
    for (let start = 0; start < changed.length; start += isEventDoc ? OPEN_PARALLEL : 1) {
      const slice = changed.slice(start, start + (isEventDoc ? OPEN_PARALLEL : 1));
      const opened = await Promise.all(slice.map((key) => openEntry(spaceKeys, entry, key)));
      for (const event of opened) if (event !== null) events.push(event);
      progress.merged += opened.filter((event) => event === null).length;
    }
    batch.events.push(...events);
    batch.marks.set(entry, stateVector);
    if (!isFlushQueued) {
      isFlushQueued = true;
      // A moment for the other documents of a first sync to arrive and join the same import.
      setTimeout(() => void serially(flush), FLUSH_DELAY_MS);
    }
  }

  /** Opens one entry: an event to merge, or null when it was not one (a device, a manifest line, a rejected entry). */
  async function openEntry(spaceKeys: SpaceKeys, entry: SyncedDoc, key: string): Promise<SyncedEvent | null> {
    const sealed = entry.map.get(key);
    if (sealed === undefined) return null;
    try {
      if (entry.logical === DEVICES_DOC) {
        await readDeviceEntry(spaceKeys, entry, key, sealed);
        return null;
      }
      if (entry.logical === MANIFEST_DOC) {
        const target = manifestTarget(fromUtf8(await open(spaceKeys, { documentName: entry.name, entryKey: key }, sealed)));
        if (target !== null && (options.content !== undefined || !target.startsWith('content/'))) void docFor(target);
        return null;
      }
      const event = await openEvent(spaceKeys, entry.name, key, sealed);
      sent.add(event.id);
      return event;
    } catch (error) {
      if (!(error instanceof SyncCryptoError)) throw error;
      rejected.push(error.message);
      fail(`${error.message} Another device, or the server, may be damaged or tampered with.`);
      return null;
    }
  }

  /** Opens one device entry and, when it is well formed and under its own key, lists it. */
  async function readDeviceEntry(spaceKeys: SpaceKeys, entry: SyncedDoc, key: string, sealed: Uint8Array): Promise<void> {
    if (!(sealed instanceof Uint8Array)) throw new SyncCryptoError('tampered', `A device entry is not sealed bytes; it was not read.`);
    const device = parseDeviceEntry(fromUtf8(await open(spaceKeys, { documentName: entry.name, entryKey: key }, sealed)));
    if (device === null || (await entryKey(spaceKeys, deviceEntryId(device.deviceId))) !== key) throw new SyncCryptoError('tampered', 'A device entry is damaged or stored under another device\'s key; it was not read.');
    // What the document holds wins, this device's entry too: when an older copy won a concurrent
    // write, the next check finds it stale and writes it again.
    deviceEntries.set(device.deviceId, device);
    announceDevices();
  }

  function announceDevices(): void {
    if (options.device) options.onDevices?.(listDevices(deviceEntries.values(), options.device.deviceId));
  }

  /** Writes this device's entry when it is missing, renamed or an hour old. */
  async function writeDeviceEntry(isForced = false): Promise<void> {
    const device = options.device;
    if (device === undefined || stopped) return;
    const now = clock();
    if (!isForced && !isEntryStale(deviceEntries.get(device.deviceId), deviceName, now)) return;
    const spaceKeys = await keys();
    const entry = await docFor(DEVICES_DOC);
    const key = await entryKey(spaceKeys, deviceEntryId(device.deviceId));
    const mine: DeviceEntry = { deviceId: device.deviceId, name: deviceName, lastSeenAt: now };
    const sealed = await seal(spaceKeys, { documentName: entry.name, entryKey: key }, utf8(encodeDeviceEntry(mine)), randomBytes);
    entry.doc.transact(() => entry.map.set(key, sealed), LOCAL);
    deviceEntries.set(device.deviceId, mine);
    announceDevices();
  }

  /**
   * Merges what the merges queued so far opened: a new device's first sync opens a dozen month
   * documents at once, and each card's events from all of them go to storage in one batch
   * (import-batches.ts), so each card is replayed once, not once per month. Progress is reported
   * after each batch. Then records, per document, the state vector its merged keys were read at.
   */
  async function flush(): Promise<void> {
    isFlushQueued = false;
    const { events, marks } = batch;
    batch = { events: [], marks: new Map() };
    const mergedBefore = progress.merged;
    if (events.length > 0) {
      try {
        const content: ContentEvent[] = [];
        const progressEvents: ProgressEvent[] = [];
        for (const event of events) {
          if (isContentEvent(event)) content.push(event);
          else progressEvents.push(event);
        }
        // Decks and cards first: a deck exists before its cards' progress arrives.
        const contentEvents = content.length > 0 && options.content ? await options.content.importContentEvents(content) : 0;
        markMerged(content.length);
        const result = { cardEventsAdded: 0, settingsEventsAdded: 0 };
        for (const part of importBatches(progressEvents)) {
          const added = await options.repository.importEvents(part);
          result.cardEventsAdded += added.cardEventsAdded;
          result.settingsEventsAdded += added.settingsEventsAdded;
          markMerged(part.length);
        }
        options.onMerged?.({ received: events.length, cardEvents: result.cardEventsAdded, settingsEvents: result.settingsEventsAdded, contentEvents });
      } catch (error) {
        markMerged(events.length - (progress.merged - mergedBefore));
        fail(`Synced changes could not be saved on this device: ${messageOf(error)}`);
        // Not marked as merged, nor is anything after it: tried again at the next start.
        for (const entry of marks.keys()) unmergeable.add(entry.logical);
        return;
      }
    }
    for (const [entry, stateVector] of marks) {
      if (!unmergeable.has(entry.logical)) await entry.persistence?.set(APPLIED_KEY, stateVector as unknown as ArrayBuffer);
    }
  }

  function markMerged(count: number): void {
    progress.merged += count;
    report();
  }

  /** Seals and adds the events whose keys their documents do not have yet. */
  async function send(events: readonly SyncedEvent[]): Promise<void> {
    const spaceKeys = await keys();
    const byDoc = new Map<string, SyncedEvent[]>();
    for (const event of events) {
      if (sent.has(event.id)) continue;
      const logical = logicalDocOf(event);
      byDoc.set(logical, [...(byDoc.get(logical) ?? []), event]);
    }
    for (const [logical, docEvents] of byDoc) {
      if (logical !== SETTINGS_DOC) await addToManifest(logical);
      const entry = await docFor(logical);
      const sealedEntries: [string, Uint8Array][] = [];
      for (const event of docEvents) {
        const key = await entryKey(spaceKeys, event.id);
        if (!entry.map.has(key)) sealedEntries.push([key, await sealEvent(spaceKeys, entry.name, key, event, randomBytes)]);
        sent.add(event.id);
      }
      // One transaction is one websocket message: a large import goes as several, each well under the server's cap.
      for (const group of byBytes(sealedEntries, MAX_UPDATE_BYTES)) entry.doc.transact(() => group.forEach(([key, sealed]) => entry.map.set(key, sealed)), LOCAL);
    }
  }

  async function addToManifest(logical: string): Promise<void> {
    const spaceKeys = await keys();
    const manifest = await docFor(MANIFEST_DOC);
    const listed = manifestEntryOf(logical);
    const key = await entryKey(spaceKeys, listed.id);
    if (manifest.map.has(key)) return;
    const sealed = await seal(spaceKeys, { documentName: manifest.name, entryKey: key }, utf8(listed.plaintext), randomBytes);
    manifest.doc.transact(() => manifest.map.set(key, sealed), LOCAL);
  }

  const pushSince = (full: boolean) =>
    serially(async () => {
      if (stopped) return;
      const content = options.content;
      const progress = full ? flatten(await options.repository.exportEvents()) : await options.repository.eventsSince(cursor);
      const authored = content === undefined ? [] : full ? await content.exportContentEvents() : await content.contentEventsSince(cursor);
      // Content first, so a device that merges as entries arrive sees the deck before its cards' progress.
      const events: SyncedEvent[] = [...authored, ...progress];
      await send(events);
      await writeDeviceEntry();
      const newest = events.reduce((max, event) => Math.max(max, event.createdAt), cursor + CURSOR_MARGIN_MS);
      cursor = newest - CURSOR_MARGIN_MS;
      report();
    });

  const started = (async () => {
    await Promise.all([docFor(MANIFEST_DOC), docFor(SETTINGS_DOC), ...(options.device ? [docFor(DEVICES_DOC)] : [])]);
    // The stored entries are read first, so a restart does not write an entry it already has.
    await work;
    await pushSince(true);
  })();
  started.catch((error: unknown) => fail(`Sync could not start: ${messageOf(error)}`));

  const timer = setInterval(() => {
    if (!stopped) void pushSince(false).catch((error: unknown) => fail(`Sending changes failed: ${messageOf(error)}`));
  }, options.pollMs ?? 2000);

  return {
    started,
    status: () => current,
    pushNow: () => pushSince(false),
    rejected: () => rejected,
    devices: () => (options.device ? listDevices(deviceEntries.values(), options.device.deviceId) : []),
    renameDevice: (name) =>
      serially(async () => {
        deviceName = name;
        await writeDeviceEntry(true);
      }),
    async whenIdle(timeoutMs = 20_000) {
      const deadline = clock() + timeoutMs;
      await started;
      for (;;) {
        await pushSince(false);
        await Promise.all(opening.values());
        await work;
        const all = [...docs.values()];
        const isIdle = !isFlushQueued && connected && all.every((entry) => entry.provider !== null && entry.provider.isSynced && entry.provider.unsyncedChanges === 0);
        if (isIdle) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          await work;
          if ([...docs.values()].length === all.length) return;
        }
        if (clock() > deadline) throw new Error(`Sync did not settle within ${timeoutMs} ms (status ${JSON.stringify(current)})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    localBytes: async () => {
      let total = 0;
      for (const entry of docs.values()) if (entry.persistence !== null) total += await databaseBytes(entry.persistence);
      return total;
    },
    async closeSpace(timeoutMs = 5_000) {
      const manifest = await docFor(MANIFEST_DOC);
      const deadline = clock() + timeoutMs;
      while (!(connected && manifest.provider?.isAuthenticated)) {
        if (clock() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      manifest.provider.sendStateless(REVOKE_SPACE_MESSAGE);
      while (!(current.kind === 'error' && current.message.includes('revoked'))) {
        if (clock() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return true;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await work;
      for (const entry of docs.values()) {
        entry.provider?.destroy();
        await entry.persistence?.destroy();
      }
      socket.destroy();
    },
  };
}

/** Entries per Yjs update are cut at about this many sealed bytes, an eighth of the server's message cap. */
const MAX_UPDATE_BYTES = DEFAULT_SERVER_LIMITS.maxMessageBytes / 8;

/** `entries` in order, in groups of at most `maxBytes` sealed bytes (a larger entry goes alone). */
export function byBytes(entries: readonly (readonly [string, Uint8Array])[], maxBytes: number): (readonly [string, Uint8Array])[][] {
  const groups: (readonly [string, Uint8Array])[][] = [];
  let bytes = 0;
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last === undefined || bytes + entry[1].byteLength > maxBytes) {
      groups.push([entry]);
      bytes = entry[1].byteLength;
    } else {
      last.push(entry);
      bytes += entry[1].byteLength;
    }
  }
  return groups;
}

const flatten = ({ cardEvents, settingsEvents }: { readonly cardEvents: readonly ProgressEvent[]; readonly settingsEvents: readonly ProgressEvent[] }) => [...cardEvents, ...settingsEvents];

/**
 * The map keys set in `doc` since `stateVector` (all keys when null). Read from the update that
 * brings that state up to now: a key's first write names it; later writes of the same key
 * (a second tab's duplicate) name only their neighbour, and their key was already seen.
 */
export function keysAfter(doc: Y.Doc, stateVector: Uint8Array | null): string[] {
  const map = doc.getMap(ENTRIES_MAP);
  if (stateVector === null) return [...map.keys()];
  const keys = new Set<string>();
  for (const struct of Y.decodeUpdate(Y.encodeStateAsUpdate(doc, stateVector)).structs) {
    if (struct instanceof Y.Item && struct.parentSub !== null) keys.add(struct.parentSub);
  }
  return [...keys];
}

/** Bytes of the values y-indexeddb keeps for one document (its updates and its own few keys). */
async function databaseBytes(persistence: IndexeddbPersistence): Promise<number> {
  await persistence.whenSynced;
  const db = persistence.db;
  if (db === null) return 0;
  const sizeOf = (value: unknown): number => (value instanceof Uint8Array ? value.byteLength : value instanceof ArrayBuffer ? value.byteLength : String(value).length);
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates', 'custom'], 'readonly');
    let total = 0;
    for (const storeName of ['updates', 'custom']) {
      const request = tx.objectStore(storeName).getAll();
      request.onsuccess = () => {
        for (const value of request.result as unknown[]) total += sizeOf(value);
      };
    }
    tx.oncomplete = () => resolve(total);
    tx.onerror = () => reject(tx.error);
  });
}
