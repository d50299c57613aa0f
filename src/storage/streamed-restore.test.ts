import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressSnapshot } from '../domain/backup/restore-plan';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { legacyCardEvents } from '../domain/events/legacy';
import { DAY, NOW, TestDevice } from '../domain/events/test-events';
import type { ProgressEvent } from '../domain/events/types';
import { ImportError } from '../domain/import/import-error';
import { asCardId } from '../domain/ids';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { parseBackupFile, serializeBackup } from './backup-file';
import { FlipdeckDb } from './db';
import { createDexieRepository } from './progress-repository';
import { createDexieSettingsRepository } from './settings-repository';
import { StorageError } from './storage-error';
import { previewBackupStream, restoreBackupStream, type BackupProgress } from './streamed-restore';
import { makeReview, makeState, testStorage } from './test-fixtures';
import { createDexieUserDeckRepository } from './user-deck-repository';

const MINE = userDeckId('spanish');

function userDeck(overrides: Partial<UserDeck> = {}): UserDeck {
  return {
    schemaVersion: 1,
    id: MINE,
    title: 'Spanish',
    description: '',
    cards: [{ id: asCardId('hola'), front: 'hola', back: 'hello', tags: [] }],
    origin: 'csv',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

const dbs: FlipdeckDb[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function setup() {
  const db = new FlipdeckDb({ name: 'streamed-restore-test', indexedDB: new IDBFactory() });
  dbs.push(db);
  return { db, progress: createDexieRepository(db), settings: createDexieSettingsRepository(db), decks: createDexieUserDeckRepository(db) };
}

/** Small slices and chunks, so a small file takes many of each (the app reads 4 MiB, writes 1,000 rows). */
const SLICE_BYTES = 4096;
const CHUNK_ROWS = 20;
const small = { sliceBytes: SLICE_BYTES, chunkRows: CHUNK_ROWS };

const backupOf = (events: readonly ProgressEvent[], overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  decks: [],
  media: [],
  events,
  cardStates: [],
  reviewLog: [],
  settings: DEFAULT_SETTINGS,
  ...overrides,
});

/** A device's log of many cards over many days, with undos, suspends, resets and a settings change. */
function busyDevice(seed: number, cardCount = CHUNK_ROWS + 5): TestDevice {
  const device = TestDevice.named(`device-${seed}`, seed);
  device.settings({ newCardsPerDay: 5 }, NOW - DAY);
  for (let day = 0; day < 3; day += 1) {
    for (let i = 0; i < cardCount; i += 1) {
      const review = device.review(`card-${i}`, i % 4 === 0 ? 'again' : 'good', NOW + day * DAY + i * 1_000, MINE);
      if (i % 7 === 0 && day === 1) device.card(`card-${i}`, NOW + day * DAY + i * 1_000 + 1, { kind: 'undo', targetId: review.id }, MINE);
    }
  }
  device.card('card-1', NOW + 4 * DAY, { kind: 'suspend' }, MINE);
  device.card('card-2', NOW + 4 * DAY, { kind: 'reset' }, MINE);
  return device;
}

const fileOf = (text: string) => new Blob([text], { type: 'application/json' });
const byCard = <T extends { readonly cardId: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
const byId = <T extends { readonly id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

async function failureOf(work: Promise<unknown>): Promise<Error> {
  const error = await work.catch((caught: unknown) => caught);
  if (error instanceof Error) return error;
  throw new Error('expected a failure');
}

describe('streamed restore', () => {
  it('previews a large backup without writing, then restores exactly its events and the states they replay to', async () => {
    const { db, decks, settings } = setup();
    const device = busyDevice(1);
    const image = { deckId: MINE, name: 'a.png', mimeType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 1, 2]) };
    const text = serializeBackup(backupOf(device.events, { decks: [userDeck({ updatedAt: 99_000 })], media: [image] }), 123_456);
    expect(text.length).toBeGreaterThan(SLICE_BYTES * 5);
    const expected = parseBackupFile(new TextEncoder().encode(text), 'backup.json').snapshot;
    const reviewEvents = device.events.filter((e) => e.kind === 'review').length;

    const checking: BackupProgress[] = [];
    const preview = await previewBackupStream(db, fileOf(text), 'backup.json', { ...small, onProgress: (p) => checking.push(p) });
    expect(preview).toEqual({
      exportedAt: 123_456,
      deckCount: 1,
      reviewCount: expected.reviewLog.length,
      summary: {
        decksAdded: 1,
        decksUpdated: 0,
        decksKept: 0,
        cardStatesWritten: CHUNK_ROWS + 5,
        cardStatesKept: 0,
        reviewsAdded: reviewEvents,
        reviewsAlreadyPresent: 0,
        isSettingsChanged: true,
        imagesRestored: 1,
      },
    });
    expect(checking.at(-1)).toEqual({ phase: 'checking', bytesRead: text.length, bytesTotal: text.length });
    expect(checking.every((p, i) => i === 0 || p.bytesRead >= checking[i - 1]!.bytesRead)).toBe(true);
    expect(await decks.snapshot()).toMatchObject({ decks: [], events: [], cardStates: [] });

    const writing: BackupProgress[] = [];
    const applied = await restoreBackupStream(db, fileOf(text), 'backup.json', { ...small, onProgress: (p) => writing.push(p) });
    expect(applied).toEqual(preview);
    expect(writing.at(-1)).toMatchObject({ phase: 'writing', bytesRead: text.length });
    const restored = await decks.snapshot();
    expect(restored.decks).toEqual([userDeck({ updatedAt: 99_000 })]);
    expect(restored.media).toEqual([image]);
    expect(byId(restored.events)).toEqual(byId(device.events));
    expect(byCard(restored.cardStates)).toEqual(byCard(expected.cardStates));
    expect(restored.reviewLog).toEqual(expected.reviewLog);
    expect((await settings.loadSettings()).newCardsPerDay).toBe(5);
  });

  it('merges by id: only the events this browser lacks are added, and the cache equals a replay of everything', async () => {
    const { db, decks, progress } = setup();
    const phone = busyDevice(2, 6);
    const laptop = busyDevice(3, 6);
    // The laptop has seen some of the phone's events already.
    const shared = phone.events.slice(0, 10);
    await progress.importEvents([...laptop.events, ...shared]);
    const text = serializeBackup(backupOf(phone.events), NOW + 5 * DAY);

    const preview = await previewBackupStream(db, fileOf(text), 'phone.json', small);
    const sharedReviews = shared.filter((e) => e.kind === 'review').length;
    expect(preview.summary).toMatchObject({ reviewsAlreadyPresent: sharedReviews, reviewsAdded: phone.events.filter((e) => e.kind === 'review').length - sharedReviews });
    await restoreBackupStream(db, fileOf(text), 'phone.json', small);

    const merged = await decks.snapshot();
    expect(byId(merged.events)).toEqual(byId([...new Map([...laptop.events, ...phone.events].map((e) => [e.id, e])).values()]));
    const cached = byCard(merged.cardStates);
    await progress.rebuildAllStates();
    expect(byCard((await decks.snapshot()).cardStates)).toEqual(cached);
  });

  it('restoring the same backup twice changes nothing the second time', async () => {
    const { db, decks } = setup();
    const text = serializeBackup(backupOf(busyDevice(4).events, { decks: [userDeck()] }), NOW);
    await restoreBackupStream(db, fileOf(text), 'backup.json', small);
    const once = await decks.snapshot();
    const second = await restoreBackupStream(db, fileOf(text), 'backup.json', small);
    expect(second.summary).toMatchObject({ decksAdded: 0, decksUpdated: 0, reviewsAdded: 0, cardStatesWritten: 0, isSettingsChanged: false });
    expect(second.summary.reviewsAlreadyPresent).toBeGreaterThan(0);
    expect(await decks.snapshot()).toEqual(once);
  });

  it('restoring an older backup never resurrects an undone review, a reset or an unsuspend', async () => {
    const { db, decks, progress } = setup();
    const device = TestDevice.named('phone', 9);
    const undone = device.review('a', 'again', NOW, MINE);
    device.review('b', 'good', NOW, MINE);
    device.card('c', NOW, { kind: 'suspend' }, MINE);
    const olderBackup = serializeBackup(backupOf([...device.events]), NOW);
    device.card('a', NOW + 1_000, { kind: 'undo', targetId: undone.id }, MINE);
    device.card('b', NOW + 2_000, { kind: 'reset' }, MINE);
    device.card('c', NOW + 3_000, { kind: 'unsuspend' }, MINE);
    await progress.importEvents(device.events);
    const before = await decks.snapshot();
    expect(before.cardStates).toEqual([]);
    // The reset keeps b's history; only the undone review of a is gone from the effective reviews.
    expect(before.reviewLog.map((r) => r.cardId)).toEqual(['b']);

    const applied = await restoreBackupStream(db, fileOf(olderBackup), 'older.json', small);
    expect(applied.summary).toMatchObject({ reviewsAdded: 0, cardStatesWritten: 0 });
    expect(await decks.snapshot()).toEqual(before);
  });

  it('replays a card from its log here and the backup together: a backup that undoes a review stored here takes it back', async () => {
    const { db, decks, progress } = setup();
    const phone = TestDevice.named('phone', 11);
    phone.review('a', 'good', NOW, MINE);
    const second = phone.review('a', 'again', NOW + DAY, MINE);
    phone.review('b', 'easy', NOW, MINE);
    // This browser got the reviews; the backup has them too, and the undo this browser never saw.
    await progress.importEvents(phone.events);
    const stored = await decks.snapshot();
    phone.card('a', NOW + DAY + 1, { kind: 'undo', targetId: second.id }, MINE);
    const applied = await restoreBackupStream(db, fileOf(serializeBackup(backupOf(phone.events), NOW + 2 * DAY)), 'phone.json', small);
    expect(applied.summary).toMatchObject({ reviewsAdded: 0, cardStatesWritten: 1, cardStatesKept: 1 });

    const restored = await decks.snapshot();
    expect(restored.reviewLog.map((review) => review.id)).not.toContain(second.id);
    expect(restored.cardStates.find((state) => state.cardId === 'a')).toEqual(phone.stateOf(asCardId('a'), MINE));
    expect(restored.cardStates.find((state) => state.cardId === 'b')).toEqual(stored.cardStates.find((state) => state.cardId === 'b'));
    await progress.rebuildAllStates();
    expect(byCard((await decks.snapshot()).cardStates)).toEqual(byCard(restored.cardStates));
  });

  it('reads a format-1 backup as the same events the upgrade makes, so an upgraded browser finds them all present', async () => {
    const { db, decks } = setup();
    const state = makeState('hola', { deckId: MINE, lastReviewedAt: 5_000, dueAt: 5_000 + DAY });
    const review = makeReview(null, state);
    const v1 = JSON.stringify({
      format: 'flipdeck-backup',
      version: 1,
      exportedAt: 7_000,
      settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 5 },
      decks: [],
      cardStates: [state],
      reviewLog: [{ ...review, id: 1 }],
    });
    const expected = parseBackupFile(new TextEncoder().encode(v1), 'old.json').snapshot;
    const applied = await restoreBackupStream(db, fileOf(v1), 'old.json', small);
    expect(applied.summary).toMatchObject({ reviewsAdded: 1, cardStatesWritten: 1, isSettingsChanged: true });
    const restored = await decks.snapshot();
    expect(byId(restored.events)).toEqual(byId(expected.events));
    expect(restored.cardStates).toEqual([state]);

    // A browser upgraded from the same rows already holds these events: nothing is new.
    const upgraded = setup();
    await upgraded.progress.importEvents(legacyCardEvents({ cardStates: [state], reviewLog: [review] }));
    expect((await previewBackupStream(upgraded.db, fileOf(v1), 'old.json', small)).summary).toMatchObject({ reviewsAdded: 0, reviewsAlreadyPresent: 1, cardStatesWritten: 0 });
  });

  it('a damaged row late in the file: the preview names it, and the restore leaves every table as it was', async () => {
    const { db, decks, progress } = setup();
    await decks.saveDeck(userDeck({ title: 'Before' }));
    await progress.importEvents([TestDevice.named('here', 5).review('adios', 'good', NOW, MINE)]);
    const before = await decks.snapshot();
    const events = busyDevice(6).events;
    const json = JSON.parse(serializeBackup(backupOf(events, { decks: [userDeck({ title: 'After', updatedAt: 99_000 })] }), NOW)) as { events: Record<string, unknown>[] };
    const late = json.events.length - 2;
    json.events[late] = { ...json.events[late], createdAt: 'yesterday' };
    const text = JSON.stringify(json);

    const previewError = await failureOf(previewBackupStream(db, fileOf(text), 'backup.json', small));
    expect(previewError).toBeInstanceOf(ImportError);
    expect((previewError as ImportError).issues.map((i) => i.message).join('\n')).toMatch(new RegExp(`events item ${late + 1}: .*createdAt`));

    const restoreError = await failureOf(restoreBackupStream(db, fileOf(text), 'backup.json', small));
    expect(restoreError).toBeInstanceOf(ImportError);
    expect(await decks.snapshot()).toEqual(before);
  });

  it('a write that fails after chunks were queued leaves every table as it was', async () => {
    const { db, decks, progress } = setup();
    await decks.saveDeck(userDeck({ title: 'Before' }));
    await progress.importEvents([TestDevice.named('here', 7).review('adios', 'good', NOW, MINE)]);
    const before = await decks.snapshot();
    let created = 0;
    db.events.hook('creating', () => {
      created += 1;
      if (created === CHUNK_ROWS * 2 + 1) throw new Error('disk gave up');
    });
    const text = serializeBackup(backupOf(busyDevice(8).events, { decks: [userDeck({ title: 'After', updatedAt: 99_000 })] }), NOW);
    const error = await failureOf(restoreBackupStream(db, fileOf(text), 'backup.json', small));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toMatch(/nothing was restored/);
    expect(await decks.snapshot()).toEqual(before);
  });

  it('refuses what is not a backup, or from a newer Flipdeck, before writing anything', async () => {
    const { db } = setup();
    await expect(previewBackupStream(db, fileOf('{"cards": []}'), 'deck.json')).rejects.toThrow(/a deck file, not a backup/);
    await expect(previewBackupStream(db, fileOf('{"hello": 1}'), 'other.json')).rejects.toThrow(/not a Flipdeck backup/);
    await expect(previewBackupStream(db, fileOf('{"format":"flipdeck-backup","version":3,"decks":[]}'), 'new.json')).rejects.toThrow(/newer Flipdeck \(format version 3\)/);
    await expect(previewBackupStream(db, fileOf('{"format":"flipdeck-backup","version":2,"decks":[],"events":[]}'), 'cut.json')).rejects.toThrow(/field "settingsEvents" must be a list/);
  });

  it('in a browser that keeps nothing, previews but refuses to restore, changing nothing', async () => {
    const storage = await testStorage();
    const text = serializeBackup(backupOf(busyDevice(10, 3).events, { decks: [userDeck()] }), NOW);
    const preview = await storage.userDecks.previewBackup(fileOf(text), 'backup.json');
    expect(preview.summary.decksAdded).toBe(1);
    await expect(storage.userDecks.restoreBackup(fileOf(text), 'backup.json')).rejects.toThrow(/Nothing was changed/);
    expect(await storage.userDecks.snapshot()).toMatchObject({ decks: [], events: [] });
  });
});
