import { DEFAULT_SETTINGS, type StudySettings } from '../domain/settings/study-settings';
import type { ProgressRepository } from '../storage/progress-repository';
import { openMemoryStorage } from '../storage/memory-storage';
import type { SettingsRepository } from '../storage/settings-repository';
import type { SliceCreator } from './study-store';

export interface StorageSlice {
  /** Null until hydrate() has opened storage. */
  readonly repository: ProgressRepository | null;
  /** Study settings, deck overrides and appearance; null until hydrate() has opened storage. */
  readonly settingsRepository: SettingsRepository | null;
  readonly settings: StudySettings;
  readonly isHydrated: boolean;
  /** Why progress is not being kept (private window, blocked or full storage), shown as a banner. */
  readonly storageWarning: string | null;
  /** The last write that failed; the grade it belonged to was not applied. */
  readonly saveError: string | null;
  /** Opens storage, loads settings and the deck list. Safe to call once at start-up. */
  hydrate(): Promise<void>;
  /** After a failed write: keep studying with progress held in memory only, and say so. */
  continueWithoutSaving(): Promise<void>;
  /** While continueWithoutSaving moves progress into memory: settles once grades may be written there. */
  readonly storageSwitch: Promise<void> | null;
  dismissSaveError(): void;
}

export const createStorageSlice: SliceCreator<StorageSlice> = (set, get, deps) => ({
  repository: null,
  settingsRepository: null,
  settings: DEFAULT_SETTINGS,
  isHydrated: false,
  storageWarning: null,
  saveError: null,
  storageSwitch: null,

  async hydrate() {
    if (get().isHydrated) return;
    const { repository, settings: settingsRepository, userDecks, content, problem, onConnectionEvent } = await deps.openRepository();
    // Another tab upgrading the database closes this connection: say so rather than fail silently.
    onConnectionEvent((event) => set({ storageWarning: event.message }));
    let settings = DEFAULT_SETTINGS;
    try {
      settings = await settingsRepository.loadSettings();
    } catch {
      // Unreadable settings fall back to the defaults; the user's progress is untouched.
    }
    set({
      repository,
      settingsRepository,
      userDecks,
      contentRepository: content,
      settings,
      isHydrated: true,
      storageWarning: problem?.message ?? null,
    });
    deps.changes?.subscribe((change) => void get().followOtherTab(change));
    await get().loadPreferences();
    await get().loadDecks();
    void get().resumeSync();
  },

  continueWithoutSaving() {
    const pending = get().storageSwitch;
    if (pending) return pending;
    const switched = (async () => {
      const current = get().repository;
      // The whole log moves over, undo events included, so the in-memory copy replays to the same states.
      const log = current ? await current.exportEvents().catch(() => null) : null;
      const { appearance, settings, deckOverrides } = get();
      const memory = await openMemoryStorage(
        log ? { events: [...log.cardEvents, ...log.settingsEvents], appearance } : { settings, appearance, deckOverrides },
      );
      // Progress switches first, so the grade the student is waiting to give is taken at once.
      set({
        repository: memory.repository,
        settingsRepository: memory.settings,
        saveError: null,
        storageWarning: 'Progress is now kept in memory only and will be lost when you close this tab, because the device storage refused to save it.',
      });
      return memory;
    })();
    // Grades given meanwhile wait for this, then go to memory (session-slice's commitGrade).
    const progressSwitch = switched.then(() => undefined);
    set({ storageSwitch: progressSwitch });
    void progressSwitch.catch(() => undefined).finally(() => set({ storageSwitch: null }));
    return switched.then(async (memory) => {
      // Then the student's own decks follow, with their images and the content history of decks
      // written in the app: left on the refusing storage, every edit would fail too. What cannot be
      // read is left behind; it stays where it was.
      const { userDecks, contentRepository } = get();
      if (userDecks) {
        const decks = await userDecks.listDecks().catch(() => []);
        const toSave = await Promise.all(decks.map(async (deck) => ({ deck, media: await userDecks.loadMedia(deck.id).catch(() => []) })));
        if (toSave.length > 0) await memory.userDecks.saveDecks(toSave);
      }
      const content = contentRepository ? await contentRepository.exportContentEvents().catch(() => []) : [];
      if (content.length > 0) await memory.content.importContentEvents(content);
      set({ userDecks: memory.userDecks, contentRepository: memory.content });
    });
  },

  dismissSaveError() {
    set({ saveError: null });
  },
});
