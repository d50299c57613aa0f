/**
 * Storage for a visit whose progress cannot be kept: the same Dexie code as always, on an
 * in-memory IndexedDB (fake-indexeddb). It is loaded with import() only when this fallback is
 * needed, so a normal visit never downloads it. Nothing here outlives the tab.
 */
import { legacyCardEvents, legacySettingsEvent } from '../domain/events/legacy';
import type { ProgressEvent, SettingsEvent } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { StudySettings } from '../domain/settings/study-settings';
import type { Appearance } from '../domain/settings/appearance';
import type { DeckOverrides } from '../domain/settings/deck-overrides';
import { DEFAULT_DB_NAME, FlipdeckDb } from './db';
import { cardEventToRow, settingsEventToRow } from './event-rows';
import { createDexieRepository, eventStore, newDeviceId, warnCorruptRow, type ProgressRepository, type RepositoryOptions } from './progress-repository';
import { isObject } from './row-parse';
import { createDexieSettingsRepository, type SettingsRepository } from './settings-repository';
import { appearanceToRow } from './settings-rows';
import { createDexieUserDeckRepository, type UserDeckRepository } from './user-deck-repository';
import { asDeviceId } from '../domain/events/types';
import type { ContentRepository } from './content-repository';

/**
 * What a fresh database starts with. `events` go in as they are; states, reviews and settings in
 * the shapes the repositories return are carried in with the legacy conversion, as an upgrade would.
 */
export interface MemorySeed {
  readonly events?: readonly ProgressEvent[];
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
  /** Decks written in the app, as content events. */
  readonly content: ContentRepository;
}

/** Options for the repositories of an in-memory database. */
export interface MemoryStorageOptions extends RepositoryOptions {
  readonly name?: string;
}

/** The settings-table key of this database's device id. */
export const DEVICE_KEY = 'device';

/** Opens an in-memory FlipdeckDb on its own fresh IndexedDB, so no two of them share data. */
export async function openMemoryDb(name: string = DEFAULT_DB_NAME): Promise<FlipdeckDb> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const db = new FlipdeckDb({ name, indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

/** The database's device id, made and stored on first use so every event from this browser carries the same one. */
export async function deviceIdOf(db: FlipdeckDb, nowMs: number): Promise<ReturnType<typeof asDeviceId>> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(DEVICE_KEY);
    const stored = isObject(row?.value) ? row.value['deviceId'] : undefined;
    if (typeof stored === 'string' && stored.length > 0) return asDeviceId(stored);
    const made = newDeviceId(nowMs);
    await db.settings.put({ key: DEVICE_KEY, value: { deviceId: made } });
    return made;
  });
}

/** Every repository on `db`; `isPersistent` says whether what they write outlives the tab. */
export async function repositoriesOn(db: FlipdeckDb, options: RepositoryOptions & { readonly isPersistent: boolean }): Promise<StorageRepositories> {
  const deviceId = options.deviceId ?? (await deviceIdOf(db, (options.clock ?? Date.now)()));
  const withDevice = { ...options, deviceId };
  return {
    repository: createDexieRepository(db, withDevice),
    settings: createDexieSettingsRepository(db, withDevice),
    userDecks: createDexieUserDeckRepository(db, withDevice),
    content: lazyContentRepository(db, withDevice),
  };
}

/**
 * The content repository, loaded on its first call: only the editor and a study session of an
 * authored deck use it, so its code (and the replay) stays off the first visit.
 */
function lazyContentRepository(db: FlipdeckDb, options: RepositoryOptions): ContentRepository {
  let loaded: Promise<ContentRepository> | undefined;
  const repository = () => (loaded ??= import('./content-repository').then((m) => m.createDexieContentRepository(db, options)));
  return {
    loadAuthoredDeck: async (deckId) => (await repository()).loadAuthoredDeck(deckId),
    appendContent: async (events, cardEvents, base, after) => (await repository()).appendContent(events, cardEvents, base, after),
    loadContentEvents: async (deckId) => (await repository()).loadContentEvents(deckId),
    importContentEvents: async (events) => (await repository()).importContentEvents(events),
    exportContentEvents: async () => (await repository()).exportContentEvents(),
    contentEventsSince: async (sinceMs) => (await repository()).contentEventsSince(sinceMs),
    countCardReviews: async (deckId, cardId) => (await repository()).countCardReviews(deckId, cardId),
  };
}

/** Writes `seed` into an empty database and builds the state cache from it, in one transaction. */
export async function seedDb(db: FlipdeckDb, seed: MemorySeed): Promise<void> {
  const legacy = legacyCardEvents({ cardStates: seed.cardStates ?? [], reviewLog: (seed.reviewLog ?? []).map(({ id: _id, ...review }) => review) });
  const settingsEvents: SettingsEvent[] = [];
  if (seed.settings !== undefined) settingsEvents.push(legacySettingsEvent({ kind: 'study' }, { ...seed.settings }, 0));
  for (const [deckId, overrides] of seed.deckOverrides ?? []) settingsEvents.push(legacySettingsEvent({ kind: 'deck', deckId }, { ...overrides }, 0));
  const events = [...(seed.events ?? []), ...legacy, ...settingsEvents];
  await db.transaction('rw', [db.events, db.settingsEvents, db.cardStates, db.settings], async () => {
    await db.events.bulkPut(events.flatMap((event) => (event.kind === 'settings' ? [] : [cardEventToRow(event)])));
    await db.settingsEvents.bulkPut(events.flatMap((event) => (event.kind === 'settings' ? [settingsEventToRow(event)] : [])));
    if (seed.appearance !== undefined) await db.settings.put(appearanceToRow(seed.appearance, undefined));
    await eventStore(db, warnCorruptRow).rebuildAll();
  });
}

/** Opens a fresh in-memory database holding `seed`, with repositories that say they are not persistent. */
export async function openMemoryStorage(seed: MemorySeed = {}, options: MemoryStorageOptions = {}): Promise<StorageRepositories> {
  const db = await openMemoryDb(options.name);
  await seedDb(db, seed);
  return repositoriesOn(db, { ...options, isPersistent: false });
}
