/**
 * The user's own decks and the whole-library operations: add or update an imported deck, rename,
 * delete with its progress, and restore a backup. Parsing happens in the lazy import screens;
 * these actions take typed values, write in one transaction, and only then refresh the state.
 * They throw StorageError (with a user-facing message) for the screen to show.
 */
import { deckDeletedEvents } from '../domain/authoring/deck-deletion';
import type { ProgressSnapshot, RestoreSummary } from '../domain/backup/restore-plan';
import type { BackupPreview, BackupProgressListener } from '../storage/streamed-restore';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import type { AnkiExportSource } from '../domain/export/anki-package';
import type { ImportedDeck, ImportedMedia } from '../domain/import/imported-deck';
import { buildDeckTree, deckFamily } from '../domain/deck/deck-tree';
import { deckTreeOf, studyDeckOf } from './deck-family';
import { toUserDeck } from '../domain/import/to-user-deck';
import type { CardId, DeckId } from '../domain/ids';
import type { CardEvent } from '../domain/events/types';
import type { ContentEvent } from '../domain/authoring/types';
import type { EventEnvelope } from '../domain/authoring/commands';
import type { ProgressRepository } from '../storage/progress-repository';
import type { CardMove, DeckProgressCount, UserDeckRepository } from '../storage/user-deck-repository';

/** What deleting a deck takes with it. */
export interface DeckDeletionCount extends DeckProgressCount {
  /** The titles of the subdecks that go with it, in tree order. */
  readonly subdecks: readonly string[];
}

/** The deck and every one of the student's decks under it, the deck first. */
function userDeckFamily(state: StudyState, deckId: DeckId): DeckId[] {
  const own = new Set(state.deckEntries.filter(({ listing }) => listing.origin !== undefined).map(({ listing }) => listing.id));
  return deckFamily(deckTreeOf(state), deckId).filter((id) => id === deckId || own.has(id));
}
import type { SliceCreator, StudyState } from './study-store';
import { measureSince, performanceNow } from './user-timing';
import { announceWrite } from './announce-write';

export interface ImportOptions {
  /** Bring the package's review history and scheduling along (default true). */
  readonly withHistory?: boolean;
}

export interface LibrarySlice {
  /** Null until hydrate() has opened storage. */
  readonly userDecks: UserDeckRepository | null;
  /** Adds the deck, or updates the one with the same id in place (progress is kept by card id). */
  saveUserDeck(deck: UserDeck): Promise<void>;
  /**
   * Stores a previewed import: a new deck, or the same-id deck updated in place, with the review
   * history it brings (an Anki package's) as events in the same transaction unless `withHistory`
   * is false. Returns its id.
   */
  addImportedDeck(imported: ImportedDeck, options?: ImportOptions): Promise<DeckId>;
  renameUserDeck(deckId: DeckId, title: string): Promise<void>;
  /** Deletes the deck and its subdecks with all their progress. */
  deleteUserDeck(deckId: DeckId): Promise<void>;
  /** What deleting the deck would take with it: its subdecks (titles, in tree order) and their progress summed. */
  countDeckProgress(deckId: DeckId): Promise<DeckDeletionCount>;
  /** The deck's stored images (Anki packages), its subdecks' included, for the study screen to show offline. */
  loadDeckMedia(deckId: DeckId): Promise<readonly ImportedMedia[]>;
  /**
   * What exporting the deck to Anki needs: the deck and its subdecks (with their Anki paths), the
   * cards' replayed states, every review not undone, and the images (domain/export/anki-package.ts).
   */
  readAnkiExport(deckId: DeckId): Promise<AnkiExportSource>;
  /** Everything a backup file holds, read in one transaction. */
  readSnapshot(): Promise<ProgressSnapshot>;
  /** The full-backup file's text, made from one consistent snapshot. */
  exportBackupText(): Promise<string>;
  /**
   * Reads and checks every row of a backup file and counts what restoring it would change, in a
   * worker, as a stream; writes nothing. Throws ImportError naming the row and field (or the size
   * limit, checked before the file is read). `onProgress` hears how far the file is read.
   */
  previewBackupFile(file: Blob, fileName: string, onProgress?: BackupProgressListener): Promise<BackupPreview>;
  /**
   * Restores the file in one transaction, streamed the same way (merged by event id, see
   * restore-plan.ts), then reloads. Nothing changes unless the whole file is written.
   */
  restoreBackupFile(file: Blob, fileName: string, onProgress?: BackupProgressListener): Promise<RestoreSummary>;
}

/** User Timing entries for a restore's steps, in ms (read by the benchmark). */
export const RESTORE_READ_MEASURE = 'flipdeck:restore-read';
export const RESTORE_WRITE_MEASURE = 'flipdeck:restore-write';
/** User Timing entries for adding an import's steps, in ms: the history's events, the transaction, the reload of the deck list. */
export const IMPORT_HISTORY_MEASURE = 'flipdeck:import-history';
export const IMPORT_WRITE_MEASURE = 'flipdeck:import-write';
export const IMPORT_RELOAD_MEASURE = 'flipdeck:import-reload';

/**
 * Cards replayed per slice of an import's history: about 4 reviews each in a typical deck, so a
 * slice is 10–20 ms of scheduling on an idle core and stays well under 100 ms on a busy one.
 */
const HISTORY_SLICE_CARDS = 50;

/**
 * A new task, without setTimeout's clamp (4 ms once timers nest): the slices follow each other at
 * once, and the page can paint and take input between them.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Only the backup screen needs the file format, so it loads with it rather than with the app.
const loadBackupFile = () => import('../storage/backup-file');

/** Any library write may bring progress too (a restore, an import): every deck's reads go stale. */
const LIBRARY_CHANGE = { kind: 'library' } as const;

function requireUserDecks(state: StudyState): UserDeckRepository {
  if (!state.userDecks) throw new Error('Storage is not open yet.');
  return state.userDecks;
}

/**
 * The cards of the stored family of `rootId` (the deck and its subdecks) that the import puts in
 * another deck of the family: a newer export moved them, or the deck was imported whole before it
 * had subdecks. Their progress moves with them.
 */
function cardsMovedWithin(stored: readonly UserDeck[], rootId: DeckId, deckOfCard: ReadonlyMap<CardId, DeckId>): CardMove[] {
  const tree = buildDeckTree(stored.map((deck) => ({ id: deck.id, cardCount: deck.cards.length, ...(deck.parent === undefined ? {} : { parent: deck.parent }) })));
  if (!stored.some((deck) => deck.id === rootId)) return [];
  const byId = new Map(stored.map((deck) => [deck.id, deck]));
  const moves: CardMove[] = [];
  for (const fromDeckId of deckFamily(tree, rootId)) {
    for (const card of byId.get(fromDeckId)?.cards ?? []) {
      const toDeckId = deckOfCard.get(card.id);
      if (toDeckId !== undefined && toDeckId !== fromDeckId) moves.push({ cardId: card.id, fromDeckId, toDeckId });
    }
  }
  return moves;
}

/** The envelope of the events this device makes now. */
const envelopeOf = (repository: Pick<ProgressRepository, 'newEventId' | 'deviceId'>, now: number): EventEnvelope => ({ newId: (at) => repository.newEventId(at), deviceId: repository.deviceId, now });

/**
 * The content events that record importing each of `decks`, so the import syncs like a deck
 * written in the app (docs/sync.md, "Imported decks"): from the deck as its events leave it, so a
 * second import writes only the file's differences. A deck the events cannot carry whole
 * (canRecordImport), or any deck without a content repository, gets none and stays on this device.
 */
async function recordImports(state: StudyState, decks: readonly UserDeck[], now: number): Promise<Map<DeckId, ContentEvent[]>> {
  const { repository, contentRepository } = state;
  const recorded = new Map<DeckId, ContentEvent[]>();
  if (!repository || !contentRepository) return recorded;
  // Loaded with the first import, beside the editor's code that shares it.
  const { canRecordImport, importedDeckEvents } = await import('../domain/authoring/commands');
  const envelope = envelopeOf(repository, now);
  for (const deck of decks) {
    if (deck.origin === 'authored' || !canRecordImport(deck)) continue;
    const current = await contentRepository.loadAuthoredDeck(deck.id);
    recorded.set(deck.id, importedDeckEvents(envelope, current, deck, deck.origin));
  }
  return recorded;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, deps) => ({
  userDecks: null,

  async saveUserDeck(deck) {
    await requireUserDecks(get()).saveDeck(deck);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
  },

  async addImportedDeck(imported, options = {}) {
    const repository = requireUserDecks(get());
    const stored = await repository.listDecks();
    const storedById = new Map(stored.map((deck) => [deck.id, deck]));
    const now = deps.clock();
    const existingRoot = storedById.get(userDeckId(imported.slug));
    if (existingRoot?.origin === 'authored') {
      // A deck written in the app is what its events say: the file's changes become events, so the
      // deck stays editable and its edits and the file's merge instead of one overwriting the other.
      await get().importOverAuthoredDeck(existingRoot.id, toUserDeck(imported, existingRoot, now));
      return existingRoot.id;
    }
    // The deck and its subdecks, each new or updating the stored deck of the same id.
    // Loaded here, not with the store: the import screen that made `imported` has it loaded already,
    // and with it the full deck and cloze checks, which the first screen does not need.
    const { importedFamily } = await import('../domain/import/imported-deck');
    const toSave = importedFamily(imported).map((member) => {
      const id = userDeckId(member.slug);
      const existing = storedById.get(id);
      const deck = toUserDeck({ ...imported, ...member }, existing, now);
      const parent = member.parentSlug === undefined ? existing?.parent : userDeckId(member.parentSlug);
      return { deck: parent === undefined ? deck : { ...deck, parent }, ...(member.media === undefined ? {} : { media: member.media }) };
    });
    const recorded = await recordImports(get(), toSave.map(({ deck }) => deck), now);
    const withEvents = toSave.map((member) => {
      const contentEvents = recorded.get(member.deck.id);
      return contentEvents === undefined ? member : { ...member, contentEvents };
    });
    const deckOfCard = new Map(toSave.flatMap(({ deck }) => deck.cards.map((card) => [card.id, deck.id] as const)));
    const root = toSave[0]!.deck;
    const moves = cardsMovedWithin(stored, root.id, deckOfCard);
    let events: readonly CardEvent[] = [];
    const historyStartMs = performanceNow();
    if (options.withHistory !== false && imported.history !== undefined && imported.history.cards.length > 0) {
      // Loaded with the first history import: replay and the scheduler stay out of the entry chunk.
      const { ankiHistoryEventsInSlices } = await import('../domain/import/anki-history');
      events = await ankiHistoryEventsInSlices(imported.history, (cardId) => deckOfCard.get(cardId) ?? root.id, get().settings, now, nextTask, HISTORY_SLICE_CARDS);
    }
    measureSince(IMPORT_HISTORY_MEASURE, historyStartMs);
    const writeStartMs = performanceNow();
    await repository.saveDecks(withEvents, events, moves);
    measureSince(IMPORT_WRITE_MEASURE, writeStartMs);
    const reloadStartMs = performanceNow();
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
    measureSince(IMPORT_RELOAD_MEASURE, reloadStartMs);
    return root.id;
  },

  async renameUserDeck(deckId, title) {
    const trimmed = title.trim();
    if (trimmed === '') throw new Error('A deck needs a name.');
    const deck = (await requireUserDecks(get()).listDecks()).find((d) => d.id === deckId);
    if (!deck) throw new Error('That deck no longer exists.');
    // A deck written in the app is what its content events say: a rename is one of them.
    if (deck.origin === 'authored') return get().editAuthoredDeck(deckId, trimmed, deck.description);
    const { repository, contentRepository } = get();
    const recorded = contentRepository ? await contentRepository.loadAuthoredDeck(deckId) : null;
    if (recorded !== null && repository && contentRepository) {
      // An import recorded as events is renamed by one, so the new name syncs and a replay keeps it.
      const { editDeckEvents } = await import('../domain/authoring/commands');
      await contentRepository.appendContent(editDeckEvents(envelopeOf(repository, deps.clock()), recorded, trimmed, recorded.deck.description));
    } else {
      await requireUserDecks(get()).saveDeck({ ...deck, title: trimmed, updatedAt: deps.clock() });
    }
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
  },

  async deleteUserDeck(deckId) {
    // As in Anki, a deck's subdecks go with it: left behind, they would point at a parent that is gone.
    const family = userDeckFamily(get(), deckId);
    // One tombstone per deck, so sync deletes each of them on the other devices too.
    const repository = get().repository;
    const now = deps.clock();
    await requireUserDecks(get()).deleteDecks(family, (lastSeenAt) =>
      repository ? deckDeletedEvents(family, envelopeOf(repository, now), lastSeenAt) : [],
    );
    announceWrite(get(), deps, LIBRARY_CHANGE);
    const studied = get().session?.deckId;
    if (studied !== undefined && family.includes(studied)) get().leaveSession();
    await get().loadDecks();
  },

  async countDeckProgress(deckId) {
    const family = userDeckFamily(get(), deckId);
    const count = await requireUserDecks(get()).countProgress(family);
    const titles = new Map(get().deckEntries.map(({ listing }) => [listing.id, listing.title]));
    return { ...count, subdecks: family.slice(1).map((id) => titles.get(id) ?? id) };
  },

  async loadDeckMedia(deckId) {
    // A deck's study session shows its subdecks' cards too, and with them their images.
    const members = studyDeckOf(get(), deckId)?.members.map((deck) => deck.id) ?? [deckId];
    const lists = await Promise.all(members.map((id) => requireUserDecks(get()).loadMedia(id)));
    const byName = new Map<string, ImportedMedia>();
    for (const file of lists.flat()) if (!byName.has(file.name)) byName.set(file.name, file);
    return [...byName.values()];
  },

  // Only an export to Anki needs it, so it loads when one starts.
  readAnkiExport: async (deckId) => (await import('./anki-export-actions')).readAnkiExport(get(), deps, studyDeckOf(get(), deckId)?.members ?? []),

  readSnapshot: () => requireUserDecks(get()).snapshot(),

  async exportBackupText() {
    const [{ serializeBackup }, snapshot, contentEvents] = await Promise.all([
      loadBackupFile(),
      requireUserDecks(get()).snapshot(),
      get().contentRepository?.exportContentEvents() ?? [],
    ]);
    // Read apart from the snapshot: a restore rebuilds each authored deck from its events, so a
    // deck row older or newer than these events comes out the same.
    return serializeBackup({ ...snapshot, contentEvents }, deps.clock());
  },

  async previewBackupFile(file, fileName, onProgress) {
    const { assertBackupSize } = await loadBackupFile();
    assertBackupSize(file.size, fileName);
    const startMs = performanceNow();
    const preview = await requireUserDecks(get()).previewBackup(file, fileName, onProgress);
    measureSince(RESTORE_READ_MEASURE, startMs);
    return preview;
  },

  async restoreBackupFile(file, fileName, onProgress) {
    const startMs = performanceNow();
    const applied = await requireUserDecks(get()).restoreBackup(file, fileName, onProgress);
    measureSince(RESTORE_WRITE_MEASURE, startMs);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    const { settingsRepository } = get();
    if (applied.summary.isSettingsChanged && settingsRepository) set({ settings: await settingsRepository.loadSettings() });
    get().leaveSession();
    await get().loadDecks();
    return applied.summary;
  },
});
