/**
 * Where this device keeps the sync space it belongs to: one localStorage entry, `<id>.<secret>`.
 * Not in the Flipdeck database: the sync state lives beside the progress, never in its schema, so
 * stopping sync or a broken entry can never touch progress. A damaged entry reads as "not syncing".
 */
import { parseSyncSpace, type SyncSpace } from '../domain/sync/space';

const KEY = 'flipdeck-sync-space';
/** The name the student gave this device (the space's devices document is where others read it). */
const NAME_KEY = 'flipdeck-sync-device-name';

export interface SpaceStore {
  load(): SyncSpace | null;
  save(space: SyncSpace | null): void;
  /** The name given to this device, or null for the default one. */
  loadDeviceName(): string | null;
  saveDeviceName(name: string): void;
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
    loadDeviceName() {
      try {
        return storage?.getItem(NAME_KEY) || null;
      } catch {
        return null;
      }
    },
    saveDeviceName(name) {
      storage?.setItem(NAME_KEY, name);
    },
  };
}
