/**
 * Storage for a visit whose progress cannot be kept: the same Dexie code as always, on an
 * in-memory IndexedDB (fake-indexeddb). It is loaded with import() only when this fallback is
 * needed, so a normal visit never downloads it. Nothing here outlives the tab.
 */
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { DeckId } from '../domain/ids';
import type { StudySettings } from '../domain/settings';
import type { Appearance } from '../domain/settings/appearance';
import type { DeckOverrides } from '../domain/settings/deck-overrides';
import { DEFAULT_DB_NAME, FlipdeckDb } from './db';
import { cardStateToRow, reviewLogEntryToRow, type ReviewLogRow } from './progress-rows';
import { createDexieRepository, type ProgressRepository, type RepositoryOptions } from './progress-repository';
import { STUDY_SETTINGS_KEY, appearanceToRow, deckOverridesToRow } from './settings-rows';
import { createDexieSettingsRepository, type SettingsRepository } from './settings-repository';
import { createDexieUserDeckRepository, type UserDeckRepository } from './user-deck-repository';

/** What a fresh in-memory database starts with, in the shapes the repositories return. Log ids are kept when given. */
export interface MemorySeed {
  readonly cardStates?: readonly CardState[];
  readonly reviewLog?: readonly ReviewLogEntry[];
  readonly settings?: Partial<StudySettings>;
  readonly appearance?: Appearance;
  readonly deckOverrides?: ReadonlyMap<DeckId, DeckOverrides>;
}

/** The repositories of one database, all on the same connection. */
export interface StorageRepositories {
  readonly repository: ProgressRepository;
  readonly settings: SettingsRepository;
  readonly userDecks: UserDeckRepository;
}

/** Options for the repositories of an in-memory database. */
export interface MemoryStorageOptions extends RepositoryOptions {
  readonly name?: string;
}

/** Opens an in-memory FlipdeckDb on its own fresh IndexedDB, so no two of them share data. */
export async function openMemoryDb(name: string = DEFAULT_DB_NAME): Promise<FlipdeckDb> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const db = new FlipdeckDb({ name, indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

/** Every repository on `db`; `isPersistent` says whether what they write outlives the tab. */
export function repositoriesOn(db: FlipdeckDb, options: RepositoryOptions & { readonly isPersistent: boolean }): StorageRepositories {
  return {
    repository: createDexieRepository(db, options),
    settings: createDexieSettingsRepository(db, options),
    userDecks: createDexieUserDeckRepository(db, options),
  };
}

/** Writes `seed` into an empty database in one transaction. */
export async function seedDb(db: FlipdeckDb, seed: MemorySeed): Promise<void> {
  await db.transaction('rw', db.cardStates, db.reviewLog, db.settings, async () => {
    await db.cardStates.bulkPut((seed.cardStates ?? []).map(cardStateToRow));
    const withIds = db.table<ReviewLogRow, number>('reviewLog');
    // With ids, the ids are kept (an undo in flight still names its row); without, they are assigned.
    for (const entry of seed.reviewLog ?? []) {
      const row = reviewLogEntryToRow(entry);
      await (entry.id === undefined ? db.reviewLog.add(row) : withIds.put({ ...row, id: entry.id }));
    }
    // Stored as given: a partial row is what an older build leaves, and loading fills the defaults.
    if (seed.settings !== undefined) await db.settings.put({ key: STUDY_SETTINGS_KEY, value: { ...seed.settings } });
    if (seed.appearance !== undefined) await db.settings.put(appearanceToRow(seed.appearance, undefined));
    for (const [deckId, overrides] of seed.deckOverrides ?? []) await db.settings.put(deckOverridesToRow(deckId, overrides, undefined));
  });
}

/** Opens a fresh in-memory database holding `seed`, with repositories that say they are not persistent. */
export async function openMemoryStorage(seed: MemorySeed = {}, options: MemoryStorageOptions = {}): Promise<StorageRepositories> {
  const db = await openMemoryDb(options.name);
  await seedDb(db, seed);
  return repositoriesOn(db, { ...options, isPersistent: false });
}
