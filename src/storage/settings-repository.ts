/**
 * Settings storage, apart from progress. The all-deck study settings and each deck's overrides
 * are settings events (schema v3): saving appends one event with the fields that changed, and
 * loading folds the log, last writer per field (src/domain/events/settings-log.ts), so two devices
 * that merge their logs agree on the settings. This device's appearance is not part of the log:
 * it is one row in the settings table, like the device id.
 *
 * Every method speaks domain types and throws only StorageError; a damaged event is skipped and
 * reported via `onCorruptRow`, a field of the wrong type falls back to its default.
 */
import { createEventIdGenerator } from '../domain/events/event-id';
import { foldSettings, studySettingsFromValues, foldedDeckOverrides, type FoldedSettings } from '../domain/events/settings-log';
import type { SettingsEvent, SettingsScope } from '../domain/events/types';
import type { DeckId } from '../domain/ids';
import type { StudySettings } from '../domain/settings/study-settings';
import type { Appearance } from '../domain/settings/appearance';
import { OVERRIDABLE_FIELDS, type DeckOverrides } from '../domain/settings/deck-overrides';
import type { FlipdeckDb } from './db';
import { settingsEventToRow } from './event-rows';
import { eventStore, newDeviceId, warnCorruptRow, type RepositoryOptions } from './progress-repository';
import { APPEARANCE_KEY, appearanceFromRow, appearanceToRow } from './settings-rows';
import { toStorageError, type StorageOperation } from './storage-error';

export interface SettingsRepository {
  /** DEFAULT_SETTINGS under the folded settings events. */
  loadSettings(): Promise<StudySettings>;
  /**
   * Appends a settings event with only the fields the student changed (none: nothing is written).
   * A field is changed when it differs from the folded settings and, when `base` (the settings the
   * screen edited from) is given, from `base` too: a field this device never touched is never
   * written, so last-writer-wins per field cannot revert another device's change to it.
   */
  saveSettings(settings: StudySettings, base?: StudySettings): Promise<void>;
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

const isSameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Creates the settings repository on an (opening or open) FlipdeckDb. */
export function createDexieSettingsRepository(db: FlipdeckDb, options: RepositoryOptions = {}): SettingsRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const clock = options.clock ?? (() => Date.now());
  const nextEventId = options.nextEventId ?? createEventIdGenerator((length) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  const deviceId = options.deviceId ?? newDeviceId(clock());
  const log = eventStore(db, report);

  const folded = async (): Promise<FoldedSettings> => foldSettings(log.settingsEvents(await db.settingsEvents.toArray()));

  /** Appends the changes `diff` computes from the folded settings, in one transaction with the read. */
  const append = (scope: SettingsScope, diff: (current: FoldedSettings) => Record<string, unknown>) =>
    run('save-settings', () =>
      db.transaction('rw', db.settingsEvents, async () => {
        const values = diff(await folded());
        if (Object.keys(values).length === 0) return;
        const createdAt = clock();
        const event: SettingsEvent = { id: nextEventId(createdAt), deviceId, createdAt, kind: 'settings', scope, values };
        await db.settingsEvents.add(settingsEventToRow(event));
      }),
    );

  return {
    loadSettings: () => run('load', async () => studySettingsFromValues((await folded()).study)),

    saveSettings: (settings, base) =>
      append({ kind: 'study' }, (current) => {
        const effective = studySettingsFromValues(current.study) as unknown as Record<string, unknown>;
        const edited = base as unknown as Record<string, unknown> | undefined;
        const changed: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(settings)) {
          if (edited !== undefined && isSameValue(edited[field], value)) continue;
          if (!isSameValue(effective[field], value)) changed[field] = value;
        }
        return changed;
      }),

    loadAppearance: () =>
      run('load', async () => {
        const { appearance, problems } = appearanceFromRow(await db.settings.get(APPEARANCE_KEY));
        problems.forEach(report);
        return appearance;
      }),

    saveAppearance: (appearance) =>
      run('save-settings', () =>
        db.transaction('rw', db.settings, async () => {
          await db.settings.put(appearanceToRow(appearance, await db.settings.get(APPEARANCE_KEY)));
        }),
      ),

    loadDeckOverrides: () => run('load', async () => foldedDeckOverrides(await folded())),

    saveDeckOverrides: (deckId, overrides) =>
      append({ kind: 'deck', deckId }, (current) => {
        const stored = current.decks.get(deckId) ?? {};
        const wanted = overrides as Readonly<Record<string, unknown>>;
        const changed: Record<string, unknown> = {};
        for (const field of OVERRIDABLE_FIELDS) {
          const value = wanted[field];
          // null removes an override; fields this build does not know are left as they are.
          if (value === undefined) {
            if (field in stored) changed[field] = null;
          } else if (!isSameValue(stored[field], value)) changed[field] = value;
        }
        return changed;
      }),
  };
}
