// The SettingsRepository contract.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import type { StudySettings } from '../domain/settings/study-settings';
import { DEFAULT_APPEARANCE } from '../domain/settings/appearance';
import { FlipdeckDb } from './db';
import type { RowProblem } from './row-parse';
import { createDexieSettingsRepository } from './settings-repository';
import { settingsEventToRow } from './event-rows';
import { legacySettingsEvent } from '../domain/events/legacy';
import { StorageError } from './storage-error';
import { DECK_A, DECK_B, quotaError, writeHookMiddleware } from './test-fixtures';

const openDbs: FlipdeckDb[] = [];
afterEach(() => {
  openDbs.splice(0).forEach((db) => db.close());
});

const implementation = {
  /** A repository on a fresh database holding `storedSettings` as the study row, if given. */
  create: async (storedSettings?: Record<string, unknown>) => {
    const failing: { table: string; error: unknown }[] = [];
    const problems: RowProblem[] = [];
    const db = new FlipdeckDb({ name: 'settings-contract', indexedDB: new IDBFactory(), IDBKeyRange });
    openDbs.push(db);
    db.use(
      writeHookMiddleware((write) => {
        const fault = failing.find((candidate) => write.table.startsWith(candidate.table));
        if (fault) throw fault.error;
      }),
    );
    if (storedSettings) await db.settingsEvents.put(settingsEventToRow(legacySettingsEvent({ kind: 'study' }, storedSettings, 0)));
    return {
      repo: createDexieSettingsRepository(db, { onCorruptRow: (problem) => problems.push(problem) }),
      /** Makes every later write to `table` throw `error`, as a full disk would. */
      failWrites: (table: string, _type: 'put', error: unknown) => failing.push({ table, error }),
      problems,
      /** The values of each stored settings event, oldest first. */
      storedValues: async () => (await db.settingsEvents.toArray()).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((row) => row.values),
    };
  },
};

/** Resolves with the StorageError the promise rejects with; fails the test if it resolves. */
async function storageErrorFrom(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('SettingsRepository', () => {
  describe('settings', () => {
    it('are the defaults when nothing is stored', async () => {
      const { repo } = await implementation.create();
      expect(await repo.loadSettings()).toEqual(DEFAULT_SETTINGS);
    });

    it('round-trip', async () => {
      const { repo } = await implementation.create();
      const settings: StudySettings = { ...DEFAULT_SETTINGS, desiredRetention: 0.85, learningStepsMinutes: [1, 5, 15], isFuzzEnabled: false };
      await repo.saveSettings(settings);
      expect(await repo.loadSettings()).toEqual(settings);
    });

    // Issue 13: a first save used to write every field, which merged last-writer-wins per field
    // reverted another device's earlier changes to the fields this device never touched.
    it('write only the fields the student changed, the first save too', async () => {
      const { repo, storedValues } = await implementation.create();
      await repo.saveSettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
      await repo.saveSettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 7, desiredRetention: 0.85 });
      expect(await storedValues()).toEqual([{ newCardsPerDay: 7 }, { desiredRetention: 0.85 }]);
    });

    it('leave a field alone that the screen did not change, even when the stored value moved on', async () => {
      const { repo } = await implementation.create();
      const shown = { ...DEFAULT_SETTINGS };
      // Another device's change arrives after the screen was drawn.
      await repo.saveSettings({ ...DEFAULT_SETTINGS, maximumIntervalDays: 3650 });
      await repo.saveSettings({ ...shown, newCardsPerDay: 3 }, shown);
      expect(await repo.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, maximumIntervalDays: 3650, newCardsPerDay: 3 });
    });

    it('merge stored partial values over the defaults, defaulting a mistyped field', async () => {
      const { repo } = await implementation.create({ newCardsPerDay: 5, reviewsPerDay: 'lots' });
      expect(await repo.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 5 });
    });

    it('report quota when the save fails, keeping the old settings', async () => {
      const { repo, failWrites } = await implementation.create();
      failWrites('settings', 'put', quotaError());
      const error = await storageErrorFrom(repo.saveSettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 1 }));
      expect(error.kind).toBe('quota');
      expect(error.message).toMatch(/settings were not saved/);
      expect(await repo.loadSettings()).toEqual(DEFAULT_SETTINGS);
    });

    it('round-trip personal FSRS weights and drop a weight list of the wrong length', async () => {
      const weights = Array.from({ length: 21 }, (_, i) => i / 10);
      const { repo } = await implementation.create();
      await repo.saveSettings({ ...DEFAULT_SETTINGS, fsrsWeights: weights, previousFsrsWeights: null });
      expect((await repo.loadSettings()).fsrsWeights).toEqual(weights);
      const damaged = await implementation.create({ fsrsWeights: [1, 2, 3] });
      expect((await damaged.repo.loadSettings()).fsrsWeights).toBeNull();
    });
  });

  describe('appearance and deck overrides', () => {
    it('give the defaults and no overrides when nothing is stored', async () => {
      const { repo } = await implementation.create();
      expect(await repo.loadAppearance()).toEqual(DEFAULT_APPEARANCE);
      expect(await repo.loadDeckOverrides()).toEqual(new Map());
    });

    it('round-trip, each deck under its own row, without touching the study settings', async () => {
      const { repo } = await implementation.create();
      await repo.saveAppearance({ theme: 'dark', isReducedMotion: true, cardFontSize: 'large' });
      await repo.saveDeckOverrides(DECK_A, { desiredRetention: 0.8, learningStepsMinutes: [2, 20] });
      await repo.saveDeckOverrides(DECK_B, { newCardsPerDay: 3 });
      await repo.saveDeckOverrides(DECK_B, { isFuzzEnabled: false });
      expect(await repo.loadAppearance()).toEqual({ theme: 'dark', isReducedMotion: true, cardFontSize: 'large' });
      expect(await repo.loadDeckOverrides()).toEqual(
        new Map([
          [DECK_A, { desiredRetention: 0.8, learningStepsMinutes: [2, 20] }],
          [DECK_B, { isFuzzEnabled: false }],
        ]),
      );
      expect(await repo.loadSettings()).toEqual(DEFAULT_SETTINGS);
    });

    it('keep the old appearance when the save fails', async () => {
      const { repo, failWrites } = await implementation.create();
      failWrites('settings', 'put', quotaError());
      const error = await storageErrorFrom(repo.saveAppearance({ ...DEFAULT_APPEARANCE, theme: 'light' }));
      expect(error.kind).toBe('quota');
      expect(await repo.loadAppearance()).toEqual(DEFAULT_APPEARANCE);
    });
  });
});
