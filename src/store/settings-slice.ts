/**
 * Settings beyond the study row: appearance, per-deck overrides, and the actions that save any
 * settings. Each action writes first and only then updates the state, so a failed write leaves
 * everything as it was; it resolves with a message the screen shows, or null on success.
 */
import type { DeckId } from '../domain/ids';
import type { StudySettings } from '../domain/settings/study-settings';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import { DEFAULT_APPEARANCE, type Appearance } from '../domain/settings/appearance';
import type { DeckOverrides } from '../domain/settings/deck-overrides';
import { messageOf } from '../domain/errors';
import { announceWrite } from './announce-write';
import { forwardActions, lazyActions } from './lazy-actions';
import type { SliceCreator } from './study-store';

export interface SettingsSlice {
  readonly appearance: Appearance;
  /** False until loadPreferences has read the stored appearance: until then `appearance` is only the default. */
  readonly isAppearanceLoaded: boolean;
  readonly deckOverrides: ReadonlyMap<DeckId, DeckOverrides>;
  /** Reads appearance and deck overrides; called by hydrate() before the deck counts. */
  loadPreferences(): Promise<void>;
  saveStudySettings(settings: StudySettings): Promise<string | null>;
  saveDeckOverrides(deckId: DeckId, overrides: DeckOverrides): Promise<string | null>;
  /** Saves a change to the appearance, on top of any change still being saved. */
  saveAppearance(change: Partial<Appearance>): Promise<string | null>;
  /** Makes `weights` the FSRS parameters, keeping the ones in use now so they can be restored. */
  applyFsrsWeights(weights: readonly number[]): Promise<string | null>;
  /** Swaps back to the parameters in use before the last apply (null: the defaults). */
  restorePreviousFsrsWeights(): Promise<string | null>;
  /** Every card state and the whole review log, for the load estimate and the optimizer. */
  readReviewData(): Promise<{ readonly cardStates: readonly CardState[]; readonly reviewLog: readonly ReviewLogEntry[] }>;
}

/** The actions the settings screens use, in their own chunk (settings-actions.ts): the deck list runs none of them. */
export type SettingsActions = Pick<SettingsSlice, 'saveStudySettings' | 'saveDeckOverrides' | 'applyFsrsWeights' | 'restorePreviousFsrsWeights' | 'readReviewData'>;


export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, deps) => {
  const actions = lazyActions(() => import('./settings-actions').then((m): SettingsActions => m.settingsActions(set, get, deps)));

  // The appearance most recently asked for while its save is in flight: two quick changes (size,
  // then motion) must build on each other, not each on the state from before both.
  let requestedAppearance: Appearance | null = null;

  return {
    appearance: DEFAULT_APPEARANCE,
    isAppearanceLoaded: false,
    deckOverrides: new Map(),

    async loadPreferences() {
      const { settingsRepository } = get();
      if (!settingsRepository) return;
      // Unreadable rows fall back to the defaults, like the study settings in hydrate().
      const [appearance, deckOverrides] = await Promise.all([
        settingsRepository.loadAppearance().catch(() => DEFAULT_APPEARANCE),
        settingsRepository.loadDeckOverrides().catch(() => new Map<DeckId, DeckOverrides>()),
      ]);
      set({ appearance, isAppearanceLoaded: true, deckOverrides });
    },

    ...forwardActions<SettingsActions>(actions, {
      saveStudySettings: true,
      saveDeckOverrides: true,
      applyFsrsWeights: true,
      restorePreviousFsrsWeights: true,
      readReviewData: true,
    }),

    async saveAppearance(change) {
      const { settingsRepository } = get();
      if (!settingsRepository) return 'Storage is not open yet.';
      const appearance = { ...(requestedAppearance ?? get().appearance), ...change };
      requestedAppearance = appearance;
      try {
        // Writes to one table complete in the order they were made, so the last set() wins.
        await settingsRepository.saveAppearance(appearance);
      } catch (error) {
        requestedAppearance = null;
        return `Your appearance settings were not saved: ${messageOf(error)}`;
      }
      if (requestedAppearance === appearance) requestedAppearance = null;
      announceWrite(get(), deps, { kind: 'settings' });
      set({ appearance });
      return null;
    },
  };
};
