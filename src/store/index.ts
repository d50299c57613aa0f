import { useStore } from 'zustand';
import { prerenderedDecks } from 'virtual:flipdeck/prerendered-decks';
import { createBroadcastChangeFeed } from '../storage/change-feed';
import type { DeckSource } from '../storage/deck-source';
import { localSpaceStore } from '../sync/space-store';
import { createStudyStore, type StudyState } from './study-store';
import type { SyncDeps } from './sync-slice';

/**
 * Dexie (with the repositories over it) and the deck parser (with valibot) are separate chunks:
 * neither is needed to paint or render the deck list, only to fill in its counts. Each loads in
 * its own task, started at once (the page preloads both, see scripts/vite-plugin-shell.ts), so
 * evaluating the entry module stays short and the downloads overlap.
 */
const loadStorage = () => import('../storage/open-repository');
const loadDeckSource = () => import('../storage/deck-source').then((m) => m.createFetchDeckSource());

/** A deck source whose parser loads on first use; one load serves every call. */
function lazyDeckSource(load: () => Promise<DeckSource>): DeckSource {
  let source: Promise<DeckSource> | undefined;
  const loaded = () => (source ??= load());
  return {
    listDecks: async () => (await loaded()).listDecks(),
    loadDeck: async (listing) => (await loaded()).loadDeck(listing),
  };
}

/**
 * Sync when the build names a server (FLIPDECK_SYNC_URL). Yjs and Hocuspocus are their own chunk,
 * loaded only once this device syncs.
 */
const syncUrl = import.meta.env.FLIPDECK_SYNC_URL;
const sync: SyncDeps | undefined = syncUrl
  ? { url: syncUrl, spaces: localSpaceStore(), startEngine: async (options) => (await import('../sync/sync-engine')).startSyncEngine(options) }
  : undefined;

/** The app's single store. Tests build their own with createStudyStore. */
export const studyStore = createStudyStore({
  openRepository: async () => (await loadStorage()).openRepository(),
  deckSource: lazyDeckSource(loadDeckSource),
  clock: () => Date.now(),
  changes: createBroadcastChangeFeed(),
  prerenderedDecks,
  ...(sync ? { sync } : {}),
});

/** Subscribes a component to one narrow slice of the store. */
export function useStudyStore<T>(selector: (state: StudyState) => T): T {
  return useStore(studyStore, selector);
}

export type { StudyState } from './study-store';
export { isDeckListSettled } from './decks-slice';
export { deckTreeOf, studyDeckOf } from './deck-family';
export type { DeckEntry, DeckListing } from './types';
export type { StudySession, CurrentCard } from './session-slice';
export type { JoinPreview } from './sync-slice';
export type { SyncStatus } from '../sync/sync-engine';
