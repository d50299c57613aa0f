/**
 * The library actions the first screen never runs, loaded on first use: adding a previewed import
 * (LibrarySlice.addImportedDeck, with the history replay and content events it may load) and the
 * backup file's export, preview and restore.
 */
import { buildDeckTree, deckFamily } from '../domain/deck/deck-tree';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import type { CardEvent } from '../domain/events/types';
import type { CardId, DeckId } from '../domain/ids';
import type { ImportedDeck } from '../domain/import/imported-deck';
import { toUserDeck } from '../domain/import/to-user-deck';
import type { CardMove, DeckToSave } from '../storage/user-deck-repository';
import { announceWrite } from './announce-write';
import { IMPORT_HISTORY_MEASURE, IMPORT_RELOAD_MEASURE, IMPORT_WRITE_MEASURE, LIBRARY_CHANGE, envelopeOf, requireUserDecks, type ImportOptions } from './library-common';
import type { BackupPreview, BackupProgressListener } from '../storage/streamed-restore';
import type { RestoreSummary } from '../domain/backup/restore-plan';
import type { StoreDeps, StudyState, StudyStore } from './study-store';
import { measureSince, performanceNow } from './user-timing';

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

/**
 * The content events that record importing each of `decks`, so the import syncs like a deck
 * written in the app (docs/sync.md, "Imported decks"): from the deck as its events leave it, so a
 * second import writes only the file's differences. A deck the events cannot carry whole
 * (canRecordImport), or any deck without a content repository, gets none and stays on this device.
 */
async function recordImports(state: StudyState, decks: readonly UserDeck[], now: number): Promise<Map<DeckId, Pick<DeckToSave, 'contentEvents' | 'contentDeck'>>> {
  const { repository, contentRepository } = state;
  const recorded = new Map<DeckId, Pick<DeckToSave, 'contentEvents' | 'contentDeck'>>();
  if (!repository || !contentRepository) return recorded;
  // Loaded with the first import, beside the editor's code that shares them.
  const [{ canRecordImport, importedDeckEvents }, { replayDeckContent }] = await Promise.all([import('../domain/authoring/commands'), import('../domain/authoring/content-replay')]);
  const envelope = envelopeOf(repository, now);
  for (const deck of decks) {
    if (deck.origin === 'authored' || !canRecordImport(deck)) continue;
    const current = await contentRepository.loadAuthoredDeck(deck.id);
    const contentEvents = importedDeckEvents(envelope, current, deck, deck.origin);
    // A first import's events are the deck's whole stream: their replay is the row to store.
    const contentDeck = current === null ? replayDeckContent(deck.id, contentEvents) : null;
    recorded.set(deck.id, { contentEvents, ...(contentDeck === null ? {} : { contentDeck }) });
  }
  return recorded;
}

export async function addImportedDeck(get: () => StudyState, deps: StoreDeps, imported: ImportedDeck, options: ImportOptions = {}): Promise<DeckId> {
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
    const content = recorded.get(member.deck.id);
    return content === undefined ? member : { ...member, ...content };
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
}

// The backup file's format loads with the backup screen's first action, not with the app.
const loadBackupFile = () => import('../storage/backup-file');

/** User Timing entries for a restore's steps, in ms (read by the benchmark). */
export const RESTORE_READ_MEASURE = 'flipdeck:restore-read';
export const RESTORE_WRITE_MEASURE = 'flipdeck:restore-write';

export async function exportBackupText(get: () => StudyState, deps: StoreDeps): Promise<string> {
  const [{ serializeBackup }, snapshot, contentEvents] = await Promise.all([
    loadBackupFile(),
    requireUserDecks(get()).snapshot(),
    get().contentRepository?.exportContentEvents() ?? [],
  ]);
  // Read apart from the snapshot: a restore rebuilds each authored deck from its events, so a
  // deck row older or newer than these events comes out the same.
  return serializeBackup({ ...snapshot, contentEvents }, deps.clock());
}

export async function previewBackupFile(get: () => StudyState, file: Blob, fileName: string, onProgress?: BackupProgressListener): Promise<BackupPreview> {
  const { assertBackupSize } = await loadBackupFile();
  assertBackupSize(file.size, fileName);
  const startMs = performanceNow();
  const preview = await requireUserDecks(get()).previewBackup(file, fileName, onProgress);
  measureSince(RESTORE_READ_MEASURE, startMs);
  return preview;
}

export async function restoreBackupFile(set: StudyStore['setState'], get: () => StudyState, deps: StoreDeps, file: Blob, fileName: string, onProgress?: BackupProgressListener): Promise<RestoreSummary> {
  const startMs = performanceNow();
  const applied = await requireUserDecks(get()).restoreBackup(file, fileName, onProgress);
  measureSince(RESTORE_WRITE_MEASURE, startMs);
  announceWrite(get(), deps, LIBRARY_CHANGE);
  const { settingsRepository } = get();
  if (applied.summary.isSettingsChanged && settingsRepository) set({ settings: await settingsRepository.loadSettings() });
  get().leaveSession();
  await get().loadDecks();
  return applied.summary;
}
