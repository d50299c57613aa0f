// Migration safety: data written by every shipped schema version must still open intact.
// Each shipped schema is frozen here as a literal copy, so editing a shipped version in db.ts
// (which the house style forbids) shows up as a failing test rather than a broken upgrade.
// When adding version N+1: add its frozen copy below and a test that writes with version N.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { FlipdeckDb } from './db';
import { cardStateToRow, reviewLogEntryToRow } from './progress-rows';
import { createDexieRepository } from './progress-repository';
import { createDexieSettingsRepository } from './settings-repository';
import { DECK_A, makeReview, makeState } from './test-fixtures';

const SHIPPED_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    cardStates: '[deckId+cardId], deckId, [deckId+dueAt]',
    reviewLog: '++id, [deckId+reviewedAt], [deckId+cardId], reviewedAt',
    settings: 'key',
  },
  2: {
    cardStates: '[deckId+cardId], deckId, [deckId+dueAt]',
    reviewLog: '++id, [deckId+reviewedAt], [deckId+cardId], reviewedAt',
    settings: 'key',
    userDecks: 'id',
    media: '[deckId+name], deckId',
  },
};

const NAME = 'flipdeck-migration';

describe('schema versions', () => {
  it('v1: data written, closed and reopened comes back intact', async () => {
    const factory = new IDBFactory();
    const first = new FlipdeckDb({ name: NAME, indexedDB: factory });
    const repo = createDexieRepository(first);
    const settings = createDexieSettingsRepository(first);
    const state = makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000 });
    await repo.recordReview(makeReview(null, state));
    await settings.saveSettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
    const written = await repo.exportAll();
    first.close();

    const reopened = new FlipdeckDb({ name: NAME, indexedDB: factory });
    const reopenedRepo = createDexieRepository(reopened);
    expect(await reopenedRepo.exportAll()).toEqual(written);
    expect(await createDexieSettingsRepository(reopened).loadSettings()).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
    expect(await reopenedRepo.loadDueStates(DECK_A, 10_000)).toEqual([state]);
    reopened.close();
  });

  it('the current build opens a database written with the frozen v1 schema', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SHIPPED_SCHEMAS[1] ?? {});
    const state = makeState('c1', { dueAt: 5_000 });
    await v1.table('cardStates').put(cardStateToRow(state));
    await v1.table('reviewLog').add(reviewLogEntryToRow(makeReview(null, state)));
    await v1.table('settings').put({ key: 'study', value: { reviewsPerDay: 40 } });
    v1.close();

    const current = new FlipdeckDb({ name: NAME, indexedDB: factory });
    const repo = createDexieRepository(current);
    expect(await repo.exportAll()).toEqual({ cardStates: [state], reviewLog: [{ ...makeReview(null, state), id: 1 }] });
    expect(await createDexieSettingsRepository(current).loadSettings()).toEqual({ ...DEFAULT_SETTINGS, reviewsPerDay: 40 });
    expect(await repo.loadDueStates(DECK_A, 10_000)).toEqual([state]);
    current.close();
  });

  it('v1 -> v2: every v1 row survives the upgrade and the new tables start empty', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SHIPPED_SCHEMAS[1] ?? {});
    const states = [makeState('c1', { dueAt: 5_000 }), makeState('c2', { dueAt: 6_000, phase: 'learning' })];
    for (const state of states) {
      await v1.table('cardStates').put(cardStateToRow(state));
      await v1.table('reviewLog').add(reviewLogEntryToRow(makeReview(null, state)));
    }
    await v1.table('settings').put({ key: 'study', value: { reviewsPerDay: 40, futureField: 'kept' } });
    v1.close();

    const current = new FlipdeckDb({ name: NAME, indexedDB: factory });
    await current.open();
    expect(current.verno).toBe(2);
    const repo = createDexieRepository(current);
    expect((await repo.exportAll()).cardStates).toEqual(states);
    expect((await repo.exportAll()).reviewLog.map((r) => [r.id, r.cardId])).toEqual([[1, 'c1'], [2, 'c2']]);
    expect(await current.settings.get('study')).toEqual({ key: 'study', value: { reviewsPerDay: 40, futureField: 'kept' } });
    expect(await current.userDecks.count()).toBe(0);
    expect(await current.media.count()).toBe(0);
    current.close();
  });

  it('the current build declares exactly the shipped v2 schema (v1 plus userDecks and media)', async () => {
    const db = new FlipdeckDb({ name: NAME, indexedDB: new IDBFactory() });
    await db.open();
    const declared = Object.fromEntries(
      db.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
      ]),
    );
    expect(declared).toEqual(SHIPPED_SCHEMAS[2]);
    db.close();
  });
});
