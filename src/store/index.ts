import { useStore } from 'zustand';
import { openRepository } from '../storage/open-repository';
import { createBroadcastChangeFeed } from '../storage/change-feed';
import { createFetchDeckSource } from '../storage/deck-source';
import { createStudyStore, type StudyState } from './study-store';

/** The app's single store. Tests build their own with createStudyStore. */
export const studyStore = createStudyStore({
  openRepository: () => openRepository(),
  deckSource: createFetchDeckSource(),
  clock: () => Date.now(),
  changes: createBroadcastChangeFeed(),
});

/** Subscribes a component to one narrow slice of the store. */
export function useStudyStore<T>(selector: (state: StudyState) => T): T {
  return useStore(studyStore, selector);
}

export type { StudyState } from './study-store';
export { isDeckListSettled } from './decks-slice';
export type { DeckEntry, DeckListing } from './types';
export type { StudySession, CurrentCard } from './session-slice';
