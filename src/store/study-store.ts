/**
 * The one zustand store, built from slices. Dexie is the source of truth: `hydrate()` loads from it,
 * and every action computes with the domain, writes through storage, and only then calls set().
 * A failed write leaves the state as it was and shows a message.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpenedRepository } from '../storage/open-repository';
import { createAuthoringSlice, type AuthoringSlice } from './authoring-slice';
import { createBrowseSlice, type BrowseSlice } from './browse-slice';
import { createDecksSlice, type DecksSlice } from './decks-slice';
import { createDeviceSlice, type DeviceSlice } from './device-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createPlanningSlice, type PlanningSlice } from './planning-slice';
import { createStatsSlice, type StatsSlice } from './stats-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createStorageSlice, type StorageSlice } from './storage-slice';
import { createSyncSlice, type SyncDeps, type SyncSlice } from './sync-slice';
import type { ChangeFeed } from '../storage/change-feed';
import type { DeckSource } from '../storage/deck-source';
import type { RandomBytes } from '../domain/events/event-id';
import type { DeckListing } from './types';

export interface StoreDeps {
  readonly openRepository: () => Promise<OpenedRepository>;
  readonly deckSource: DeckSource;
  /** Wall-clock time in epoch ms; tests pass a fixed clock. */
  readonly clock: () => number;
  /** Random bytes for event ids (omitted: crypto.getRandomValues); tests pass a seeded source. */
  readonly randomBytes?: RandomBytes;
  /** Tells other tabs what this one wrote, and hears what they wrote (omitted: no other tabs). */
  readonly changes?: ChangeFeed;
  /** The bundled decks index.html was prerendered with, shown as loading until loadDecks has run. */
  readonly prerenderedDecks?: readonly DeckListing[];
  /** The sync server and engine; absent when the build has no FLIPDECK_SYNC_URL. */
  readonly sync?: SyncDeps;
}

export type StudyState = StorageSlice & DecksSlice & SessionSlice & DeviceSlice & StatsSlice & BrowseSlice & SettingsSlice & LibrarySlice & PlanningSlice & AuthoringSlice & SyncSlice;
export type StudyStore = StoreApi<StudyState>;
export type SliceCreator<T> = (
  set: StudyStore['setState'],
  get: StudyStore['getState'],
  deps: StoreDeps,
) => T;

/** Creates an independent store; the app makes one, each test makes its own. */
export function createStudyStore(deps: StoreDeps): StudyStore {
  return createStore<StudyState>()((set, get) => ({
    ...createStorageSlice(set, get, deps),
    ...createDecksSlice(set, get, deps),
    ...createSessionSlice(set, get, deps),
    ...createDeviceSlice(set, get, deps),
    ...createStatsSlice(set, get, deps),
    ...createBrowseSlice(set, get, deps),
    ...createSettingsSlice(set, get, deps),
    ...createLibrarySlice(set, get, deps),
    ...createPlanningSlice(set, get, deps),
    ...createAuthoringSlice(set, get, deps),
    ...createSyncSlice(set, get, deps),
  }));
}
