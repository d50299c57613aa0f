/**
 * The settings screens' actions, loaded with them: the deck list never runs these. settings-slice.ts
 * forwards to them. Each writes first and only then updates the state, so a failed write leaves
 * everything as it was; it resolves with a message the screen shows, or null on success.
 */
import type { StudySettings } from '../domain/settings/study-settings';
import { messageOf } from '../domain/errors';
import { announceWrite } from './announce-write';
import type { SettingsActions } from './settings-slice';
import type { StoreDeps, StudyState, StudyStore } from './study-store';

export function settingsActions(set: StudyStore['setState'], get: () => StudyState, deps: StoreDeps): SettingsActions {
  /** New limits change every deck's counts. */
  async function saveStudy(settings: StudySettings): Promise<string | null> {
    const { settingsRepository } = get();
    if (!settingsRepository) return 'Storage is not open yet.';
    try {
      // What the screen showed is the base: only the fields the student changed are written.
      await settingsRepository.saveSettings(settings, get().settings);
    } catch (error) {
      return `Your settings were not saved: ${messageOf(error)}`;
    }
    announceWrite(get(), deps, { kind: 'settings' });
    set({ settings });
    await get().refreshAllCounts();
    return null;
  }

  return {
    saveStudySettings: saveStudy,

    async saveDeckOverrides(deckId, overrides) {
      const { settingsRepository } = get();
      if (!settingsRepository) return 'Storage is not open yet.';
      try {
        await settingsRepository.saveDeckOverrides(deckId, overrides);
      } catch (error) {
        return `The deck's settings were not saved: ${messageOf(error)}`;
      }
      announceWrite(get(), deps, { kind: 'settings' });
      set((s) => ({ deckOverrides: new Map(s.deckOverrides).set(deckId, overrides) }));
      await get().refreshCounts(deckId);
      return null;
    },

    applyFsrsWeights(weights) {
      const { settings } = get();
      return saveStudy({ ...settings, fsrsWeights: [...weights], previousFsrsWeights: settings.fsrsWeights });
    },

    restorePreviousFsrsWeights() {
      const { settings } = get();
      return saveStudy({ ...settings, fsrsWeights: settings.previousFsrsWeights, previousFsrsWeights: settings.fsrsWeights });
    },

    async readReviewData() {
      const { repository } = get();
      if (!repository) throw new Error('Storage is not open yet.');
      return repository.exportAll();
    },
  };
}
