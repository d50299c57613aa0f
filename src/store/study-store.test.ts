import { describe, expect, it, vi } from 'vitest';
import type { Deck } from '../domain/deck/types';
import { DeckError } from '../domain/deck/errors';
import { asCardId, asDeckId } from '../domain/ids';
import type { ProgressRepository } from '../storage/progress-repository';
import type { MemorySeed } from '../storage/memory-storage';
import type { DeckSource } from '../storage/deck-source';
import { deckIndexEntry } from '../domain/deck/deck-index';
import { linkedChangeFeeds, makeState, testStorage, type TestStorage, type TestStorageOptions } from '../storage/test-fixtures';
import type { ChangeFeed } from '../storage/change-feed';
import { buildQueue } from '../domain/queue/queue';
import { isDeckListSettled } from './decks-slice';
import { forgetQueueReads } from './queue-reads';
import { createStudyStore, type StudyStore } from './study-store';
import { makeDeck, NOON } from './store-test-harness';

const MIN = 60_000;

function sourceOf(decks: Deck[], broken: string[] = []): DeckSource {
  const listings = [...decks.map(deckIndexEntry), ...broken.map((id) => ({ ...deckIndexEntry(makeDeck(id, 1)), id: asDeckId(id) }))];
  return {
    listDecks: async () => listings,
    loadDeck: async (listing) => {
      const deck = decks.find((d) => d.id === listing.id);
      if (!deck) throw new DeckError('invalid-deck', listing.file, [{ field: 'cards', message: `${listing.file}: card 2 (id "x"): field "back" must be a string` }]);
      return deck;
    },
  };
}

interface Harness {
  store: StudyStore;
  repository: ProgressRepository;
  storage: TestStorage;
  clock: { now: number };
}

async function harness(
  decks: Deck[],
  options: { storage?: TestStorage; repository?: ProgressRepository; broken?: string[]; memory?: TestStorageOptions; changes?: ChangeFeed } = {},
): Promise<Harness> {
  // A second tab passes the first one's storage; `repository` replaces only the progress part.
  const storage = options.storage ?? (await testStorage({}, options.memory));
  const repository = options.repository ?? storage.repository;
  const clock = { now: NOON };
  const store = createStudyStore({
    openRepository: async () => ({ ...storage.opened, repository }),
    deckSource: sourceOf(decks, options.broken),
    clock: () => clock.now,
    changes: options.changes,
  });
  await store.getState().hydrate();
  return { store, repository, storage, clock };
}

/** Progress storage alone, on a fresh in-memory database holding `seed`. */
const memoryRepository = async (seed: MemorySeed = {}): Promise<ProgressRepository> => (await testStorage(seed)).repository;

const current = (store: StudyStore) => store.getState().session?.current?.cardId;

describe('hydrate and the deck list', () => {
  it('lists every deck with its new, learning and due counts, capped at 20 new a day', async () => {
    const { store } = await harness([makeDeck('big', 30), makeDeck('small', 3)]);
    const entries = store.getState().deckEntries;
    expect(entries.map((e) => [e.listing.id, e.status === 'ready' ? e.counts : e.status])).toEqual([
      ['big', { fresh: 20, learning: 0, review: 0 }],
      ['small', { fresh: 3, learning: 0, review: 0 }],
    ]);
  });

  it('shows a broken deck as an error naming the file, card and field, and keeps the others', async () => {
    const { store } = await harness([makeDeck('good', 2)], { broken: ['broken'] });
    const [good, broken] = store.getState().deckEntries;
    expect(good?.status).toBe('ready');
    expect(broken?.status).toBe('error');
    expect(broken?.status === 'error' && broken.error).toMatch(/decks\/broken\.json: card 2 \(id "x"\): field "back"/);
  });

  it('is settled only once the list is known and every deck has its counts, so nothing says "No decks" early', async () => {
    const deck = makeDeck('slow', 2);
    let releaseList = () => {};
    let releaseDeck = () => {};
    const listed = new Promise<void>((resolve) => (releaseList = resolve));
    const loaded = new Promise<void>((resolve) => (releaseDeck = resolve));
    const store = createStudyStore({
      openRepository: async () => (await testStorage()).opened,
      deckSource: {
        listDecks: async () => (await listed, [deckIndexEntry(deck)]),
        loadDeck: async () => (await loaded, deck),
      },
      clock: () => NOON,
    });
    const hydrating = store.getState().hydrate();
    await vi.waitFor(() => expect(store.getState().isHydrated).toBe(true));
    // Storage is open but the index is not read: an empty list here is not "no decks".
    expect(store.getState().isDeckListLoaded).toBe(false);
    expect(isDeckListSettled(store.getState())).toBe(false);

    releaseList();
    await vi.waitFor(() => expect(store.getState().isDeckListLoaded).toBe(true));
    expect(store.getState().deckEntries.map((e) => e.status)).toEqual(['loading']);
    expect(isDeckListSettled(store.getState())).toBe(false);

    releaseDeck();
    await hydrating;
    expect(store.getState().deckEntries.map((e) => e.status)).toEqual(['ready']);
    expect(isDeckListSettled(store.getState())).toBe(true);
  });

  it('is settled with its error when the deck list cannot be read at all', async () => {
    const store = createStudyStore({
      openRepository: async () => (await testStorage()).opened,
      deckSource: { listDecks: () => Promise.reject(new Error('decks/index.json: HTTP 500')), loadDeck: () => Promise.reject(new Error('unused')) },
      clock: () => NOON,
    });
    await store.getState().hydrate();
    expect(store.getState().deckListError).toContain('decks/index.json: HTTP 500');
    expect(store.getState().deckEntries).toEqual([]);
    expect(isDeckListSettled(store.getState())).toBe(true);
  });
});

describe('a study session', () => {
  it('serves new cards in deck order and only grades once the answer is shown', async () => {
    const { store, repository } = await harness([makeDeck('d', 3)]);
    await store.getState().startSession(asDeckId('d'));
    expect(current(store)).toBe('c1');
    await store.getState().grade('good');
    expect(await repository.exportAll()).toMatchObject({ reviewLog: [] });
    store.getState().flip();
    await store.getState().grade('easy');
    expect(current(store)).toBe('c2');
    const { reviewLog, cardStates } = await repository.exportAll();
    expect(reviewLog).toHaveLength(1);
    expect(reviewLog[0]).toMatchObject({ cardId: 'c1', rating: 'easy', before: null, reviewedAt: NOON });
    expect(cardStates[0]).toMatchObject({ cardId: 'c1', phase: 'review' });
  });

  it('records the answer time from when the front was shown', async () => {
    const { store, repository, clock } = await harness([makeDeck('d', 1)]);
    await store.getState().startSession(asDeckId('d'));
    clock.now += 4_200;
    store.getState().flip();
    await store.getState().grade('good');
    expect((await repository.exportAll()).reviewLog[0]?.answerMs).toBe(4_200);
  });

  it('brings a learning card back once its step is due, and learns ahead when nothing else is left', async () => {
    const { store, clock } = await harness([makeDeck('d', 2)]);
    await store.getState().startSession(asDeckId('d'));
    store.getState().flip();
    await store.getState().grade('again'); // c1 → 1 minute step
    expect(current(store)).toBe('c2');
    store.getState().flip();
    await store.getState().grade('good'); // c2 → 10 minute step
    // Nothing else is left, so c1 (due in 1 minute) is shown early, within the 20-minute learn-ahead.
    expect(current(store)).toBe('c1');
    clock.now += 2 * MIN;
    store.getState().flip();
    await store.getState().grade('good'); // c1 → 10 minutes
    expect(store.getState().session?.queue.learning.map((e) => e.cardId)).toEqual(['c2', 'c1']);
    expect(current(store)).toBe('c2');
  });

  it('ends with the count studied and when the next card is due', async () => {
    const { store } = await harness([makeDeck('d', 2)]);
    await store.getState().startSession(asDeckId('d'));
    for (let i = 0; i < 2; i += 1) {
      store.getState().flip();
      await store.getState().grade('easy');
    }
    const session = store.getState().session;
    expect(session?.current).toBeNull();
    expect(session?.studiedCount).toBe(2);
    expect(session?.nextDueAt).toBeGreaterThan(NOON);
  });

  it('undo takes back the last grade completely: card state, log row, and the card is shown again', async () => {
    const { store, repository } = await harness([makeDeck('d', 2)]);
    await store.getState().startSession(asDeckId('d'));
    store.getState().flip();
    await store.getState().grade('good');
    expect(current(store)).toBe('c2');
    await store.getState().undo();
    expect(current(store)).toBe('c1');
    expect(store.getState().session?.isFlipped).toBe(false);
    expect(store.getState().session?.studiedCount).toBe(0);
    expect(await repository.exportAll()).toEqual({ cardStates: [], reviewLog: [] });
    expect(store.getState().session?.queue.fresh).toEqual(['c1', 'c2']);
  });

  it('keeps progress across a new store on the same storage, as after a reload', async () => {
    const first = await harness([makeDeck('d', 3)]);
    await first.store.getState().startSession(asDeckId('d'));
    first.store.getState().flip();
    await first.store.getState().grade('easy');
    const second = await harness([makeDeck('d', 3)], { storage: first.storage });
    const entry = second.store.getState().deckEntries[0];
    expect(entry?.status === 'ready' && entry.counts).toEqual({ fresh: 2, learning: 0, review: 0 });
    await second.store.getState().startSession(asDeckId('d'));
    expect(current(second.store)).toBe('c2');
  });

  it('leaves the card current and shows an error when the grade cannot be saved', async () => {
    let isFull = false;
    const { store, repository } = await harness([makeDeck('d', 2)], {
      memory: {
        onBeforeWrite: () => {
          if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    });
    await store.getState().startSession(asDeckId('d'));
    store.getState().flip();
    isFull = true;
    await store.getState().grade('good');
    expect(store.getState().saveError).toMatch(/not saved/i);
    expect(current(store)).toBe('c1');
    expect(store.getState().session?.isFlipped).toBe(true);
    expect(store.getState().isSaving).toBe(false);
    expect((await repository.exportAll()).reviewLog).toEqual([]);

    await store.getState().continueWithoutSaving();
    expect(store.getState().repository?.isPersistent).toBe(false);
    expect(store.getState().storageWarning).toMatch(/memory only/);
    await store.getState().grade('good');
    expect(current(store)).toBe('c2');
  });

  it('a grade given while "keep studying without saving" is still switching goes to memory and is kept', async () => {
    let isFull = false;
    const { store } = await harness([makeDeck('d', 2)], {
      memory: {
        onBeforeWrite: () => {
          if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    });
    await store.getState().startSession(asDeckId('d'));
    store.getState().flip();
    isFull = true;
    await store.getState().grade('good');
    expect(store.getState().saveError).toMatch(/not saved/i);

    // The student presses "keep studying" and grades at once, before the in-memory copy is open.
    const switching = store.getState().continueWithoutSaving();
    const graded = store.getState().grade('good');
    await Promise.all([switching, graded]);
    expect(current(store)).toBe('c2');
    expect(store.getState().saveError).toBeNull();
    expect((await store.getState().repository!.exportAll()).reviewLog.map((review) => review.cardId)).toEqual(['c1']);
  });
});

describe('two tabs on the same storage', () => {
  it('refuses the second grade of a card another tab already graded, then both agree on the counts', async () => {
    const tabA = await harness([makeDeck('d', 3)]);
    const tabB = await harness([makeDeck('d', 3)], { storage: tabA.storage });
    await tabA.store.getState().startSession(asDeckId('d'));
    await tabB.store.getState().startSession(asDeckId('d'));

    tabA.store.getState().flip();
    await tabA.store.getState().grade('easy');
    // Tab B still shows c1 as new; its grade would overwrite tab A's review.
    tabB.store.getState().flip();
    await tabB.store.getState().grade('again');

    expect(tabB.store.getState().sessionNotice).toMatch(/another Flipdeck tab/);
    expect(tabB.store.getState().saveError).toBeNull();
    expect(current(tabB.store)).toBe('c2');
    expect(tabB.store.getState().session?.queue.fresh).toEqual(['c2', 'c3']);
    const { reviewLog } = await tabA.repository.exportAll();
    expect(reviewLog.map((entry) => [entry.cardId, entry.rating])).toEqual([['c1', 'easy']]);

    tabB.store.getState().flip();
    await tabB.store.getState().grade('easy');
    expect(tabB.store.getState().sessionNotice).toBeNull();
    expect((await tabA.repository.exportAll()).reviewLog).toHaveLength(2);

    tabA.store.getState().leaveSession();
    tabB.store.getState().leaveSession();
    await tabA.store.getState().refreshCounts(asDeckId('d'));
    await tabB.store.getState().refreshCounts(asDeckId('d'));
    const counts = (store: StudyStore) => {
      const entry = store.getState().deckEntries[0];
      return entry?.status === 'ready' ? entry.counts : null;
    };
    expect(counts(tabA.store)).toEqual({ fresh: 1, learning: 0, review: 0 });
    expect(counts(tabB.store)).toEqual(counts(tabA.store));
  });

  it("a tab showing the deck list follows the other tab's grades, undo and settings without a reload", async () => {
    const [feedA, feedB] = linkedChangeFeeds(2);
    const tabA = await harness([makeDeck('d', 3)], { changes: feedA });
    const tabB = await harness([makeDeck('d', 3)], { storage: tabA.storage, changes: feedB });
    const countsB = () => {
      const entry = tabB.store.getState().deckEntries[0];
      return entry?.status === 'ready' ? entry.counts : null;
    };
    expect(countsB()).toEqual({ fresh: 3, learning: 0, review: 0 });

    await tabA.store.getState().startSession(asDeckId('d'));
    tabA.store.getState().flip();
    await tabA.store.getState().grade('easy');
    await vi.waitFor(() => expect(countsB()).toEqual({ fresh: 2, learning: 0, review: 0 }));

    await tabA.store.getState().undo();
    await vi.waitFor(() => expect(countsB()).toEqual({ fresh: 3, learning: 0, review: 0 }));

    expect(await tabA.store.getState().saveStudySettings({ ...tabA.store.getState().settings, newCardsPerDay: 1 })).toBeNull();
    await vi.waitFor(() => expect(countsB()).toEqual({ fresh: 1, learning: 0, review: 0 }));
    expect(tabB.store.getState().settings.newCardsPerDay).toBe(1);
  });
});

describe('opening a large deck: due cards first, new cards once known', () => {
  const DAY = 86_400_000;

  /** A repository whose key scan, once held, waits until released: the session is observed before new cards are known. */
  function slowKeys(repository: ProgressRepository) {
    let gate: Promise<void> = Promise.resolve();
    let release = () => {};
    const hold = () => {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const wrapped: ProgressRepository = {
      ...repository,
      loadStoredCardIds: async (deckId) => {
        await gate;
        return repository.loadStoredCardIds(deckId);
      },
    };
    return { wrapped, hold, release: () => release() };
  }

  const stored = (cardId: string, dueAt: number) => makeState(cardId, { deckId: asDeckId('d'), dueAt, lastReviewedAt: dueAt - 3 * DAY });

  it('shows a due review before the stored ids are read, then adds only the cards never seen as new', async () => {
    const memory = await memoryRepository({ cardStates: [stored('c2', NOON - DAY), stored('c4', NOON + 10 * DAY)] });
    const { wrapped, hold, release } = slowKeys(memory);
    const { store } = await harness([makeDeck('d', 5)], { repository: wrapped });
    hold();
    // As after a write: the session cannot reuse the deck list's reads and reads afresh.
    forgetQueueReads(wrapped);
    await store.getState().startSession(asDeckId('d'));
    expect(current(store)).toBe('c2');
    expect(store.getState().session?.queue.fresh).toEqual([]);

    release();
    await vi.waitFor(() => expect(store.getState().session?.queue.fresh).toEqual(['c1', 'c3', 'c5']));
    expect(current(store)).toBe('c2');
    const seen: string[] = [];
    while (store.getState().session?.current) {
      seen.push(current(store) ?? '');
      store.getState().flip();
      await store.getState().grade('easy');
    }
    // c4 is stored and due in 10 days: never new, and it is what the end screen waits for.
    expect(seen).toEqual(['c2', 'c1', 'c3', 'c5']);
    expect(store.getState().session?.nextDueAt).toBeGreaterThan(NOON + DAY);
  });

  it('starts from the same learning and review piles as a queue built from every stored state', async () => {
    const suspended = { ...stored('c3', NOON - 2 * DAY), isSuspended: true };
    const states = [
      stored('c1', NOON - DAY),
      stored('c2', NOON - DAY), // ties with c1: id order decides
      suspended,
      stored('c4', NOON - 3 * DAY),
      { ...stored('c5', NOON + 3 * 3_600_000), phase: 'learning' as const }, // due later today
      { ...stored('c6', NOON - 5 * MIN), phase: 'relearning' as const },
      stored('c7', NOON + 2 * DAY), // due after today
      stored('removed', NOON - 4 * DAY), // no longer in the deck
    ];
    const seeded = await testStorage({
      cardStates: states,
      settings: { reviewsPerDay: 3 },
      // One review already done today: two more are allowed.
      reviewLog: [{ deckId: asDeckId('d'), cardId: asCardId('c7'), rating: 'good', reviewedAt: NOON - 3_600_000, answerMs: 900, before: stored('c7', NOON - 3_600_000), after: stored('c7', NOON + 2 * DAY) }],
    });
    const { wrapped, hold, release } = slowKeys(seeded.repository);
    const deck = makeDeck('d', 9);
    const { store } = await harness([deck], { storage: seeded, repository: wrapped });
    hold();
    // As after a write: the session cannot reuse the deck list's reads and reads afresh.
    forgetQueueReads(wrapped);
    await store.getState().startSession(asDeckId('d'));
    const everyState = buildQueue({
      cardIds: deck.cards.map((c) => c.id),
      states: new Map(states.map((s) => [s.cardId, s])),
      settings: { ...store.getState().settings, newCardsPerDay: 0 },
      doneToday: { newCards: 0, reviews: 1 },
      now: NOON,
    });
    expect(everyState.review).toEqual(['c4', 'c1']);
    expect(everyState.learning.map((e) => e.cardId)).toEqual(['c6', 'c5']);
    expect(store.getState().session?.queue).toEqual(everyState);
    release();
  });

  /** The repository with a count of how often a deck's due states were read. */
  function countingDueReads(repository: ProgressRepository) {
    const counter = { reads: 0 };
    const wrapped: ProgressRepository = {
      ...repository,
      loadDueStates: (deckId, before) => {
        counter.reads += 1;
        return repository.loadDueStates(deckId, before);
      },
    };
    return { wrapped, counter };
  }

  it('a session opened from the deck list reuses its reads until a grade is written', async () => {
    const { wrapped, counter } = countingDueReads(await memoryRepository({ cardStates: [stored('c2', NOON - DAY)] }));
    const { store, clock } = await harness([makeDeck('d', 3)], { repository: wrapped });
    expect(counter.reads).toBe(1); // the deck list's counts

    await store.getState().startSession(asDeckId('d'));
    expect(counter.reads).toBe(1);
    expect(current(store)).toBe('c2');
    clock.now += MIN;
    store.getState().flip();
    await store.getState().grade('easy');
    store.getState().leaveSession();
    // The grade dropped the kept reads: the counts read again, and the next session sees the grade.
    await vi.waitFor(() => expect(counter.reads).toBe(2));
    await store.getState().startSession(asDeckId('d'));
    expect(counter.reads).toBe(2);
    expect(store.getState().session?.queue.review).toEqual([]);
    expect(current(store)).toBe('c1');
  });

  it('does not reuse reads from an earlier study day', async () => {
    const { wrapped, counter } = countingDueReads(await memoryRepository({ cardStates: [stored('c2', NOON + DAY)] }));
    const { store, clock } = await harness([makeDeck('d', 3)], { repository: wrapped });
    clock.now = NOON + DAY; // the next day, after 4 am: c2 is due now
    await store.getState().startSession(asDeckId('d'));
    expect(counter.reads).toBe(2);
    expect(current(store)).toBe('c2');
  });

  it("drops its kept reads when another tab says it graded, so the next session starts from that grade", async () => {
    const [feedA, feedB] = linkedChangeFeeds(2);
    const shared = await memoryRepository();
    const tabA = await harness([makeDeck('d', 3)], { repository: shared, changes: feedA });
    const { wrapped, counter } = countingDueReads(shared);
    const tabB = await harness([makeDeck('d', 3)], { repository: wrapped, changes: feedB });
    await tabA.store.getState().startSession(asDeckId('d'));
    tabA.store.getState().flip();
    await tabA.store.getState().grade('again');
    await vi.waitFor(() => expect(counter.reads).toBe(2));
    await tabB.store.getState().startSession(asDeckId('d'));
    // c1 is in learning after tab A's Again: tab B shows it when due, not as a new card.
    expect(tabB.store.getState().session?.queue.fresh).toEqual(['c2', 'c3']);
    expect(tabB.store.getState().session?.queue.learning.map((e) => e.cardId)).toEqual(['c1']);
  });

  it('waits for the new cards when nothing is due, so the first card is the first new one', async () => {
    const memory = await memoryRepository({ cardStates: [stored('c1', NOON + 10 * DAY)] });
    const { store } = await harness([makeDeck('d', 3)], { repository: memory });
    await store.getState().startSession(asDeckId('d'));
    expect(current(store)).toBe('c2');
    expect(store.getState().session?.queue.fresh).toEqual(['c2', 'c3']);
  });
});

describe('start-up reads', () => {
  const DAY = 86_400_000;

  /** A deck source whose deck arrives only when released, and a repository recording its due reads. */
  function gated(deck: Deck, repository: ProgressRepository) {
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    const dueReads: number[] = [];
    const recording: ProgressRepository = {
      ...repository,
      loadDueStates: (deckId, dueBeforeMs) => {
        dueReads.push(dueBeforeMs);
        return repository.loadDueStates(deckId, dueBeforeMs);
      },
    };
    const source: DeckSource = {
      listDecks: async () => [deckIndexEntry(deck)],
      loadDeck: async () => {
        await arrived;
        return deck;
      },
    };
    return { recording, source, dueReads, release: () => release() };
  }

  function storeOn(repository: ProgressRepository, source: DeckSource, clock: { now: number }): StudyStore {
    return createStudyStore({
      openRepository: async () => ({ ...(await testStorage()).opened, repository }),
      deckSource: source,
      clock: () => clock.now,
    });
  }

  const countsOf = (store: StudyStore) => {
    const entry = store.getState().deckEntries[0];
    return entry?.status === 'ready' ? entry.counts : null;
  };

  it('reads the due states while the deck file is still loading, and the counts use that read', async () => {
    const memory = await memoryRepository({ cardStates: [makeState('c2', { deckId: asDeckId('d'), dueAt: NOON - DAY })] });
    const { recording, source, dueReads, release } = gated(makeDeck('d', 3), memory);
    const store = storeOn(recording, source, { now: NOON });
    const hydrated = store.getState().hydrate();
    await vi.waitFor(() => expect(dueReads).toHaveLength(1));
    expect(store.getState().decks.size).toBe(0);

    release();
    await hydrated;
    expect(dueReads).toHaveLength(1);
    expect(countsOf(store)).toEqual({ fresh: 2, learning: 0, review: 1 });
  });

  it('reads again when the study day turned while the deck was loading', async () => {
    // Due at 05:00 tomorrow: not due in the study day ending at 04:00, due in the next one.
    const memory = await memoryRepository({ cardStates: [makeState('c1', { deckId: asDeckId('d'), dueAt: Date.UTC(2026, 11, 1, 5) })] });
    const { recording, source, dueReads, release } = gated(makeDeck('d', 1), memory);
    const clock = { now: Date.UTC(2026, 11, 1, 3, 59) };
    const store = storeOn(recording, source, clock);
    const hydrated = store.getState().hydrate();
    await vi.waitFor(() => expect(dueReads).toHaveLength(1));
    clock.now = Date.UTC(2026, 11, 1, 4, 1);
    release();
    await hydrated;
    expect(dueReads).toHaveLength(2);
    expect(countsOf(store)).toEqual({ fresh: 0, learning: 0, review: 1 });
  });
});
