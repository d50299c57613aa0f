/**
 * What follows every write through the store: the queue reads kept for reuse that the write
 * makes stale are dropped (queue-reads.ts), and the app's other tabs are told, so they do the same
 * and re-read (storage/change-feed.ts, decks-slice followOtherTab).
 */
import type { ProgressRepository } from '../storage/progress-repository';
import type { StorageChange } from '../storage/change-feed';
import { forgetQueueReads } from './queue-reads';
import type { StoreDeps, StudyState } from './study-store';

/** Drops the kept queue reads `change` makes stale. Settings make none: a reuse takes the current settings. */
export function forgetReadsStaledBy(repository: ProgressRepository | null, change: StorageChange): void {
  if (change.kind === 'progress') forgetQueueReads(repository, change.deckId);
  else if (change.kind === 'library') forgetQueueReads(repository);
}

/** Call after this tab has written `change` to storage. */
export function announceWrite(state: Pick<StudyState, 'repository'>, deps: StoreDeps, change: StorageChange): void {
  forgetReadsStaledBy(state.repository, change);
  deps.changes?.publish(change);
}
