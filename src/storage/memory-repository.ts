/**
 * In-memory ProgressRepository, used when IndexedDB cannot be opened (private mode, storage
 * turned off, a hung open). It must behave exactly like the Dexie one: same ordering, same
 * auto-increment ids (never reused), same all-or-nothing writes, same StorageErrors. To get
 * that, it keeps the same row shapes and reads them back through the same mappers.
 */
import { asCardId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { DeckId } from '../domain/ids';
import type { StudySettings } from '../domain/settings';
import type { Appearance } from '../domain/settings/appearance';
import type { DeckOverrides } from '../domain/settings/deck-overrides';
import { cardStateFromRow, cardStateToRow, isSameCardState, reviewLogEntryFromRow, reviewLogEntryToRow } from './progress-rows';
import type { CardStateRow, ReviewLogRow } from './progress-rows';
import { STUDY_SETTINGS_KEY, settingsFromRow, settingsToRow } from './settings-rows';
import type { SettingsRow } from './settings-rows';
import type { TableName } from './row-parse';
import { assertSameCard } from './card-progress';
import { assertConsistentReview, assertReviewIsCurrent, collectDeckOverrides, keepValid, warnCorruptRow } from './progress-repository';
import { APPEARANCE_KEY, appearanceFromRow, appearanceToRow, deckOverridesKey, deckOverridesToRow } from './settings-rows';
import type { ProgressRepository, RepositoryOptions } from './progress-repository';
import { corruptUndoError, toStorageError, undoConflictError } from './storage-error';
import type { StorageOperation } from './storage-error';

/** Initial contents, in the same shape exportAll returns. Log ids are kept when given. */
export interface MemorySeed {
  readonly cardStates?: readonly CardState[];
  readonly reviewLog?: readonly ReviewLogEntry[];
  readonly settings?: Partial<StudySettings>;
  readonly appearance?: Appearance;
  readonly deckOverrides?: ReadonlyMap<DeckId, DeckOverrides>;
}

/** One row write inside a memory transaction. */
export interface MemoryWrite {
  readonly table: TableName;
  readonly type: 'put' | 'add' | 'delete';
}

export interface MemoryRepositoryOptions extends RepositoryOptions {
  /**
   * Called for every row write of a transaction, in order, before any of them is applied; if
   * it throws, nothing is applied and the error is mapped like a Dexie one. Tests use it to
   * simulate a full disk; the app leaves it unset.
   */
  readonly onBeforeWrite?: (write: MemoryWrite) => void;
}

type Op = MemoryWrite & { readonly apply: () => void };

const stateKey = (deckId: string, cardId: string): string => JSON.stringify([deckId, cardId]);

// IndexedDB orders string keys by UTF-16 code unit, which is what `<` does (not localeCompare).
const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const byStateKey = (a: CardStateRow, b: CardStateRow) => compare(a.deckId, b.deckId) || compare(a.cardId, b.cardId);
const byDueThenCard = (a: CardStateRow, b: CardStateRow) => compare(a.dueAt, b.dueAt) || compare(a.cardId, b.cardId);
const byReviewedThenId = (a: ReviewLogRow, b: ReviewLogRow) => compare(a.reviewedAt, b.reviewedAt) || compare(a.id, b.id);
const byId = (a: ReviewLogRow, b: ReviewLogRow) => compare(a.id, b.id);

/** Creates a repository that keeps progress only for the life of this page. */
export function createMemoryRepository(seed: MemorySeed = {}, options: MemoryRepositoryOptions = {}): ProgressRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const cardStates = new Map<string, CardStateRow>();
  const reviewLog = new Map<number, ReviewLogRow>();
  let settingsRow: SettingsRow | undefined;
  // The other settings rows ('appearance', 'deck:<id>'), by key.
  const otherSettingsRows = new Map<string, SettingsRow>();
  // Like IndexedDB's key generator: only ever grows, so an undone row's id is never reused.
  let nextLogId = 1;

  for (const state of seed.cardStates ?? []) cardStates.set(stateKey(state.deckId, state.cardId), cardStateToRow(state));
  for (const entry of seed.reviewLog ?? []) {
    const id = entry.id ?? nextLogId;
    reviewLog.set(id, { ...reviewLogEntryToRow(entry), id });
    nextLogId = Math.max(nextLogId, id + 1);
  }
  if (seed.settings !== undefined) settingsRow = { key: STUDY_SETTINGS_KEY, value: { ...seed.settings } };
  if (seed.appearance !== undefined) otherSettingsRows.set(APPEARANCE_KEY, appearanceToRow(seed.appearance, undefined));
  for (const [deckId, overrides] of seed.deckOverrides ?? []) {
    otherSettingsRows.set(deckOverridesKey(deckId), deckOverridesToRow(deckId, overrides, undefined));
  }

  const states = (rows: readonly CardStateRow[]) => keepValid(rows.map(cardStateFromRow), report);
  const entries = (rows: readonly ReviewLogRow[]) => keepValid(rows.map(reviewLogEntryFromRow), report);
  const deckStateRows = (deckId: string) => [...cardStates.values()].filter((row) => row.deckId === deckId);
  const deckLogRows = (deckId: string) => [...reviewLog.values()].filter((row) => row.deckId === deckId);

  /** All-or-nothing: every write is announced first, then all are applied with no await in between. */
  const commit = (ops: readonly Op[]): void => {
    for (const op of ops) options.onBeforeWrite?.({ table: op.table, type: op.type });
    for (const op of ops) op.apply();
  };

  const run = async <T>(operation: StorageOperation, work: () => T): Promise<T> => {
    try {
      return work();
    } catch (error) {
      throw toStorageError(error, operation);
    }
  };

  return {
    isPersistent: false,

    reviewsBetween: (deckId, sinceMs, untilMs) =>
      run('load', () =>
        entries(
          [...reviewLog.values()]
            .filter((row) => (deckId === null || row.deckId === deckId) && row.reviewedAt >= sinceMs && row.reviewedAt <= untilMs)
            .sort(byReviewedThenId),
        ),
      ),

    loadAllStates: () => run('load', () => states([...cardStates.values()].sort(byStateKey))),

    updateCardState: (deckId, cardId, change) =>
      run('save-card', () => {
        const key = stateKey(deckId, cardId);
        const row = cardStates.get(key);
        const parsed = row === undefined ? null : cardStateFromRow(row);
        const next = change(parsed?.ok === true ? parsed.value : null);
        if (next === null) {
          commit([{ table: 'cardStates', type: 'delete', apply: () => cardStates.delete(key) }]);
          return null;
        }
        assertSameCard(next, deckId, cardId);
        const nextRow = cardStateToRow(next);
        commit([{ table: 'cardStates', type: 'put', apply: () => cardStates.set(key, nextRow) }]);
        return next;
      }),

    loadDeckStates: (deckId) => run('load', () => states(deckStateRows(deckId).sort(byStateKey))),

    loadDueStates: (deckId, dueBeforeMs) =>
      run('load', () =>
        states(deckStateRows(deckId).filter((row) => row.dueAt < dueBeforeMs).sort(byDueThenCard)).filter(
          (state) => state.phase !== 'new',
        ),
      ),

    countStates: (deckId) => run('load', () => deckStateRows(deckId).length),

    loadStoredCardIds: (deckId) => run('load', () => deckStateRows(deckId).sort(byStateKey).map((row) => asCardId(row.cardId))),

    earliestDueAt: (deckId, fromMs) =>
      run('load', () => {
        const later = states(deckStateRows(deckId).filter((row) => row.dueAt >= fromMs).sort(byDueThenCard));
        return later.find((state) => state.phase !== 'new')?.dueAt ?? null;
      }),

    reviewsSince: (deckId, sinceMs) =>
      run('load', () => entries(deckLogRows(deckId).filter((row) => row.reviewedAt >= sinceMs).sort(byReviewedThenId))),

    reviewHistory: (deckId, cardId) =>
      run('load', () => entries(deckLogRows(deckId).filter((row) => row.cardId === cardId).sort(byId))),

    lastReview: (deckId) =>
      run('load', () => {
        const newestFirst = deckLogRows(deckId).sort(byReviewedThenId).reverse();
        for (const row of newestFirst) {
          const [entry] = entries([row]);
          if (entry !== undefined) return entry;
        }
        return null;
      }),

    recordReview: (entry) =>
      run('save-review', () => {
        assertConsistentReview(entry);
        assertReviewIsCurrent(entry, cardStates.get(stateKey(entry.deckId, entry.cardId)));
        const stateRow = cardStateToRow(entry.after);
        const id = nextLogId;
        const logRow: ReviewLogRow = { ...reviewLogEntryToRow(entry), id };
        commit([
          { table: 'cardStates', type: 'put', apply: () => cardStates.set(stateKey(stateRow.deckId, stateRow.cardId), stateRow) },
          {
            table: 'reviewLog',
            type: 'add',
            apply: () => {
              reviewLog.set(id, logRow);
              nextLogId = id + 1;
            },
          },
        ]);
        return id;
      }),

    undoReview: (id) =>
      run('undo-review', () => {
        const row = reviewLog.get(id);
        if (row === undefined) throw undoConflictError('missing');
        const parsed = reviewLogEntryFromRow(row);
        if (!parsed.ok) {
          report(parsed.problem);
          throw corruptUndoError();
        }
        const entry = parsed.value;
        const key = stateKey(entry.deckId, entry.cardId);
        const current = cardStates.get(key);
        const currentState = current === undefined ? undefined : cardStateFromRow(current);
        if (!currentState?.ok || !isSameCardState(currentState.value, entry.after)) throw undoConflictError('changed');
        const before = entry.before;
        commit([
          { table: 'reviewLog', type: 'delete', apply: () => reviewLog.delete(id) },
          before === null
            ? { table: 'cardStates', type: 'delete', apply: () => cardStates.delete(key) }
            : { table: 'cardStates', type: 'put', apply: () => cardStates.set(key, cardStateToRow(before)) },
        ]);
        return entry;
      }),

    loadSettings: () =>
      run('load', () => {
        const { settings, problems } = settingsFromRow(settingsRow);
        problems.forEach(report);
        return settings;
      }),

    saveSettings: (settings) =>
      run('save-settings', () => {
        const row = settingsToRow(settings, settingsRow);
        commit([{ table: 'settings', type: 'put', apply: () => (settingsRow = row) }]);
      }),

    loadAppearance: () =>
      run('load', () => {
        const { appearance, problems } = appearanceFromRow(otherSettingsRows.get(APPEARANCE_KEY));
        problems.forEach(report);
        return appearance;
      }),

    saveAppearance: (appearance) =>
      run('save-settings', () => {
        const row = appearanceToRow(appearance, otherSettingsRows.get(APPEARANCE_KEY));
        commit([{ table: 'settings', type: 'put', apply: () => otherSettingsRows.set(APPEARANCE_KEY, row) }]);
      }),

    loadDeckOverrides: () =>
      run('load', () => collectDeckOverrides([...otherSettingsRows.values()].sort((a, b) => compare(a.key, b.key)), report)),

    saveDeckOverrides: (deckId, overrides) =>
      run('save-settings', () => {
        const key = deckOverridesKey(deckId);
        const row = deckOverridesToRow(deckId, overrides, otherSettingsRows.get(key));
        commit([{ table: 'settings', type: 'put', apply: () => otherSettingsRows.set(key, row) }]);
      }),

    exportAll: () =>
      run('load', () => ({
        cardStates: states([...cardStates.values()].sort(byStateKey)),
        reviewLog: entries([...reviewLog.values()].sort(byId)),
      })),
  };
}
