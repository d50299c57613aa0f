import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import type { Deck } from '../domain/deck/types';
import { asCardId, asDeckId } from '../domain/ids';
import { ankiCollectionToDeck } from '../domain/import/anki-collection';
import { retargetAnkiImport } from '../domain/import/match-anki-deck';
import type { AnkiCollection, AnkiRevlogEntry } from '../domain/import/anki-collection';
import { testStorage } from '../storage/test-fixtures';
import { createStudyStore } from './study-store';

const NOW = Date.UTC(2026, 10, 30, 12);
const T0 = Date.UTC(2026, 9, 1, 9);
const DAY_MS = 86_400_000;
const turndown = new TurndownService();

const bundled: Deck = { schemaVersion: 1, id: asDeckId('c3'), title: 'Bundled', description: '', cards: [{ id: asCardId('q1'), front: 'Q', back: 'A', tags: [] }] };

async function harness() {
  const storage = await testStorage();
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => [deckIndexEntry(bundled)], loadDeck: async () => bundled },
    clock: () => NOW,
  });
  await store.getState().hydrate();
  return { store, repository: storage.repository };
}

/** Two Basic notes: the first learned and reviewed in Anki, the second suspended with an interval and no history. */
const NOTES = [
  { id: 1, guid: 'atp', notetypeId: 7, fields: ['What is ATP?', 'Energy currency'], tags: [] },
  { id: 2, guid: 'dna', notetypeId: 7, fields: ['What is DNA?', 'The genome'], tags: [] },
];
const cardRow = (id: number, noteId: number, rest: Partial<AnkiCollection['cards'][number]>) => ({
  id, noteId, ord: 0, deckId: 5, type: 0, queue: 0, due: 1, intervalDays: 0, easePermille: 0, reps: 0, lapses: 0, modifiedSecs: T0 / 1000, ...rest,
});
const row = (id: number, ease: number, kind: number, rest: Partial<AnkiRevlogEntry> = {}): AnkiRevlogEntry => ({
  id, cardId: 101, ease, intervalDays: 1, lastIntervalDays: 0, easePermille: 2500, takenMs: 5000, kind, ...rest,
});
const LEARNED: readonly AnkiRevlogEntry[] = [
  row(T0, 3, 0),
  row(T0 + 600_000, 3, 0),
  row(T0 + DAY_MS, 3, 1, { lastIntervalDays: 1, intervalDays: 4 }),
  // "Set due date": a manual entry, not a review.
  row(T0 + 2 * DAY_MS, 0, 4, { lastIntervalDays: 4, intervalDays: 4 }),
];

function collection(revlog: readonly AnkiRevlogEntry[]): AnkiCollection {
  return {
    notetypes: [{ id: 7, isCloze: false, fieldNames: ['Front', 'Back'], templates: [{ ord: 0, questionFormat: '{{Front}}', answerFormat: '{{Back}}' }] }],
    notes: NOTES,
    cards: [cardRow(101, 1, { type: 2, queue: 2, due: 400, intervalDays: 4, easePermille: 2500, reps: 3 }), cardRow(102, 2, { type: 2, queue: -1, due: 410, intervalDays: 9, easePermille: 2500 })],
    deckNames: new Map([[5, 'Biology']]),
    media: new Map(),
    createdSecs: T0 / 1000 - 400 * 86_400,
    schedulerVersion: 2,
    revlog,
  };
}

function readPackage(revlog: readonly AnkiRevlogEntry[], fileName: string, decks: Iterable<Deck> = []) {
  return retargetAnkiImport(ankiCollectionToDeck(collection(revlog), fileName, (html) => turndown.turndown(html)), decks);
}

describe('importing an Anki package with its history', () => {
  it('stores the reviews as events, replays each card, and suspends what Anki suspended', async () => {
    const { store, repository } = await harness();
    const imported = readPackage(LEARNED, 'biology.apkg');
    const deckId = await store.getState().addImportedDeck(imported);
    const history = await repository.reviewHistory(deckId, asCardId('anki-atp-0'));
    expect(history.map((r) => [r.rating, r.reviewedAt])).toEqual([
      ['good', T0],
      ['good', T0 + 600_000],
      ['good', T0 + DAY_MS],
    ]);
    const states = await repository.loadDeckStates(deckId);
    expect(states.map((s) => [s.cardId, s.phase, s.isSuspended === true])).toEqual([
      ['anki-atp-0', 'review', false],
      ['anki-dna-0', 'review', true],
    ]);
    const snapshot = await store.getState().readSnapshot();
    expect(snapshot.reviewLog).toHaveLength(3);
  });

  it('an updated package under another file name keeps the progress and adds only its new reviews', async () => {
    const { store, repository } = await harness();
    const first = readPackage(LEARNED, 'update1.apkg');
    const deckId = await store.getState().addImportedDeck(first);
    // Studied in Flipdeck since.
    const [before] = await repository.loadDeckStates(deckId);
    await repository.recordReview({ deckId, cardId: before!.cardId, rating: 'good', reviewedAt: NOW - 60_000, answerMs: 1000, before: before!, after: { ...before!, reps: before!.reps + 1, lastReviewedAt: NOW - 60_000 } });

    const newer = [...LEARNED, row(T0 + 5 * DAY_MS, 4, 1, { intervalDays: 12, lastIntervalDays: 4 })];
    const decks = [...store.getState().decks.values()];
    const second = readPackage(newer, 'update2.apkg', decks);
    expect(second.slug).toBe(first.slug);
    await store.getState().addImportedDeck(second);
    const history = await repository.reviewHistory(deckId, asCardId('anki-atp-0'));
    // Three from the first package, one new one from the second, and the one made here.
    expect(history.map((r) => r.rating)).toEqual(['good', 'good', 'good', 'easy', 'good']);

    // The same package once more changes nothing.
    await store.getState().addImportedDeck(second);
    expect(await repository.reviewHistory(deckId, asCardId('anki-atp-0'))).toHaveLength(5);
  });

  it('treats the cards of one Anki note as siblings: a reverse card waits for the next day', async () => {
    const { store } = await harness();
    const reversed: AnkiCollection = {
      ...collection([]),
      notetypes: [
        {
          id: 7,
          isCloze: false,
          fieldNames: ['Front', 'Back'],
          templates: [
            { ord: 0, questionFormat: '{{Front}}', answerFormat: '{{Back}}' },
            { ord: 1, questionFormat: '{{Back}}', answerFormat: '{{Front}}' },
          ],
        },
      ],
      cards: [cardRow(101, 1, {}), cardRow(102, 1, { ord: 1, due: 2 }), cardRow(103, 2, { due: 3 })],
    };
    const deckId = await store.getState().addImportedDeck(retargetAnkiImport(ankiCollectionToDeck(reversed, 'pairs.apkg', (html) => turndown.turndown(html)), []));
    // Three new cards, two of them one note's: bury new siblings (on by default) leaves two for today.
    expect(store.getState().deckEntries.find((e) => e.listing.id === deckId)).toMatchObject({ listing: { cardCount: 3 }, counts: { fresh: 2 } });
    await store.getState().startSession(deckId);
    expect(store.getState().session?.queue.fresh).toEqual(['anki-atp-0', 'anki-dna-0']);
    store.getState().leaveSession();
  });

  it('without the history switch, every card starts as new', async () => {
    const { store, repository } = await harness();
    const deckId = await store.getState().addImportedDeck(readPackage(LEARNED, 'biology.apkg'), { withHistory: false });
    expect(await repository.loadDeckStates(deckId)).toEqual([]);
  });
});

describe('an Anki package with subdecks', () => {
  /** The same two notes, the first in Biology::Cells, the second in Biology::Genes. */
  function split(revlog: readonly AnkiRevlogEntry[], genesNote = 2): AnkiCollection {
    const base = collection(revlog);
    return {
      ...base,
      cards: base.cards.map((card) => ({ ...card, deckId: card.noteId === genesNote ? 7 : 6 })),
      deckNames: new Map([[5, 'Biology'], [6, 'Biology::Cells'], [7, 'Biology::Genes']]),
    };
  }
  const readSplit = (source: AnkiCollection, fileName: string, decks: Iterable<Deck> = []) =>
    retargetAnkiImport(ankiCollectionToDeck(source, fileName, (html) => turndown.turndown(html)), decks);

  it('becomes a deck per subdeck under the parent, each card with its history in its own deck', async () => {
    const { store, repository } = await harness();
    const deckId = await store.getState().addImportedDeck(readSplit(split(LEARNED), 'biology.apkg'));
    expect(deckId).toBe('user.biology');
    const decks = store.getState().deckEntries.map((e) => [e.listing.id, e.listing.parent, e.listing.cardCount]).filter(([id]) => String(id).startsWith('user.'));
    expect(decks).toEqual([
      ['user.biology', undefined, 0],
      ['user.biology-cells', 'user.biology', 1],
      ['user.biology-genes', 'user.biology', 1],
    ]);
    expect(await repository.reviewHistory(asDeckId('user.biology-cells'), asCardId('anki-atp-0'))).toHaveLength(3);
    expect((await repository.loadDeckStates(asDeckId('user.biology-genes'))).map((s) => s.isSuspended)).toEqual([true]);
  });

  it('updates a deck imported whole before subdecks existed: the cards move into their subdecks with their progress', async () => {
    const { store, repository } = await harness();
    // As an older Flipdeck stored it: one deck holding both notes, studied here.
    const whole = ankiCollectionToDeck(collection([]), 'biology.apkg', (html) => turndown.turndown(html));
    const oldId = await store.getState().addImportedDeck(whole, { withHistory: false });
    const studied = { deckId: oldId, cardId: asCardId('anki-atp-0'), rating: 'good' as const, reviewedAt: NOW - 3_600_000, answerMs: 1000, before: null };
    const after = { deckId: oldId, cardId: studied.cardId, phase: 'learning' as const, dueAt: NOW, stability: 1, difficulty: 5, scheduledDays: 0, learningStep: 1, reps: 1, lapses: 0, lastReviewedAt: studied.reviewedAt };
    await repository.recordReview({ ...studied, after });

    const update = readSplit(split(LEARNED), 'biology-2026.apkg', store.getState().decks.values());
    expect(update.slug).toBe('biology');
    await store.getState().addImportedDeck(update);
    const history = await repository.reviewHistory(asDeckId('user.biology-cells'), asCardId('anki-atp-0'));
    // The three Anki reviews, and the one made here before the split.
    expect(history.map((r) => r.reviewedAt)).toEqual([T0, T0 + 600_000, T0 + DAY_MS, NOW - 3_600_000]);

    // A newer export moves the second note to Cells: its progress follows, and nothing doubles.
    const moved = readSplit(split(LEARNED, 99), 'biology-2027.apkg', store.getState().decks.values());
    await store.getState().addImportedDeck(moved);
    expect(await repository.reviewHistory(asDeckId('user.biology-cells'), asCardId('anki-atp-0'))).toHaveLength(4);
    expect((await repository.loadDeckStates(asDeckId('user.biology-cells'))).map((s) => [s.cardId, s.isSuspended === true])).toEqual([
      ['anki-atp-0', false],
      ['anki-dna-0', true],
    ]);
  });
});
