import { readPersistence, requestPersistence, type PersistenceReport } from '../storage/device-storage';
import type { SliceCreator } from './study-store';

export interface DeviceSlice {
  readonly persistence: PersistenceReport | null;
  /** Whether this page has already asked for persistent storage (it asks once, after studying). */
  readonly hasRequestedPersistence: boolean;
  refreshPersistence(): Promise<void>;
  /** Asks for persistent storage once the student has something worth keeping. */
  requestPersistenceOnce(): Promise<void>;
}

export const createDeviceSlice: SliceCreator<DeviceSlice> = (set, get) => ({
  persistence: null,
  hasRequestedPersistence: false,

  async refreshPersistence() {
    set({ persistence: await readPersistence() });
  },

  async requestPersistenceOnce() {
    if (get().hasRequestedPersistence || !get().repository?.isPersistent) return;
    set({ hasRequestedPersistence: true });
    await requestPersistence();
    await get().refreshPersistence();
  },
});
