// Dexie-only behaviour: durability, the due-queue index, connection lifecycle, damaged rows.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import type { DBCore, DBCoreQueryRequest, Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { FlipdeckDb } from './db';
import type { DbConnectionEvent } from './db';
import { cardStateToRow } from './progress-rows';
import { cardEventToRow, settingsEventFromRow, settingsEventToRow } from './event-rows';
import { legacySettingsEvent } from '../domain/events/legacy';
import { foldSettings } from '../domain/events/settings-log';
import { asCardId } from '../domain/ids';
import type { RowProblem } from './row-parse';
import { createDexieRepository } from './progress-repository';
import { createDexieSettingsRepository } from './settings-repository';
import { StorageError } from './storage-error';
import { DECK_A, makeReview, makeState } from './test-fixtures';

const openDbs: Dexie[] = [];
afterEach(() => {
  openDbs.splice(0).forEach((db) => db.close());
});

function setup(factory = new IDBFactory()) {
  const db = new FlipdeckDb({ name: 'flipdeck-test', indexedDB: factory });
  openDbs.push(db);
  const problems: RowProblem[] = [];
  const onCorruptRow = (problem: RowProblem) => problems.push(problem);
  return { db, factory, problems, repo: createDexieRepository(db, { onCorruptRow }), settings: createDexieSettingsRepository(db, { onCorruptRow }) };
}

describe('FlipdeckDb', () => {
  it("is named 'flipdeck' by default", () => {
    const db = new FlipdeckDb({ indexedDB: new IDBFactory() });
    expect(db.name).toBe('flipdeck');
  });

  it('asks for strict durability on every transaction, so a saved grade survives a crash', async () => {
    const { db } = setup();
    const durability = await db.transaction('rw', db.cardStates, db.reviewLog, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
  });

  it('serves the due queue from a [deckId+dueAt] range, not a scan of every card', async () => {
    const { db, repo } = setup();
    const queries: DBCoreQueryRequest[] = [];
    const spy: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'query-spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            query: (req) => {
              queries.push(req);
              return table.query(req);
            },
          };
        },
      }),
    };
    db.use(spy);

    await repo.loadDueStates(DECK_A, 5_000);

    expect(queries).toHaveLength(1);
    expect(queries[0]?.query.index.name).toBe('[deckId+dueAt]');
    expect(queries[0]?.query.range).toMatchObject({ lower: [DECK_A, -Infinity], upper: [DECK_A, 5_000], upperOpen: true });
  });

  it('closes for good and tells the app when another tab upgrades the database', async () => {
    const { db, factory, repo } = setup();
    await repo.recordReview(makeReview(null, makeState('c1')));
    const events: DbConnectionEvent[] = [];
    db.onConnectionEvent((event) => events.push(event));

    // A newer build in another tab opening a later schema (v3) on the same database.
    const newer = new Dexie('flipdeck-test', { indexedDB: factory, IDBKeyRange });
    openDbs.push(newer);
    newer.version(3).stores({ cardStates: '[deckId+cardId], deckId, [deckId+dueAt]', extra: '++id' });
    await newer.open();

    expect(events).toEqual([{ kind: 'versionchange', message: expect.stringMatching(/Reload this tab/) }]);
    expect(db.lastConnectionEvent?.kind).toBe('versionchange');
    expect(db.isOpen()).toBe(false);
    const error = await repo.recordReview(makeReview(null, makeState('c2'))).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'closed', message: expect.stringMatching(/grade was not saved/) });
  });

  it("reports 'closed' for writes after the app closed the database", async () => {
    const { db, settings } = setup();
    await db.open();
    db.close();
    await expect(settings.saveSettings(DEFAULT_SETTINGS)).rejects.toMatchObject({ kind: 'closed', code: 'storage/closed' });
  });

  it('tells the app when its upgrade is blocked by an older connection', async () => {
    const factory = new IDBFactory();
    // An old tab holding version 0.1 (native 1) that ignores versionchange, as a hung tab would.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('flipdeck-test', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    old.onversionchange = () => {};
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // Dexie logs the block too.
    const { db } = setup(factory);
    const events: DbConnectionEvent[] = [];
    db.onConnectionEvent((event) => events.push(event));

    const opening = db.open();
    await expect.poll(() => events.map((event) => event.kind)).toEqual(['blocked']);
    old.close();
    await opening;
    expect(db.isOpen()).toBe(true);
  });
});

describe('Dexie repository with damaged rows', () => {
  it('skips and reports a damaged card state instead of failing the whole load', async () => {
    const { db, repo, problems } = setup();
    await db.cardStates.bulkPut([
      cardStateToRow(makeState('good', { dueAt: 10 })),
      { ...cardStateToRow(makeState('bad', { dueAt: 20 })), stability: 'high' as unknown as number },
    ]);

    expect((await repo.loadDueStates(DECK_A, 100)).map((state) => state.cardId)).toEqual(['good']);
    expect(problems).toEqual([{ table: 'cardStates', rowKey: '["deck-a","bad"]', field: 'stability', message: 'expected a finite number, got "high"' }]);
  });

  it('skips a damaged newest event in lastReview and refuses to undo it', async () => {
    const { db, repo, problems } = setup();
    const goodId = await repo.recordReview(makeReview(null, makeState('c1'), { reviewedAt: 1_000 }));
    const badId = repo.newEventId(2_000);
    await db.events.add({ ...cardEventToRow({ id: badId, deviceId: repo.deviceId, createdAt: 2_000, deckId: DECK_A, cardId: asCardId('c2'), kind: 'review', rating: 'good', answerMs: 1, before: null, after: makeState('c2') }), rating: 'meh' });

    expect(await repo.lastReview(DECK_A)).toMatchObject({ id: goodId });
    const error = await repo.undoReview(badId).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'unknown', operation: 'undo-review' });
    expect(problems.map((problem) => [problem.table, problem.rowKey, problem.field])).toContainEqual(['events', JSON.stringify(badId), 'rating']);
    expect(await db.events.count()).toBe(2);
  });

  it('keeps settings fields this build does not know when saving, since a save appends only what changed', async () => {
    const { db, settings } = setup();
    await db.settingsEvents.put(settingsEventToRow(legacySettingsEvent({ kind: 'study' }, { newCardsPerDay: 3, fromNewerBuild: 'keep me' }, 0)));

    await settings.saveSettings({ ...(await settings.loadSettings()), reviewsPerDay: 50 });

    const folded = foldSettings((await db.settingsEvents.toArray()).map((row) => settingsEventFromRow(row)).flatMap((r) => (r.ok ? [r.value] : [])));
    expect(folded.study).toMatchObject({ newCardsPerDay: 3, fromNewerBuild: 'keep me', reviewsPerDay: 50 });
  });
});
