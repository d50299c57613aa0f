/**
 * Settings storage, apart from progress: the all-deck study settings, each deck's overrides, and
 * this device's appearance. Every method speaks domain types and throws only StorageError; a
 * stored field of the wrong type is reported via `onCorruptRow` and defaulted, never thrown.
 */
import type { DeckId } from '../domain/ids';
import type { StudySettings } from '../domain/settings';
import type { Appearance } from '../domain/settings/appearance';
import type { DeckOverrides } from '../domain/settings/deck-overrides';
import type { FlipdeckDb } from './db';
import { warnCorruptRow, type RepositoryOptions } from './progress-repository';
import type { RowProblem } from './row-parse';
import {
  APPEARANCE_KEY,
  DECK_OVERRIDES_PREFIX,
  STUDY_SETTINGS_KEY,
  appearanceFromRow,
  appearanceToRow,
  deckOverridesFromRow,
  deckOverridesKey,
  deckOverridesToRow,
  isDeckOverridesKey,
  settingsFromRow,
  settingsToRow,
} from './settings-rows';
import { toStorageError, type StorageOperation } from './storage-error';

export interface SettingsRepository {
  /** DEFAULT_SETTINGS merged under the stored (possibly partial) values. */
  loadSettings(): Promise<StudySettings>;
  /** Stores the settings, keeping stored fields this build does not know. */
  saveSettings(settings: StudySettings): Promise<void>;
  /** This device's theme, motion and card text size; the defaults when none is stored. */
  loadAppearance(): Promise<Appearance>;
  saveAppearance(appearance: Appearance): Promise<void>;
  /** Every deck's overrides of the all-deck settings (decks without any are absent or empty). */
  loadDeckOverrides(): Promise<ReadonlyMap<DeckId, DeckOverrides>>;
  /** Replaces one deck's overrides; an empty object makes the deck follow the all-deck settings. */
  saveDeckOverrides(deckId: DeckId, overrides: DeckOverrides): Promise<void>;
}

const run = async <T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, operation);
  }
};

/** Creates the settings repository on an (opening or open) FlipdeckDb. */
export function createDexieSettingsRepository(db: FlipdeckDb, options: RepositoryOptions = {}): SettingsRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;

  /** Reads a row and writes its replacement in one transaction, so fields stored meanwhile are kept. */
  const rewrite = (key: string, toRow: (existing: unknown) => { key: string; value: Record<string, unknown> }) =>
    run('save-settings', () =>
      db.transaction('rw', db.settings, async () => {
        await db.settings.put(toRow(await db.settings.get(key)));
      }),
    );

  return {
    loadSettings: () =>
      run('load', async () => {
        const { settings, problems } = settingsFromRow(await db.settings.get(STUDY_SETTINGS_KEY));
        problems.forEach(report);
        return settings;
      }),

    saveSettings: (settings) => rewrite(STUDY_SETTINGS_KEY, (existing) => settingsToRow(settings, existing)),

    loadAppearance: () =>
      run('load', async () => {
        const { appearance, problems } = appearanceFromRow(await db.settings.get(APPEARANCE_KEY));
        problems.forEach(report);
        return appearance;
      }),

    saveAppearance: (appearance) => rewrite(APPEARANCE_KEY, (existing) => appearanceToRow(appearance, existing)),

    loadDeckOverrides: () =>
      run('load', async () => collectDeckOverrides(await db.settings.where('key').startsWith(DECK_OVERRIDES_PREFIX).toArray(), report)),

    saveDeckOverrides: (deckId, overrides) => rewrite(deckOverridesKey(deckId), (existing) => deckOverridesToRow(deckId, overrides, existing)),
  };
}

/** Parses every deck-overrides row, reporting fields that were dropped. */
function collectDeckOverrides(
  rows: readonly { readonly key: string; readonly value: Record<string, unknown> }[],
  report: (problem: RowProblem) => void,
): Map<DeckId, DeckOverrides> {
  const result = new Map<DeckId, DeckOverrides>();
  for (const row of rows) {
    if (!isDeckOverridesKey(row.key)) continue;
    const { deckId, overrides, problems } = deckOverridesFromRow(row);
    problems.forEach(report);
    result.set(deckId, overrides);
  }
  return result;
}
