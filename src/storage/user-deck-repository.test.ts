import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { asCardId, asDeckId } from '../domain/ids';
import { FlipdeckDb } from './db';
import type { RowProblem } from './row-parse';
import { MERGE_CHUNK_EVENTS, chunkByCard, createDexieRepository } from './progress-repository';
import { cardStateFromRow } from './progress-rows';
import { ANKI_DEVICE_ID, ankiEventId } from '../domain/events/move-card';
import type { CardEvent } from '../domain/events/types';
import { createDexieSettingsRepository } from './settings-repository';
import { StorageError } from './storage-error';
import { makeReview, makeState } from './test-fixtures';
import { createDexieUserDeckRepository } from './user-deck-repository';

const MINE = userDeckId('spanish');

function userDeck(overrides: Partial<UserDeck> = {}): UserDeck {
  return {
    schemaVersion: 1,
    id: MINE,
    title: 'Spanish',
    description: '',
    cards: [
      { id: asCardId('hola'), front: 'hola', back: 'hello', tags: [] },
      { id: asCardId('adios'), front: 'adiós', back: 'goodbye', tags: ['basics'] },
    ],
    origin: 'csv',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

const dbs: FlipdeckDb[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function setup() {
  const db = new FlipdeckDb({ name: 'user-decks-test', indexedDB: new IDBFactory() });
  dbs.push(db);
  const problems: RowProblem[] = [];
  const onCorruptRow = (problem: RowProblem) => problems.push(problem);
  return {
    db,
    problems,
    progress: createDexieRepository(db, { onCorruptRow }),
    settings: createDexieSettingsRepository(db, { onCorruptRow }),
    decks: createDexieUserDeckRepository(db, { onCorruptRow }),
  };
}

const stateOf = (cardId: string, lastReviewedAt: number) =>
  makeState(cardId, { deckId: MINE, lastReviewedAt, dueAt: lastReviewedAt + 86_400_000 });

describe('adding one image to a deck', () => {
  it('keeps the deck\'s other media, tells the plan what is stored, and the backup snapshot carries it', async () => {
    const { decks } = setup();
    await decks.saveDeck(userDeck(), [{ name: 'old.png', mimeType: 'image/png', bytes: Uint8Array.from([1, 2, 3]) }]);
    const seen: unknown[] = [];
    await decks.addMedia(MINE, (stored) => {
      seen.push(...stored);
      return { name: 'new.png', mimeType: 'image/png', bytes: Uint8Array.from([4]) };
    });
    expect(seen).toEqual([{ name: 'old.png', byteLength: 3 }]);
    expect((await decks.loadMedia(MINE)).map((file) => file.name)).toEqual(['new.png', 'old.png']);
    expect((await decks.snapshot()).media?.map((file) => [file.deckId, file.name])).toEqual([[MINE, 'new.png'], [MINE, 'old.png']]);
  });

  it('writes nothing when the plan refuses, and passes its error on as it is', async () => {
    const { decks } = setup();
    const refusal = new Error('too large');
    await expect(decks.addMedia(MINE, () => { throw refusal; })).rejects.toBe(refusal);
    expect(await decks.loadMedia(MINE)).toEqual([]);
  });
});

describe('user decks in IndexedDB', () => {
  it('saves, lists and updates a deck in place by id, keeping its progress', async () => {
    const { decks, progress } = setup();
    await decks.saveDeck(userDeck());
    await progress.recordReview(makeReview(null, stateOf('hola', 5_000)));
    const updated = userDeck({ title: 'Spanish 2', updatedAt: 9_000, cards: [userDeck().cards[0]!] });
    await decks.saveDeck(updated);
    expect(await decks.listDecks()).toEqual([updated]);
    expect((await progress.exportAll()).reviewLog).toHaveLength(1);
  });

  it('deletes a deck with its card states and reviews, and nothing of other decks', async () => {
    const { decks, progress } = setup();
    await decks.saveDeck(userDeck());
    await decks.saveDeck(userDeck({ id: userDeckId('other') }));
    await progress.recordReview(makeReview(null, stateOf('hola', 5_000)));
    const [afterFirst] = await progress.loadDeckStates(MINE);
    await progress.recordReview(makeReview(afterFirst!, stateOf('hola', 6_000)));
    const other = makeState('x', { deckId: asDeckId('c3'), lastReviewedAt: 7_000 });
    await progress.recordReview(makeReview(null, other));
    expect(await decks.countProgress([MINE])).toEqual({ reviews: 2, cardsStudied: 1 });

    await decks.saveDeck(userDeck(), [{ name: 'a.png', mimeType: 'image/png', bytes: Uint8Array.from([1]) }]);
    await decks.deleteDecks([MINE]);
    expect((await decks.listDecks()).map((d) => d.id)).toEqual(['user.other']);
    expect(await decks.loadMedia(MINE)).toEqual([]);
    const left = await progress.exportAll();
    expect(left.cardStates.map((state) => state.cardId)).toEqual([other.cardId]);
    expect(left.reviewLog.map((r) => r.deckId)).toEqual(['c3']);
  });

  it('skips and reports a damaged deck row instead of failing the list', async () => {
    const { db, decks, problems } = setup();
    await decks.saveDeck(userDeck());
    await db.userDecks.put({ id: 'user.broken', origin: 'csv', createdAt: 1, updatedAt: 1, deck: { cards: 'no' } });
    expect((await decks.listDecks()).map((d) => d.id)).toEqual([MINE]);
    expect(problems[0]).toMatchObject({ table: 'userDecks', rowKey: '"user.broken"', field: 'deck' });
  });
});

describe('saving an import with a long history', () => {
  const DAY_MS = 86_400_000;
  /** `cardCount` cards of MINE, each learned and reviewed: four review events a card, ids unique. */
  function history(cardCount: number, startMs = 10 * DAY_MS): CardEvent[] {
    return Array.from({ length: cardCount }, (_, card) =>
      [0, 600_000, 3 * DAY_MS, 20 * DAY_MS].map((offsetMs, i): CardEvent => {
        const at = startMs + card * 1_000 + offsetMs;
        const cardId = asCardId(`c${card}`);
        const placeholder = makeState(`c${card}`, { deckId: MINE, phase: 'new', dueAt: at });
        return { id: ankiEventId(at, MINE, cardId, 'review'), deviceId: ANKI_DEVICE_ID, createdAt: at, deckId: MINE, cardId, kind: 'review', rating: i === 2 ? 'again' : 'good', answerMs: 3_000, before: null, after: placeholder };
      }),
    ).flat();
  }
  const deckOf = (cardCount: number) => userDeck({ cards: Array.from({ length: cardCount }, (_, i) => ({ id: asCardId(`c${i}`), front: `f${i}`, back: `b${i}`, tags: [] })) });
  const storedStates = async (db: FlipdeckDb) => (await db.cardStates.toArray()).sort((a, b) => a.cardId.localeCompare(b.cardId));

  it('over several write chunks stores every event once and each card\'s state as a replay of its log', async () => {
    const { db, decks, progress } = setup();
    const events = history(200);
    expect(events.length).toBeGreaterThan(MERGE_CHUNK_EVENTS * 2);
    expect(await decks.saveDecks([{ deck: deckOf(200) }], events)).toBe(events.length);
    expect(await db.events.count()).toBe(events.length);
    const written = await storedStates(db);
    expect(written).toHaveLength(200);
    // The cache written without reading the events back is what replaying the stored log gives.
    await progress.rebuildAllStates();
    expect(await storedStates(db)).toEqual(written);
  });

  it('again adds nothing; a card with reviews made here since is replayed with both', async () => {
    const { db, decks, progress } = setup();
    const events = history(100);
    await decks.saveDecks([{ deck: deckOf(100) }], events);
    const first = await storedStates(db);
    expect(await decks.saveDecks([{ deck: deckOf(100) }], events)).toBe(0);
    expect(await storedStates(db)).toEqual(first);

    // A review here of c7 after its last Anki review, then a newer package with one more review of c7 and of c8.
    const c7 = first.find((row) => row.cardId === 'c7')!;
    const c7State = cardStateFromRow(c7);
    if (!c7State.ok) throw new Error('c7 has no state');
    await progress.recordReview(makeReview(c7State.value, makeState('c7', { deckId: MINE, lastReviewedAt: 40 * DAY_MS }), { reviewedAt: 40 * DAY_MS }));
    const later = (card: number): CardEvent => ({ ...events[card * 4 + 3]!, id: ankiEventId(50 * DAY_MS, MINE, asCardId(`c${card}`), 'review'), createdAt: 50 * DAY_MS });
    expect(await decks.saveDecks([{ deck: deckOf(100) }], [...events, later(7), later(8)])).toBe(2);
    expect(await db.events.where('[deckId+cardId]').equals([MINE, 'c7']).count()).toBe(6);
    const written = await storedStates(db);
    await progress.rebuildAllStates();
    expect(await storedStates(db)).toEqual(written);
    expect(written.find((row) => row.cardId === 'c7')!.lastReviewedAt).toBe(50 * DAY_MS);
  });

  it('that fails in a late chunk leaves every table as it was, the deck row too', async () => {
    const { db, decks } = setup();
    await decks.saveDeck(userDeck({ title: 'Before' }));
    const before = await decks.snapshot();
    let created = 0;
    db.events.hook('creating', () => {
      created += 1;
      if (created === MERGE_CHUNK_EVENTS * 2 + 5) throw new Error('disk gave up');
    });
    const error = await decks.saveDecks([{ deck: deckOf(200) }], history(200)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(created).toBeGreaterThan(MERGE_CHUNK_EVENTS * 2);
    expect(await decks.snapshot()).toEqual(before);
    expect(await db.cardStates.count()).toBe(0);
  });
});

describe('chunkByCard', () => {
  it('makes runs of about the size asked, never splitting a card, a big card alone', () => {
    const cards = [[1, 2], [3, 4, 5], [6], [7, 8, 9, 10, 11, 12], [13]];
    expect(chunkByCard(cards, 4)).toEqual([[[1, 2]], [[3, 4, 5], [6]], [[7, 8, 9, 10, 11, 12]], [[13]]]);
    expect(chunkByCard(cards, 100).flat()).toEqual(cards);
    expect(chunkByCard([], 4)).toEqual([]);
  });
});
