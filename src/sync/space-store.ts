/**
 * Where this device keeps the sync space it belongs to: one localStorage entry, `<id>.<secret>`.
 * Not in the Flipdeck database: the sync state lives beside the progress, never in its schema, so
 * stopping sync or a broken entry can never touch progress. A damaged entry reads as "not syncing".
 */
import { parseSyncSpace, type SyncSpace } from '../domain/sync/space';

const KEY = 'flipdeck-sync-space';

export interface SpaceStore {
  load(): SyncSpace | null;
  save(space: SyncSpace | null): void;
}

/** The space store on `storage` (the page's localStorage; tests pass their own). */
export function localSpaceStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): SpaceStore {
  return {
    load() {
      try {
        const code = storage?.getItem(KEY);
        return code ? parseSyncSpace(code) : null;
      } catch {
        return null;
      }
    },
    save(space) {
      if (space === null) storage?.removeItem(KEY);
      else storage?.setItem(KEY, `${space.spaceId}.${space.secret}`);
    },
  };
}
