/** What the library slice and its lazily loaded import action share. */
import type { EventEnvelope } from '../domain/authoring/commands';
import type { ProgressRepository } from '../storage/progress-repository';
import type { UserDeckRepository } from '../storage/user-deck-repository';
import type { StudyState } from './study-store';

export interface ImportOptions {
  /** Bring the package's review history and scheduling along (default true). */
  readonly withHistory?: boolean;
}

/** User Timing entries for adding an import's steps, in ms: the history's events, the transaction, the reload of the deck list. */
export const IMPORT_HISTORY_MEASURE = 'flipdeck:import-history';
export const IMPORT_WRITE_MEASURE = 'flipdeck:import-write';
export const IMPORT_RELOAD_MEASURE = 'flipdeck:import-reload';

/** Any library write may bring progress too (a restore, an import): every deck's reads go stale. */
export const LIBRARY_CHANGE = { kind: 'library' } as const;

export function requireUserDecks(state: StudyState): UserDeckRepository {
  if (!state.userDecks) throw new Error('Storage is not open yet.');
  return state.userDecks;
}

/** The envelope of the events this device makes now. */
export const envelopeOf = (repository: Pick<ProgressRepository, 'newEventId' | 'deviceId'>, now: number): EventEnvelope => ({ newId: (at) => repository.newEventId(at), deviceId: repository.deviceId, now });
