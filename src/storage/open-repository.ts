/**
 * Opens progress storage at app start. Never fails: when IndexedDB cannot be used (missing,
 * private mode, storage disabled, full disk, an open that hangs) the app gets the same
 * repositories on an in-memory IndexedDB plus a StorageProblem to show, so studying still works and the user knows that
 * this visit's progress will not be kept.
 */
import { FlipdeckDb, globalIndexedDb } from './db';
import type { DbConnectionListener } from './db';
import { STUDY_SETTINGS_KEY } from './settings-rows';
import { openMemoryStorage, repositoriesOn } from './memory-storage';
import type { ProgressRepository, RepositoryOptions } from './progress-repository';
import { errorNamesIn, isQuotaError } from './storage-error';
import type { SettingsRepository } from './settings-repository';
import type { UserDeckRepository } from './user-deck-repository';
import type { ContentRepository } from './content-repository';

export type StorageProblemKind = 'unavailable' | 'blocked' | 'quota' | 'unknown';

/** Why progress is only kept in memory; `message` is for the user. */
export interface StorageProblem {
  readonly kind: StorageProblemKind;
  readonly message: string;
  /** The original error, for logs; absent when nothing was thrown (e.g. no IndexedDB at all). */
  readonly cause?: unknown;
}

/** Whether storage persists is for openRepository to find out, not for the caller to say. */
type RepositoryFactoryOptions = Omit<RepositoryOptions, 'isPersistent'>;

export interface OpenRepositoryOptions extends RepositoryFactoryOptions {
  readonly dbName?: string;
  /** Defaults to the page's indexedDB; tests pass a fresh or deliberately broken factory. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Give up on an open that has not finished after this long. */
  readonly openTimeoutMs?: number;
}

export interface OpenedRepository {
  readonly repository: ProgressRepository;
  /** Study settings, deck overrides and appearance, on the same database. */
  readonly settings: SettingsRepository;
  /** The user's own decks, on the same database. */
  readonly userDecks: UserDeckRepository;
  /** Decks written in the app (content events), on the same database. */
  readonly content: ContentRepository;
  /** Null when progress is persisted; otherwise why it is not. */
  readonly problem: StorageProblem | null;
  /** Later connection trouble (another tab upgrading the database); a no-op for the memory fallback. */
  readonly onConnectionEvent: (listener: DbConnectionListener) => () => void;
}

// Long enough for a cold open on a slow phone, short enough that a hung open (seen in Safari
// and when another tab blocks an upgrade) does not leave the user staring at a spinner.
export const DEFAULT_OPEN_TIMEOUT_MS = 3000;

const NOT_KEPT = 'You can keep studying, but progress from this visit will not be kept after you close the tab.';

const PROBLEM_MESSAGES = {
  unavailable: `This browser is not letting Flipdeck save data (private browsing, or site storage is turned off). ${NOT_KEPT}`,
  blocked: `Flipdeck is open in another tab that is running an older version. Close the other Flipdeck tabs and reload this one. ${NOT_KEPT}`,
  newerVersion: `Your progress was saved by a newer version of Flipdeck. Reload the page to get the newer version. ${NOT_KEPT}`,
  quota: `Your device's storage is full, so Flipdeck cannot open your saved progress. Free up some space and reload. ${NOT_KEPT}`,
  timeout: `Flipdeck's saved progress took too long to open. Reloading the page may help. ${NOT_KEPT}`,
  unknown: `Flipdeck could not open your saved progress. Reloading the page may help. ${NOT_KEPT}`,
} as const;

// Errors that mean "this browser will not give us IndexedDB here" rather than a passing fault:
// InvalidStateError is Firefox private mode, SecurityError is storage blocked by settings/iframe.
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'SecurityError', 'InvalidStateError', 'NotAllowedError']);

class OpenTimeoutError extends Error {
  override readonly name = 'OpenTimeoutError';
}

/** Opens IndexedDB storage, or falls back to memory with a problem to show. */
export async function openRepository(options: OpenRepositoryOptions = {}): Promise<OpenedRepository> {
  const factory = options.indexedDB ?? globalIndexedDb();
  if (factory === undefined) return inMemory({ kind: 'unavailable', message: PROBLEM_MESSAGES.unavailable }, options);

  let db: FlipdeckDb | undefined;
  let wasBlocked = false;
  try {
    db = new FlipdeckDb({ name: options.dbName, indexedDB: factory, IDBKeyRange: options.IDBKeyRange });
    const stopWatching = db.onConnectionEvent((event) => {
      if (event.kind === 'blocked') wasBlocked = true;
    });
    const opened = db;
    // A read as well as the open: some browsers open fine and only fail on first use.
    await withTimeout(
      opened.open().then(() => opened.settings.get(STUDY_SETTINGS_KEY)),
      options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS,
    );
    stopWatching();
    return {
      ...(await repositoriesOn(opened, { ...options, isPersistent: true })),
      problem: null,
      onConnectionEvent: (listener) => opened.onConnectionEvent(listener),
    };
  } catch (error) {
    // Also stops a late-finishing open from holding a connection that would block upgrades.
    db?.close({ disableAutoOpen: true });
    return inMemory(describeOpenFailure(error, wasBlocked), options);
  }
}

/** The same repositories on an in-memory IndexedDB, which is downloaded only now. */
async function inMemory(problem: StorageProblem, options: RepositoryFactoryOptions & { readonly dbName?: string }): Promise<OpenedRepository> {
  const { onCorruptRow } = options;
  const storage = await openMemoryStorage({}, { ...(onCorruptRow ? { onCorruptRow } : {}), ...(options.dbName ? { name: options.dbName } : {}) });
  return { ...storage, problem, onConnectionEvent: () => () => {} };
}

/** Turns an open failure into the problem the user sees. */
export function describeOpenFailure(error: unknown, wasBlocked: boolean): StorageProblem {
  const names = errorNamesIn(error);
  if (isQuotaError(error)) return { kind: 'quota', message: PROBLEM_MESSAGES.quota, cause: error };
  if (names.includes('VersionError')) return { kind: 'blocked', message: PROBLEM_MESSAGES.newerVersion, cause: error };
  if (wasBlocked) return { kind: 'blocked', message: PROBLEM_MESSAGES.blocked, cause: error };
  if (names.some((name) => UNAVAILABLE_NAMES.has(name))) return { kind: 'unavailable', message: PROBLEM_MESSAGES.unavailable, cause: error };
  if (error instanceof OpenTimeoutError) return { kind: 'unknown', message: PROBLEM_MESSAGES.timeout, cause: error };
  return { kind: 'unknown', message: PROBLEM_MESSAGES.unknown, cause: error };
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OpenTimeoutError(`IndexedDB open did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
