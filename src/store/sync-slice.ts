/**
 * Sync state for the header and Settings → Sync. The engine (src/sync, with Yjs and Hocuspocus)
 * loads only when this device syncs; components see the status and call these actions, never the
 * engine. After a merge the store re-reads what the merged events changed, as it does when another
 * tab writes, and tells the other tabs.
 */
import type { SyncSpace } from '../domain/sync/space';
import type { DeviceEntry } from '../domain/sync/devices';
import type { SyncEngine, SyncEngineOptions, SyncStatus } from '../sync/sync-engine';
import type { SpaceStore } from '../sync/space-store';
import { lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

/** What the store needs to sync; absent when the build has no sync server. */
export interface SyncDeps {
  readonly url: string;
  readonly spaces: SpaceStore;
  readonly startEngine: (options: SyncEngineOptions) => Promise<SyncEngine>;
  /** The browser's user agent, for this device's default name ("Chrome on Android"). */
  readonly userAgent?: string;
  /** The browser's Web Locks (navigator.locks): one tab per device syncs. Absent: every tab syncs (costs duplicate Yjs entries, never duplicate events). */
  readonly locks?: Pick<LockManager, 'request'>;
}


/** What joining a space will merge: this device's events, which join the space's. */
export interface JoinPreview {
  readonly space: SyncSpace;
  readonly localReviews: number;
  readonly localEvents: number;
  readonly isSameSpace: boolean;
}

export interface SyncSlice {
  /** False when the build has no sync server: sync is hidden. */
  readonly isSyncAvailable: boolean;
  readonly syncSpace: SyncSpace | null;
  /** Null while not syncing. */
  readonly syncStatus: SyncStatus | null;
  readonly syncError: string | null;
  /** The space's devices by name, this one first; empty while not syncing. */
  readonly syncDevices: readonly DeviceEntry[];
  /** This device's name in the space (null while not syncing). */
  readonly thisDeviceName: string | null;
  /** Renames this device for the others; resolves with a message to show, or null once saved. */
  renameThisDevice(name: string): Promise<string | null>;
  /** Starts syncing the space this device joined before, if any. */
  resumeSync(): Promise<void>;
  /** Creates a new space on this device and starts syncing it. */
  turnOnSync(): Promise<void>;
  /** Reads a link's space and what joining it would merge, without joining. */
  previewJoin(hash: string): Promise<JoinPreview>;
  joinSync(space: SyncSpace): Promise<void>;
  /** Stops syncing on this device; its progress stays. */
  stopSync(): Promise<void>;
  /** Moves this device to a fresh space (a new secret): devices linked before must be linked again. */
  startNewSpace(): Promise<void>;
}

/** The slice's actions, loaded on first use (sync-actions.ts). */
export type SyncActions = Pick<SyncSlice, 'renameThisDevice' | 'resumeSync' | 'turnOnSync' | 'previewJoin' | 'joinSync' | 'stopSync' | 'startNewSpace'>;

export const createSyncSlice: SliceCreator<SyncSlice> = (set, get, deps) => {
  const actions = lazyActions(() => import('./sync-actions').then((m): SyncActions => m.createSyncActions(set, get, deps)));
  return {
    isSyncAvailable: deps.sync !== undefined,
    syncSpace: null,
    syncStatus: null,
    syncError: null,
    syncDevices: [],
    thisDeviceName: null,
    renameThisDevice: async (name) => (await actions()).renameThisDevice(name),
    async resumeSync() {
      // A device that does not sync never loads the actions.
      if (deps.sync?.spaces.load() == null) return;
      await (await actions()).resumeSync();
    },
    turnOnSync: async () => (await actions()).turnOnSync(),
    previewJoin: async (hash) => (await actions()).previewJoin(hash),
    joinSync: async (space) => (await actions()).joinSync(space),
    stopSync: async () => (await actions()).stopSync(),
    startNewSpace: async () => (await actions()).startNewSpace(),
  };
};
