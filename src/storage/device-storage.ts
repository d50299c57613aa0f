/**
 * The browser's storage manager: whether the site's data is persisted (exempt from eviction under
 * storage pressure, and from Safari's 7-day cleanup for installed apps) and how much space it uses.
 */

export interface PersistenceReport {
  /** Null when the browser cannot tell (no StorageManager). */
  readonly isPersisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

const storageManager = (): StorageManager | undefined =>
  typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;

/** Reads the current persistence state and usage; never throws. */
export async function readPersistence(): Promise<PersistenceReport> {
  const manager = storageManager();
  if (!manager) return { isPersisted: null, usageBytes: null, quotaBytes: null };
  const [isPersisted, estimate] = await Promise.all([
    manager.persisted ? manager.persisted().catch(() => null) : Promise.resolve(null),
    manager.estimate ? manager.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { isPersisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Asks the browser to keep the site's data; resolves to whether it now is. Never throws. */
export async function requestPersistence(): Promise<boolean | null> {
  const manager = storageManager();
  if (!manager?.persist) return null;
  return manager.persist().catch(() => null);
}
