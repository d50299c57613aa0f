/**
 * The user's own decks and the whole-library operations: add or update an imported deck, rename,
 * delete with its progress, and restore a backup. Parsing happens in the lazy import screens;
 * these actions take typed values, write in one transaction, and only then refresh the state.
 * They throw StorageError (with a user-facing message) for the screen to show.
 */
import { deckDeletedEvents } from '../domain/authoring/deck-deletion';
import type { ProgressSnapshot, RestoreSummary } from '../domain/backup/restore-plan';
import type { BackupPreview, BackupProgressListener } from '../storage/streamed-restore';
import type { UserDeck } from '../domain/deck/user-deck';
import type { AnkiExportSource } from '../domain/export/anki-package';
import type { ImportedDeck, ImportedMedia } from '../domain/import/imported-deck';
import { deckFamily } from '../domain/deck/deck-tree';
import { deckTreeOf, studyDeckOf } from './deck-family';
import type { DeckId } from '../domain/ids';
import type { DeckProgressCount, UserDeckRepository } from '../storage/user-deck-repository';

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
import { announceWrite } from './announce-write';
import { lazyActions } from './lazy-actions';
import { LIBRARY_CHANGE, envelopeOf, requireUserDecks, type ImportOptions } from './library-common';

export type { ImportOptions };

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


// Adding an import and the backup file's actions load on first use: the first screen runs none of them.
const loadLibraryActions = lazyActions(() => import('./library-actions'));


export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, deps) => ({
  userDecks: null,

  async saveUserDeck(deck) {
    await requireUserDecks(get()).saveDeck(deck);
    announceWrite(get(), deps, LIBRARY_CHANGE);
    await get().loadDecks();
  },

  addImportedDeck: async (imported, options) => (await loadLibraryActions()).addImportedDeck(get, deps, imported, options),

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

  exportBackupText: async () => (await loadLibraryActions()).exportBackupText(get, deps),
  previewBackupFile: async (file, fileName, onProgress) => (await loadLibraryActions()).previewBackupFile(get, file, fileName, onProgress),
  restoreBackupFile: async (file, fileName, onProgress) => (await loadLibraryActions()).restoreBackupFile(set, get, deps, file, fileName, onProgress),
});
