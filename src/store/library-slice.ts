/**
 * The user's own decks and the whole-library operations: add or update an imported deck, rename,
 * delete with its progress, and restore a backup. Parsing happens in the lazy import screens;
 * these actions take typed values, write in one transaction, and only then refresh the state.
 * They throw StorageError (with a user-facing message) for the screen to show.
 */
import type { ProgressSnapshot, RestoreSummary } from '../domain/backup/restore-plan';
import type { BackupPreview, BackupProgressListener } from '../storage/streamed-restore';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import type { ImportedDeck, ImportedMedia } from '../domain/import/imported-deck';
import { toUserDeck } from '../domain/import/to-user-deck';
import type { DeckId } from '../domain/ids';
import type { DeckProgressCount, UserDeckRepository } from '../storage/user-deck-repository';
import type { SliceCreator, StudyState } from './study-store';
import { measureSince, performanceNow } from './user-timing';
import { announceWrite } from './announce-write';

export interface LibrarySlice {
  /** Null until hydrate() has opened storage. */
  readonly userDecks: UserDeckRepository | null;
  /** Adds the deck, or updates the one with the same id in place (progress is kept by card id). */
  saveUserDeck(deck: UserDeck): Promise<void>;
  /** Stores a previewed import: a new deck, or the same-id deck updated in place. Returns its id. */
  addImportedDeck(imported: ImportedDeck): Promise<DeckId>;
  renameUserDeck(deckId: DeckId, title: string): Promise<void>;
  /** Deletes the deck with all its progress. */
  deleteUserDeck(deckId: DeckId): Promise<void>;
  countDeckProgress(deckId: DeckId): Promise<DeckProgressCount>;
  /** The deck's stored images (Anki packages), for the study screen to show offline. */
  loadDeckMedia(deckId: DeckId): Promise<readonly ImportedMedia[]>;
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

// Only the backup screen needs the file format, so it loads with it rather than with the app.
const loadBackupFile = () => import('../storage/backup-file');

/** Any library write may bring progress too (a restore, an import): every deck's reads go stale. */
const LIBRARY_CHANGE = { kind: 'library' } as const;

function requireUserDecks(state: StudyState): UserDeckRepository {
  if (!state.userDecks) throw new Error('Storage is not open yet.');
  return state.userDecks;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, deps) => ({
  userDecks: null,

  async saveUserDeck(deck) {
    await requireUserDecks(get()).saveDeck(deck);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
  },

  async addImportedDeck(imported) {
    const repository = requireUserDecks(get());
    const existing = (await repository.listDecks()).find((d) => d.id === userDeckId(imported.slug));
    const deck = toUserDeck(imported, existing, deps.clock());
    if (existing?.origin === 'authored') {
      // A deck written in the app is what its events say: the file's changes become events, so the
      // deck stays editable and its edits and the file's merge instead of one overwriting the other.
      await get().importOverAuthoredDeck(existing.id, deck);
      return existing.id;
    }
    await repository.saveDeck(deck, imported.media);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
    return deck.id;
  },

  async renameUserDeck(deckId, title) {
    const trimmed = title.trim();
    if (trimmed === '') throw new Error('A deck needs a name.');
    const deck = (await requireUserDecks(get()).listDecks()).find((d) => d.id === deckId);
    if (!deck) throw new Error('That deck no longer exists.');
    // A deck written in the app is what its content events say: a rename is one of them.
    if (deck.origin === 'authored') return get().editAuthoredDeck(deckId, trimmed, deck.description);
    await requireUserDecks(get()).saveDeck({ ...deck, title: trimmed, updatedAt: deps.clock() });
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
  },

  async deleteUserDeck(deckId) {
    await requireUserDecks(get()).deleteDeck(deckId);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    if (get().session?.deckId === deckId) get().leaveSession();
    await get().loadDecks();
  },

  countDeckProgress: (deckId) => requireUserDecks(get()).countProgress(deckId),

  loadDeckMedia: (deckId) => requireUserDecks(get()).loadMedia(deckId),

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
