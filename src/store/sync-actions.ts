/**
 * The sync slice's action bodies (the engine's start, the Web Lock, devices), in their own chunk:
 * the first screen of a device that does not sync never runs them. See sync-slice.ts.
 */
import { messageOf } from '../domain/errors';
import { createSyncSpace, parseSyncLink, type SyncSpace } from '../domain/sync/space';
import type { SyncEngine } from '../sync/sync-engine';
import type { SliceCreator } from './study-store';
import type { SyncActions } from './sync-slice';

/** The Web Lock the syncing tab of a device holds for as long as it syncs. */
const SYNC_LOCK = 'flipdeck-sync';

export const createSyncActions: SliceCreator<SyncActions> = (set, get, deps) => {
  let engine: SyncEngine | null = null;
  /** 'waiting' while another tab holds the lock; 'held' while this tab does (released by stopSync or closing the tab). */
  let lock: { state: 'waiting'; abort: AbortController } | { state: 'held'; release: () => void } | null = null;
  const randomBytes = deps.randomBytes ?? ((length: number) => crypto.getRandomValues(new Uint8Array(length)));

  async function stopEngine(): Promise<void> {
    const running = engine;
    engine = null;
    await running?.stop();
  }

  /**
   * Syncs `space` from this tab once it holds the device's sync lock. While another tab holds it,
   * the status says so and this tab follows that tab's merges through the change feed; when that
   * tab closes, this one takes over the space saved on the device then (none: it stays stopped).
   */
  async function start(space: SyncSpace): Promise<void> {
    const sync = deps.sync;
    if (!sync || !get().repository) return;
    sync.spaces.save(space);
    const locks = sync.locks;
    if (locks === undefined || lock?.state === 'held') return runEngine(space);
    set({ syncSpace: space, syncStatus: { kind: 'connecting' }, syncError: null, syncDevices: [] });
    if (lock?.state === 'waiting') return;
    const abort = new AbortController();
    lock = { state: 'waiting', abort };
    const whileHeld = async () => {
      const held = new Promise<void>((resolve) => (lock = { state: 'held', release: resolve }));
      const saved = sync.spaces.load();
      if (saved === null) {
        set({ syncSpace: null, syncStatus: null, syncDevices: [], thisDeviceName: null });
        stopHolding();
        return;
      }
      await runEngine(saved);
      await held;
    };
    void locks
      .request(SYNC_LOCK, { ifAvailable: true }, async (granted) => {
        if (granted !== null) return whileHeld();
        set({ syncStatus: { kind: 'other-tab' } });
        return locks.request(SYNC_LOCK, { signal: abort.signal }, whileHeld);
      })
      .catch(() => {
        // Aborted by stopSync while waiting: nothing to undo.
      });
  }

  /** Lets go of the lock (or stops waiting for it). */
  function stopHolding(): void {
    if (lock?.state === 'held') lock.release();
    else lock?.abort.abort();
    lock = null;
  }

  async function runEngine(space: SyncSpace): Promise<void> {
    const sync = deps.sync;
    const { repository, contentRepository } = get();
    if (!sync || !repository) return;
    await stopEngine();
    set({ syncSpace: space, syncStatus: { kind: 'connecting' }, syncError: null, syncDevices: [] });
    try {
      const { defaultDeviceName } = await import('../domain/sync/devices');
      const name = sync.spaces.loadDeviceName() ?? defaultDeviceName(sync.userAgent ?? '');
      set({ thisDeviceName: name });
      engine = await sync.startEngine({
        repository,
        ...(contentRepository ? { content: contentRepository } : {}),
        space,
        url: sync.url,
        device: { deviceId: repository.deviceId, name },
        onStatus: (status) => {
          if (get().syncSpace === space) set({ syncStatus: status });
        },
        onDevices: (devices) => {
          if (get().syncSpace === space) set({ syncDevices: devices });
        },
        onMerged: ({ cardEvents, settingsEvents, contentEvents }) => {
          if (cardEvents > 0 || contentEvents > 0) {
            void get().followOtherTab({ kind: 'library' });
            deps.changes?.publish({ kind: 'library' });
          }
          if (settingsEvents > 0) {
            void get().followOtherTab({ kind: 'settings' });
            deps.changes?.publish({ kind: 'settings' });
          }
        },
      });
    } catch (error) {
      set({ syncError: `Sync could not start: ${messageOf(error)}` });
    }
  }

  return {
    async renameThisDevice(typed) {
      const { checkDeviceName, DeviceNameError } = await import('../domain/sync/devices');
      let name: string;
      try {
        name = checkDeviceName(typed);
      } catch (error) {
        if (error instanceof DeviceNameError) return error.message;
        throw error;
      }
      try {
        deps.sync?.spaces.saveDeviceName(name);
        await engine?.renameDevice(name);
      } catch (error) {
        return `The new name was not saved: ${messageOf(error)}`;
      }
      set({ thisDeviceName: name });
      return null;
    },

    async resumeSync() {
      const space = deps.sync?.spaces.load() ?? null;
      if (space !== null && engine === null && lock === null) await start(space);
    },

    turnOnSync: () => start(createSyncSpace(randomBytes)),

    async previewJoin(hash) {
      const space = parseSyncLink(hash);
      const repository = get().repository;
      const log = repository ? await repository.exportEvents() : { cardEvents: [], settingsEvents: [] };
      const current = get().syncSpace;
      return {
        space,
        localReviews: log.cardEvents.filter((event) => event.kind === 'review').length,
        localEvents: log.cardEvents.length + log.settingsEvents.length,
        isSameSpace: current !== null && current.spaceId === space.spaceId && current.secret === space.secret,
      };
    },

    joinSync: (space) => start(space),

    async stopSync() {
      await stopEngine();
      // Cleared before the lock passes, so a waiting tab never takes over the space just left.
      deps.sync?.spaces.save(null);
      stopHolding();
      set({ syncSpace: null, syncStatus: null, syncError: null, syncDevices: [], thisDeviceName: null });
    },

    async startNewSpace() {
      // The old space is closed on the server first, so its link admits no one from now on.
      const isClosed = engine === null ? false : await engine.closeSpace();
      await start(createSyncSpace(randomBytes));
      if (!isClosed) set({ syncError: 'The old sync space could not be closed (this device was offline), so its link may still work. Start a new space again when you are online.' });
    },
  };
};
