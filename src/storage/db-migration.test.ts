// Migration safety: data written by every shipped schema version must still open intact.
// Each shipped schema is frozen here as a literal copy, so editing a shipped version in db.ts
// (which the house style forbids) shows up as a failing test rather than a broken upgrade.
// When adding version N+1: add its frozen copy below and a test that writes with version N.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { FlipdeckDb } from './db';
import { cardStateToRow, reviewLogEntryToRow } from './progress-rows';
import { createDexieRepository } from './progress-repository';
import { createDexieSettingsRepository } from './settings-repository';
import { DECK_A, DECK_B, makeReview, makeState } from './test-fixtures';
import { cardEventFromRow, cardEventToRow } from './event-rows';
import { replayCard } from '../domain/events/replay';
import { createSettingsTimeline } from '../domain/events/settings-log';
import { legacyCardEvents } from '../domain/events/legacy';
import type { CardState } from '../domain/scheduling/types';

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
  3: {
    cardStates: '[deckId+cardId], deckId, [deckId+dueAt]',
    reviewLog: '++id, [deckId+reviewedAt], [deckId+cardId], reviewedAt',
    settings: 'key',
    userDecks: 'id',
    media: '[deckId+name], deckId',
    events: 'id, [deckId+cardId], [deckId+createdAt], createdAt',
    settingsEvents: 'id, createdAt',
  },
  4: {
    cardStates: '[deckId+cardId], deckId, [deckId+dueAt]',
    reviewLog: '++id, [deckId+reviewedAt], [deckId+cardId], reviewedAt',
    settings: 'key',
    userDecks: 'id',
    media: '[deckId+name], deckId',
    events: 'id, [deckId+cardId], [deckId+createdAt], createdAt',
    settingsEvents: 'id, createdAt',
    contentEvents: 'id, deckId, [deckId+createdAt], createdAt',
  },
};

const NAME = 'flipdeck-migration';

/** Writes `states`, their review rows and settings with the frozen schema of `version`, then closes. */
async function writeOld(factory: IDBFactory, version: 1 | 2, states: readonly CardState[], reviewsPerCard = 1) {
  const old = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
  old.version(version).stores(SHIPPED_SCHEMAS[version] ?? {});
  for (const state of states) {
    await old.table('cardStates').put(cardStateToRow(state));
    for (let i = 0; i < reviewsPerCard; i += 1) {
      await old.table('reviewLog').add(reviewLogEntryToRow(makeReview(null, state, { reviewedAt: (state.lastReviewedAt ?? 0) - i * 1_000, rating: i % 2 === 0 ? 'good' : 'again' })));
    }
  }
  await old.table('settings').put({ key: 'study', value: { reviewsPerDay: 40, futureField: 'kept' } });
  await old.table('settings').put({ key: 'deck:deck-a', value: { newCardsPerDay: 3 } });
  await old.table('settings').put({ key: 'appearance', value: { theme: 'dark' } });
  old.close();
}

const OLD_STATES: CardState[] = [
  makeState('c1', { dueAt: 5_000, lastReviewedAt: 4_000 }),
  makeState('c2', { dueAt: 6_000, phase: 'learning', lastReviewedAt: 4_500, learningStep: 1 }),
  makeState('c3', { dueAt: 9_000, lastReviewedAt: 3_000, isSuspended: true }),
  { ...makeState('x', { dueAt: 7_000, lastReviewedAt: 2_000, reps: 5, lapses: 2 }), deckId: DECK_B },
];

describe('schema versions', () => {
  it('v3: progress written, closed and reopened comes back intact', async () => {
    const factory = new IDBFactory();
    const first = new FlipdeckDb({ name: NAME, indexedDB: factory });
    const repo = createDexieRepository(first);
    await repo.recordReview(makeReview(null, makeState('c1', { dueAt: 5_000, lastReviewedAt: 1_000 })));
    await createDexieSettingsRepository(first).saveSettings({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
    const written = await repo.exportAll();
    first.close();

    const reopened = new FlipdeckDb({ name: NAME, indexedDB: factory });
    expect(await createDexieRepository(reopened).exportAll()).toEqual(written);
    expect(await createDexieSettingsRepository(reopened).loadSettings()).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
    reopened.close();
  });

  it.each([1, 2] as const)('v%i -> v3: reviews become events, and every stored state replays to exactly what it was', async (version) => {
    const factory = new IDBFactory();
    await writeOld(factory, version, OLD_STATES, 2);

    const current = new FlipdeckDb({ name: NAME, indexedDB: factory });
    await current.open();
    expect(current.verno).toBe(4);
    const repo = createDexieRepository(current);
    // The cache is untouched...
    expect(await repo.loadAllStates()).toEqual([...OLD_STATES].sort((a, b) => (a.deckId + a.cardId < b.deckId + b.cardId ? -1 : 1)));
    // ...and is what the log replays to, card by card and all at once.
    const events = (await current.events.toArray()).map((row) => cardEventFromRow(row)).flatMap((r) => (r.ok ? [r.value] : []));
    expect(events).toHaveLength(OLD_STATES.length * 2 + OLD_STATES.length + 1);
    const settingsAt = createSettingsTimeline([]);
    for (const state of OLD_STATES) {
      const own = events.filter((event) => event.deckId === state.deckId && event.cardId === state.cardId);
      expect(replayCard(own, settingsAt).state).toEqual(state);
    }
    const cached = await repo.loadAllStates();
    expect(await repo.rebuildAllStates()).toBe(OLD_STATES.length);
    expect(await repo.loadAllStates()).toEqual(cached);
    // Every old review is an effective review with a content-derived id, and the old rows are gone.
    expect((await repo.reviewsBetween(null, -Infinity, Infinity)).map((r) => [r.cardId, r.rating, r.answerMs])).toHaveLength(OLD_STATES.length * 2);
    expect(await current.reviewLog.count()).toBe(0);
    // Settings become events (unknown fields kept); appearance stays a row of this device.
    const settings = createDexieSettingsRepository(current);
    expect(await settings.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, reviewsPerDay: 40 });
    expect(await settings.loadDeckOverrides()).toEqual(new Map([[DECK_A, { newCardsPerDay: 3 }]]));
    expect((await current.settingsEvents.toArray()).find((row) => (row['scope'] as { kind: string }).kind === 'study')?.['values']).toEqual({ reviewsPerDay: 40, futureField: 'kept' });
    expect(await current.settings.get('appearance')).toEqual({ key: 'appearance', value: { theme: 'dark' } });
    current.close();
  });

  it('the upgrade gives the same event ids as converting the same data again (an old backup then merges as duplicates)', async () => {
    const factory = new IDBFactory();
    await writeOld(factory, 2, OLD_STATES);
    const current = new FlipdeckDb({ name: NAME, indexedDB: factory });
    const stored = (await current.events.toArray()).map((row) => row.id).sort();
    const reviews = OLD_STATES.map((state) => makeReview(null, state, { reviewedAt: state.lastReviewedAt ?? 0, rating: 'good' }));
    expect(legacyCardEvents({ cardStates: OLD_STATES, reviewLog: reviews }).map((event) => event.id).sort()).toEqual(stored);
    current.close();
  });

  it('v3 -> v4: every table written by v3 comes back row for row, and the content log starts empty', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    v3.version(3).stores(SHIPPED_SCHEMAS[3] ?? {});
    const reviews = OLD_STATES.map((state) => makeReview(null, state, { reviewedAt: state.lastReviewedAt ?? 0 }));
    await v3.table('cardStates').bulkPut(OLD_STATES.map(cardStateToRow));
    await v3.table('events').bulkPut(legacyCardEvents({ cardStates: OLD_STATES, reviewLog: reviews }).map(cardEventToRow));
    await v3.table('settingsEvents').put({ id: '01KB0000000000000000000000', deviceId: 'legacy', createdAt: 0, kind: 'settings', scope: { kind: 'study' }, values: { newCardsPerDay: 9 } });
    await v3.table('settings').put({ key: 'device', value: { deviceId: 'abc' } });
    await v3.table('userDecks').put({ id: 'user.spanish', origin: 'csv', createdAt: 1, updatedAt: 2, deck: { schemaVersion: 1, id: 'spanish', title: 'Spanish', description: '', cards: [{ id: 'hola', front: 'hola', back: 'hello', tags: [] }] } });
    await v3.table('media').put({ deckId: 'user.spanish', name: 'a.png', mimeType: 'image/png', bytes: new Uint8Array([1, 2, 3]).buffer });
    const tables = ['cardStates', 'settings', 'userDecks', 'media', 'events', 'settingsEvents'] as const;
    const before = Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await v3.table(name).toArray()] as const)));
    expect(v3.verno).toBe(3);
    v3.close();

    const current = new FlipdeckDb({ name: NAME, indexedDB: factory });
    await current.open();
    expect(current.verno).toBe(4);
    for (const name of tables) expect(await current.table(name).toArray()).toEqual(before[name]);
    expect(await current.contentEvents.count()).toBe(0);
    expect(await createDexieSettingsRepository(current).loadSettings()).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 9 });
    current.close();
  });

  it('the current build declares exactly the shipped v4 schema (v3 plus contentEvents)', async () => {
    const db = new FlipdeckDb({ name: NAME, indexedDB: new IDBFactory() });
    await db.open();
    const declared = Object.fromEntries(
      db.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
      ]),
    );
    expect(declared).toEqual(SHIPPED_SCHEMAS[4]);
    db.close();
  });
});
