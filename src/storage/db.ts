/**
 * The Flipdeck IndexedDB database: schema versions and connection lifecycle.
 *
 * Schema rule: a version that has shipped is never edited. To change the schema, add
 * `this.version(N + 1).stores({...}).upgrade(tx => ...)` below the last one and extend
 * db-migration.test.ts so data written by every older version still opens.
 */
import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { CardStateRow, NewReviewLogRow, ReviewLogRow } from './progress-rows';
import type { CardEventRow, SettingsEventRow } from './event-rows';
import type { ContentEventRow } from './content-rows';
import { upgradeToEventLog } from './upgrade-v3';
import type { SettingsRow } from './settings-rows';
import type { MediaRow, UserDeckRow } from './user-deck-rows';

export const DEFAULT_DB_NAME = 'flipdeck';

/**
 * Schema v1 (first release). Shipped: do not edit.
 * - cardStates: primary key [deckId+cardId]; [deckId+dueAt] makes the due queue a range read.
 * - reviewLog: append-only; [deckId+reviewedAt] serves "today's reviews", [deckId+cardId] a
 *   card's history, reviewedAt a future cross-deck pruning/export by time.
 * - settings: one row per key ('study').
 */
const SCHEMA_V1 = {
  cardStates: '[deckId+cardId], deckId, [deckId+dueAt]',
  reviewLog: '++id, [deckId+reviewedAt], [deckId+cardId], reviewedAt',
  settings: 'key',
} as const;

/**
 * Schema v2: a user's own decks beside the bundled ones. Adds tables only; every v1 table is
 * declared unchanged, so the upgrade copies and deletes nothing.
 * - userDecks: one row per imported/shared/restored deck, keyed by its "user."-prefixed id.
 * - media: images that belong to a user deck, keyed by [deckId+name], so a deck's media is one
 *   range read and is deleted with the deck.
 */
const SCHEMA_V2 = {
  ...SCHEMA_V1,
  userDecks: 'id',
  media: '[deckId+name], deckId',
} as const;

/**
 * Schema v3: the event log (docs/data-model.md). Every change to progress is an immutable event.
 * - events: card events, primary key the event id (a ULID); [deckId+cardId] reads a card's events
 *   for replay, [deckId+createdAt] a deck's events by time (today's reviews), createdAt all by time.
 * - settingsEvents: study-settings and deck-override changes, by id, and by time for the timeline.
 * - cardStates: unchanged, now the cache of replay, rebuilt in the transaction that appends a card's events.
 * - reviewLog: still declared so the v3 upgrade can read it; the upgrade converts its rows to events
 *   and empties it, and nothing writes it again. A later version may drop it.
 */
const SCHEMA_V3 = {
  ...SCHEMA_V2,
  events: 'id, [deckId+cardId], [deckId+createdAt], createdAt',
  settingsEvents: 'id, createdAt',
} as const;

/**
 * Schema v4: decks and cards written in the app, as content events (docs/data-model.md, "Content
 * events"). Adds one table; every v3 table is declared unchanged, so the upgrade copies and deletes
 * nothing. The replayed deck is cached as a userDecks row (origin 'authored'), as cardStates
 * caches progress.
 * - contentEvents: primary key the event id; deckId reads one deck's stream for replay, and
 *   [deckId+createdAt] its latest event (whether an append may skip the replay).
 */
const SCHEMA_V4 = {
  ...SCHEMA_V3,
  contentEvents: 'id, deckId, [deckId+createdAt], createdAt',
} as const;

/** Something happened to the connection that the app should tell the user about. */
export type DbConnectionEvent =
  /** Another tab is upgrading or deleting the database; this connection has been closed for good. */
  | { readonly kind: 'versionchange'; readonly message: string }
  /** Our open/upgrade waits on another tab that still holds an older version open. */
  | { readonly kind: 'blocked'; readonly message: string };

export type DbConnectionListener = (event: DbConnectionEvent) => void;

export interface FlipdeckDbOptions {
  readonly name?: string;
  /** Defaults to the global indexedDB; tests pass a fresh fake-indexeddb factory for isolation. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

const VERSION_CHANGE_MESSAGE =
  'Flipdeck was updated or reset in another tab, so this tab stopped saving progress. Reload this tab to keep going.';
const BLOCKED_MESSAGE =
  'Flipdeck is waiting for another tab that is still running an older version. Close the other Flipdeck tabs to continue.';

/** The page's IndexedDB factory, or undefined where there is none or touching it throws. */
export function globalIndexedDb(): IDBFactory | undefined {
  try {
    // Firefox with storage disabled throws SecurityError on mere access to `indexedDB`.
    return globalThis.indexedDB as IDBFactory | undefined;
  } catch {
    return undefined;
  }
}

function dexieOptions(options: FlipdeckDbOptions): DexieOptions {
  // Dexie reads the global indexedDB/IDBKeyRange once, at import; look again now so a polyfill
  // installed after Dexie was imported (fake-indexeddb in tests) is still picked up.
  const indexedDB = options.indexedDB ?? globalIndexedDb();
  const keyRange = options.IDBKeyRange ?? (globalThis.IDBKeyRange as typeof IDBKeyRange | undefined);
  return {
    // 'strict' asks the browser to flush to disk before the transaction's complete event.
    // Chrome's default (relaxed since Chrome 121) reports complete once the OS has the data,
    // so a crash or power loss right after the UI showed a grade as saved could lose it.
    // Browsers without the option (Safari) ignore it. A grade is a few hundred
    // bytes written once every few seconds, so the extra flush costs nothing noticeable.
    chromeTransactionDurability: 'strict',
    ...(indexedDB ? { indexedDB } : {}),
    ...(keyRange ? { IDBKeyRange: keyRange } : {}),
  };
}

export class FlipdeckDb extends Dexie {
  declare readonly cardStates: Table<CardStateRow, [string, string]>;
  declare readonly reviewLog: Table<ReviewLogRow, number, NewReviewLogRow>;
  declare readonly settings: Table<SettingsRow, string>;
  declare readonly userDecks: Table<UserDeckRow, string>;
  declare readonly media: Table<MediaRow, [string, string]>;
  declare readonly events: Table<CardEventRow, string>;
  declare readonly settingsEvents: Table<SettingsEventRow, string>;
  declare readonly contentEvents: Table<ContentEventRow, string>;

  private readonly connectionListeners = new Set<DbConnectionListener>();
  /** The latest connection event, kept so a listener that subscribes late still learns of it. */
  lastConnectionEvent: DbConnectionEvent | null = null;

  constructor(options: FlipdeckDbOptions = {}) {
    super(options.name ?? DEFAULT_DB_NAME, dexieOptions(options));

    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToEventLog);
    this.version(4).stores(SCHEMA_V4);

    // Dexie's default reaction closes the connection but lets the next query silently reopen
    // it, which would fail or race the other tab's upgrade. Close for good instead so writes
    // fail as StorageError 'closed', and let the app explain. Returning false stops the default.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      this.emit({ kind: 'versionchange', message: VERSION_CHANGE_MESSAGE });
      return false;
    });
    this.on('blocked', () => {
      this.emit({ kind: 'blocked', message: BLOCKED_MESSAGE });
    });
  }

  /** Subscribes to connection events; returns the unsubscribe function. */
  onConnectionEvent(listener: DbConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  private emit(event: DbConnectionEvent): void {
    this.lastConnectionEvent = event;
    for (const listener of this.connectionListeners) listener(event);
  }
}
