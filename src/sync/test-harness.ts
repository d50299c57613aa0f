/**
 * Test support for sync, against the real server: a sync server started in this process or as
 * its own process (`npm run sync-server`'s build), a redis-server on a free port, and simulated
 * devices (a Flipdeck database on fake-indexeddb plus a sync engine). Only tests import this.
 */
import { deckDeletedEvents } from '../domain/authoring/deck-deletion';
import 'fake-indexeddb/auto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { startSyncServer, type RunningSyncServer, type SyncServerOptions } from '../../sync-server/src/server';
import { addCardEvents, createDeckEvents, editCardEvents, importedDeckEvents, newAuthoredDeckId, type CardDraft, type EventEnvelope } from '../domain/authoring/commands';
import type { Deck } from '../domain/deck/types';
import type { ImportedOrigin } from '../domain/deck/user-deck';
import type { AuthoredDeck } from '../domain/authoring/content-replay';
import type { CardEvent, DeviceId, EventId, ProgressEvent } from '../domain/events/types';
import { asCardId, asDeckId, type CardId, type DeckId } from '../domain/ids';
import { createScheduler, newCardState } from '../domain/scheduling/scheduler';
import type { CardState, Rating } from '../domain/scheduling/types';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import type { SyncSpace } from '../domain/sync';
import { openRepository, type OpenedRepository } from '../storage/open-repository';
import { startSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncStatus } from './sync-engine';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `ws` for the provider in Node. A socket closed while still connecting (an engine stopped at
 * once) emits an error after the provider has removed its listeners; in a browser that is a quiet
 * event, in Node an unhandled one. This keeps one listener for the life of the socket.
 */
export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}
export const DECK: DeckId = asDeckId('sync-deck');
const scheduler = createScheduler(DEFAULT_SETTINGS);

const DAY_MS = 24 * 3600_000;
const RATINGS: readonly Rating[] = ['good', 'good', 'good', 'hard', 'easy', 'again'];

/** Review events for `cards` cards, each graded in turn from its last state, spread evenly over `months` months. */
export function reviewEvents(deviceId: DeviceId, newId: (at: number) => EventId, reviews: number, cards: number, months: number, start: number): ProgressEvent[] {
  const span = months * 30 * DAY_MS;
  const states = new Map<number, CardState>();
  const events: CardEvent[] = [];
  for (let i = 0; i < reviews; i++) {
    const card = i % cards;
    const at = start + Math.floor((i / reviews) * span);
    const cardId = asCardId(`card-${card}`);
    const before = states.get(card) ?? null;
    const id = newId(at);
    const rating = RATINGS[(i * 7 + card) % RATINGS.length]!;
    const after = scheduler.grade(before ?? newCardState(DECK, cardId, at), rating, at, id);
    states.set(card, after);
    events.push({ id, deviceId, createdAt: at, deckId: DECK, cardId, kind: 'review', rating, answerMs: 3_000, before, after });
  }
  return events;
}

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `flipdeck-${label}-`));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** A server node in this process, on a free port, writing quickly so tests see the file. */
export function serverInProcess(dataDir: string, options: Partial<SyncServerOptions> = {}): Promise<RunningSyncServer> {
  return startSyncServer({ port: 0, dataDir, storeDebounceMs: 100, log: () => {}, ...options });
}

/** Builds the server (tsc) when a source is newer than the build, as `npm run sync-server` does. */
export function ensureServerBuilt(): string {
  const entry = join(ROOT, 'sync-server/build/sync-server/src/main.js');
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => statSync(join(dir, name)).mtimeMs));
  const sources = Math.max(newest(join(ROOT, 'sync-server/src')), newest(join(ROOT, 'src/domain/sync')));
  if (!existsSync(entry) || statSync(entry).mtimeMs < sources) {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'sync-server/tsconfig.json')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`The sync server did not build:\n${built.stdout}${built.stderr}`);
  }
  return entry;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** SIGTERM, resolving with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `node sync-server/build/.../main.js` as its own process; resolves once it prints its URL. */
export async function serverProcess(env: { readonly dataDir: string; readonly port?: number; readonly redisUrl?: string; readonly name?: string }): Promise<ServerProcess> {
  const entry = ensureServerBuilt();
  const child = spawn(process.execPath, [entry, ...(env.redisUrl === undefined ? [] : ['--redis', env.redisUrl])], {
    env: { ...process.env, PORT: String(env.port ?? 0), FLIPDECK_SYNC_DATA: env.dataDir, FLIPDECK_SYNC_STORE_DEBOUNCE_MS: '100', FLIPDECK_SYNC_NODE: env.name ?? 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sync server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`The sync server exited:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface RedisProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Whether redis-server is installed (`.ci/run` installs it). */
export const hasRedis = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

/** A redis-server on a free port with its own temporary folder and no persistence. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const dir = tempDir('redis');
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      await exited;
      cleanup(dir);
    },
  };
}

/** A simulated device: its own Flipdeck database and, when syncing, an engine. */
export class Device {
  engine: SyncEngine | null = null;
  readonly statuses: SyncStatus[] = [];
  now: number;

  private constructor(
    readonly name: string,
    readonly storage: OpenedRepository,
    now: number,
  ) {
    this.now = now;
  }

  static async open(name: string, now: number): Promise<Device> {
    const clock = { device: null as Device | null };
    const storage = await openRepository({ dbName: `flipdeck-${name}`, indexedDB: new IDBFactory(), IDBKeyRange, clock: () => clock.device?.now ?? now, onCorruptRow: () => {} });
    const device = new Device(name, storage, now);
    clock.device = device;
    return device;
  }

  get repository() {
    return this.storage.repository;
  }

  sync(space: SyncSpace, url: string, options: Partial<SyncEngineOptions> = {}): SyncEngine {
    this.engine = startSyncEngine({
      repository: this.repository,
      content: this.storage.content,
      space,
      url,
      persistencePrefix: `${this.name}/`,
      WebSocketPolyfill: NodeWebSocket,
      pollMs: 100,
      clock: () => Date.now(),
      onStatus: (status) => this.statuses.push(status),
      ...options,
    });
    return this.engine;
  }

  async stopSync(): Promise<void> {
    await this.engine?.stop();
    this.engine = null;
  }

  async stateOf(card: string, deckId: DeckId = DECK): Promise<CardState | null> {
    return (await this.repository.loadDeckStates(deckId)).find((state) => state.cardId === card) ?? null;
  }

  /** Grades a card as the study session does: from this device's state, checked against it. */
  async study(card: string, rating: Rating = 'good', deckId: DeckId = DECK): Promise<CardEvent> {
    const cardId = asCardId(card);
    const before = await this.stateOf(card, deckId);
    const at = this.now;
    const id = this.repository.newEventId(at);
    const after = scheduler.grade(before ?? newCardState(deckId, cardId, at), rating, at, id);
    const event: CardEvent = { id, deviceId: this.repository.deviceId, createdAt: at, deckId, cardId, kind: 'review', rating, answerMs: 3_000, before, after };
    await this.repository.appendCardEvents([event], { expectedState: before });
    this.now += 60_000;
    return event;
  }

  /** The envelope the editor gives its commands on this device, at `now`. */
  private envelope(): EventEnvelope {
    const at = this.now;
    this.now += 1_000;
    return { newId: (createdAt) => this.repository.newEventId(createdAt), deviceId: this.repository.deviceId, now: at };
  }

  /** Writes a new deck in the app, as the editor does; resolves with its id. */
  async createDeck(title: string): Promise<DeckId> {
    const deckId = newAuthoredDeckId(title, crypto.randomUUID());
    await this.storage.content.appendContent(createDeckEvents(this.envelope(), deckId, title, ''));
    return deckId;
  }

  /** The deck written in the app as this device's content log leaves it. */
  async authored(deckId: DeckId): Promise<AuthoredDeck | null> {
    return this.storage.content.loadAuthoredDeck(deckId);
  }

  /** Adds a card at the end of an authored deck; resolves with its id. */
  async addCard(deckId: DeckId, front: string, back: string): Promise<CardId> {
    const current = await this.authored(deckId);
    if (current === null) throw new Error(`${this.name} has no deck ${deckId}`);
    const [created] = addCardEvents(this.envelope(), current, [{ front, back, tags: [] }]);
    await this.storage.content.appendContent([created!]);
    return asCardId(created!.id);
  }

  /** Saves the card with `change` over what this device shows, as the editor does. */
  async editCard(deckId: DeckId, cardId: CardId, change: Partial<CardDraft>): Promise<void> {
    const current = await this.authored(deckId);
    const card = current?.deck.cards.find((candidate) => candidate.id === cardId);
    if (!current || !card) throw new Error(`${this.name} has no card ${cardId}`);
    await this.storage.content.appendContent(editCardEvents(this.envelope(), current, cardId, { front: card.front, back: card.back, tags: card.tags ?? [], ...change }));
  }

  /** Imports a deck file (first time or again) as the import screen does: the deck and the events that record it, in one transaction. */
  async importDeck(deck: Deck, origin: ImportedOrigin = 'csv'): Promise<void> {
    const envelope = this.envelope();
    const contentEvents = importedDeckEvents(envelope, await this.authored(deck.id), deck, origin);
    await this.storage.userDecks.saveDecks([{ deck: { ...deck, origin, createdAt: envelope.now, updatedAt: envelope.now }, contentEvents }]);
  }

  /** Deletes user decks as the deck list does: one tombstone per deck, in the repository's one transaction. */
  async deleteDecks(deckIds: readonly DeckId[]): Promise<void> {
    const envelope = this.envelope();
    await this.storage.userDecks.deleteDecks(deckIds, (lastSeenAt) => deckDeletedEvents(deckIds, envelope, lastSeenAt));
  }

  /** Every event id in the log, sorted, and every cached state: what two converged devices share. */
  async snapshot() {
    const { cardEvents, settingsEvents } = await this.repository.exportEvents();
    return {
      eventIds: [...cardEvents, ...settingsEvents].map((event) => event.id).sort(),
      states: await this.repository.loadDeckStates(DECK),
      reviews: (await this.repository.reviewsBetween(null, 0, Number.MAX_SAFE_INTEGER)).map((entry) => entry.id).sort(),
      settings: await this.storage.settings.loadSettings(),
    };
  }

  async close(): Promise<void> {
    await this.stopSync();
  }
}
