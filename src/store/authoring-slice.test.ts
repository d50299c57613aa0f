import { describe, expect, it, vi } from 'vitest';
import { userDeckId, type UserDeck } from '../domain/deck/user-deck';
import { seededBytes } from '../domain/events/test-events';
import { asCardId } from '../domain/ids';
import type { ContentRepository } from '../storage/content-repository';
import { quotaError, testStorage } from '../storage/test-fixtures';
import { createStudyStore } from './study-store';
import { NOON } from './store-test-harness';

async function harness(wrapContent: (content: ContentRepository) => ContentRepository = (content) => content) {
  const storage = await testStorage({}, { isPersistent: true });
  const clock = { now: NOON };
  const store = createStudyStore({
    openRepository: async () => ({ ...storage.opened, content: wrapContent(storage.opened.content) }),
    deckSource: { listDecks: async () => [], loadDeck: async (listing) => Promise.reject(new Error(`no bundled deck ${listing.id}`)) },
    clock: () => clock.now,
    randomBytes: seededBytes(3),
  });
  await store.getState().hydrate();
  return { store, storage, clock };
}

const draft = (front: string, back = `${front} back`) => ({ front, back, tags: [] });

describe('authoring slice', () => {
  it('creates a deck that the deck list shows as the student\'s own, then adds cards to it in order', async () => {
    const { store, clock } = await harness();
    const deckId = await store.getState().createAuthoredDeck('  Networks ', 'TCP/IP');
    expect(deckId).toMatch(/^user\.networks-[a-z0-9]+$/);
    const entry = () => store.getState().deckEntries.find((e) => e.listing.id === deckId);
    expect(entry()?.listing).toMatchObject({ title: 'Networks', origin: 'authored', cardCount: 0 });

    clock.now += 1_000;
    const ids = await store.getState().addCards(deckId, [draft('TCP?'), draft('UDP?')]);
    expect(ids).toHaveLength(2);
    expect(store.getState().decks.get(deckId)?.cards.map((c) => [c.id, c.front])).toEqual([[ids[0], 'TCP?'], [ids[1], 'UDP?']]);
    expect(entry()).toMatchObject({ status: 'ready', listing: { cardCount: 2 }, counts: { fresh: 2 } });
  });

  it('editing a card mid-session keeps the session, the current card and its progress', async () => {
    const { store, clock, storage } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const [first, second] = await store.getState().addCards(deckId, [draft('TCP?'), draft('UDP?'), draft('IP?')]);
    await store.getState().startSession(deckId);
    store.getState().flip();
    await store.getState().grade('good');
    const session = store.getState().session;
    const stateBefore = (await storage.repository.loadDeckStates(deckId)).find((s) => s.cardId === first);
    expect(session?.current?.cardId).toBe(second);

    clock.now += 60_000;
    await store.getState().editCard(deckId, first!, draft('What is TCP?', 'A reliable byte stream'));
    await store.getState().editCard(deckId, second!, draft('What is UDP?'));
    expect(store.getState().session).toBe(session);
    expect(store.getState().decks.get(deckId)?.cards.find((c) => c.id === second)?.front).toBe('What is UDP?');
    expect((await storage.repository.loadDeckStates(deckId)).find((s) => s.cardId === first)).toEqual(stateBefore);
    store.getState().leaveSession();
  });

  it('deletes a card from the deck, says how many reviews went with it, and moves cards between the student\'s decks with their progress', async () => {
    const { store, storage } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const other = await store.getState().createAuthoredDeck('Other', '');
    const [tcp, udp] = await store.getState().addCards(deckId, [draft('TCP?'), draft('UDP?')]);
    await store.getState().startSession(deckId);
    store.getState().flip();
    await store.getState().grade('good');
    store.getState().leaveSession();
    expect(await store.getState().countCardReviews(deckId, tcp!)).toBe(1);

    await store.getState().moveCardToDeck(deckId, other, tcp!);
    expect(store.getState().decks.get(deckId)?.cards.map((c) => c.id)).toEqual([udp]);
    expect(store.getState().decks.get(other)?.cards.map((c) => c.id)).toEqual([tcp]);
    expect((await storage.repository.loadDeckStates(other)).map((s) => [s.cardId, s.reps])).toEqual([[tcp, 1]]);

    await store.getState().deleteCard(deckId, udp!);
    expect(store.getState().decks.get(deckId)?.cards).toEqual([]);
  });

  it('a cloze card written in the app is in the queue as one card per cloze number, and keeps each one\'s progress when edited', async () => {
    const { store, clock, storage } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Containers', '');
    const [noteId] = await store.getState().addCards(deckId, [{ front: 'Docker calls {{c1::containerd}}, which calls {{c2::runc}}.', back: '', tags: [] }]);
    const entry = () => store.getState().deckEntries.find((e) => e.listing.id === deckId);
    // Two cards; the second is the first's sibling, buried until tomorrow (as a deck file's cloze note).
    expect(entry()).toMatchObject({ listing: { cardCount: 2 }, counts: { fresh: 1 } });
    await store.getState().startSession(deckId);
    expect(store.getState().session?.current?.cardId).toBe(`${noteId}.c1`);
    store.getState().flip();
    await store.getState().grade('good');
    store.getState().leaveSession();
    const graded = (await storage.repository.loadDeckStates(deckId)).find((s) => s.cardId === `${noteId}.c1`);
    expect(graded?.reps).toBe(1);
    expect(await store.getState().countCardReviews(deckId, noteId!)).toBe(1);

    clock.now += 60_000;
    await store.getState().editCard(deckId, noteId!, { front: 'Docker asks {{c1::containerd}}, then {{c2::runc}} and {{c3::cgroups}}.', back: 'OCI', tags: [] });
    expect(store.getState().decks.get(deckId)?.cards.map((c) => c.id)).toEqual([`${noteId}.c1`, `${noteId}.c2`, `${noteId}.c3`]);
    expect(entry()?.listing.cardCount).toBe(3);
    expect((await storage.repository.loadDeckStates(deckId)).find((s) => s.cardId === `${noteId}.c1`)).toEqual(graded);

    await store.getState().editCard(deckId, noteId!, { front: 'Docker asks {{c1::containerd}}, then {{c3::cgroups}}.', back: 'OCI', tags: [] });
    expect(store.getState().decks.get(deckId)?.cards.map((c) => c.id)).toEqual([`${noteId}.c1`, `${noteId}.c3`]);
    await expect(store.getState().editCard(deckId, noteId!, { front: 'Docker asks {{c1::containerd', back: '', tags: [] })).rejects.toThrow(/line 1, column 13 is never closed/);

    clock.now += 86_400_000;
    await store.getState().startSession(deckId);
    // The graded card is due again; its new sibling c3 waits behind it (burying), and c2 is gone.
    const queue = store.getState().session?.queue;
    expect(queue?.learning.map((entry) => entry.cardId)).toEqual([`${noteId}.c1`]);
    expect(queue?.fresh).toEqual([]);
    store.getState().leaveSession();
  });

  it('after a reload, a cloze card written in the app still studies as its cloze cards', async () => {
    const { store, storage } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Containers', '');
    const [noteId] = await store.getState().addCards(deckId, [{ front: '{{c1::a}} {{c2::b}}', back: '', tags: [] }]);
    const reloaded = createStudyStore({
      openRepository: async () => storage.opened,
      deckSource: { listDecks: async () => [], loadDeck: async (listing) => Promise.reject(new Error(`no bundled deck ${listing.id}`)) },
      clock: () => NOON,
    });
    await reloaded.getState().hydrate();
    expect(reloaded.getState().deckEntries.find((e) => e.listing.id === deckId)?.listing.cardCount).toBe(2);
    await reloaded.getState().startSession(deckId);
    const deck = reloaded.getState().decks.get(deckId);
    expect(deck?.cards.map((c) => [c.id, c.clozeNumber])).toEqual([[`${noteId}.c1`, 1], [`${noteId}.c2`, 2]]);
    reloaded.getState().leaveSession();
  });

  it('puts a deck under a parent of the student\'s own, refuses a parent that makes a cycle, and keeps the choice in the log', async () => {
    const { store, storage } = await harness();
    const course = await store.getState().createAuthoredDeck('Course', '');
    const week = await store.getState().createAuthoredDeck('Week 1', '', course);
    const listing = (deckId: string) => store.getState().deckEntries.find((e) => e.listing.id === deckId)?.listing;
    expect(listing(week)?.parent).toBe(course);
    await expect(store.getState().editAuthoredDeck(course, 'Course', '', week)).rejects.toThrow(/cannot be the parent/);
    await expect(store.getState().editAuthoredDeck(course, 'Course', '', course)).rejects.toThrow(/cannot be the parent/);
    expect(listing(course)?.parent).toBeUndefined();

    const reloaded = createStudyStore({
      openRepository: async () => storage.opened,
      deckSource: { listDecks: async () => [], loadDeck: async (l) => Promise.reject(new Error(`no bundled deck ${l.id}`)) },
      clock: () => NOON,
    });
    await reloaded.getState().hydrate();
    expect((await reloaded.getState().openAuthoredDeck(week))?.deck.parent).toBe(course);
    await reloaded.getState().editAuthoredDeck(week, 'Week 1', '', null);
    expect(reloaded.getState().deckEntries.find((e) => e.listing.id === week)?.listing.parent).toBeUndefined();
    expect((await reloaded.getState().openAuthoredDeck(week))?.deck.parent).toBeUndefined();
  });

  it('the backup file carries the content events', async () => {
    const { store } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    await store.getState().addCards(deckId, [draft('TCP?')]);
    const backup = JSON.parse(await store.getState().exportBackupText()) as { contentEvents: { kind: string }[] };
    expect(backup.contentEvents.map((e) => e.kind)).toEqual(['deck-created', 'card-created']);
  });

  it('reorders cards', async () => {
    const { store } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const [a, b, c] = await store.getState().addCards(deckId, [draft('A'), draft('B'), draft('C')]);
    await store.getState().reorderCard(deckId, c!, 0);
    expect(store.getState().decks.get(deckId)?.cards.map((card) => card.id)).toEqual([c, a, b]);
  });
});

/** A content repository whose writes wait until the test lets each one finish (or fail). */
function heldContentWrites() {
  const held: { finish: (error?: unknown) => void }[] = [];
  const wrap = (content: ContentRepository): ContentRepository => ({
    ...content,
    appendContent: (...args) =>
      new Promise((resolve, reject) => {
        held.push({ finish: (error) => (error === undefined ? resolve(content.appendContent(...args)) : reject(error)) });
      }),
  });
  /** Finishes the oldest held write, once it has been asked for. */
  const release = async (error?: unknown) => {
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
    held.shift()!.finish(error);
  };
  return { wrap, release };
}

describe('a card shows before its write, and counts as saved only once written', () => {
  async function deckWithOneCard() {
    const writes = heldContentWrites();
    const { store, storage } = await harness(writes.wrap);
    const creating = store.getState().createAuthoredDeck('Networks', '');
    await writes.release();
    const deckId = await creating;
    const adding = store.getState().addCards(deckId, [draft('TCP?')]);
    await writes.release();
    await adding;
    const fronts = () => store.getState().decks.get(deckId)?.cards.map((c) => c.front);
    const storedFronts = async () => (await storage.opened.content.loadAuthoredDeck(deckId))?.deck.cards.map((c) => c.front);
    return { ...writes, store, deckId, fronts, storedFronts };
  }

  it('shows a new card, and the next, at once; writes them in order behind it; and then counts them saved', async () => {
    const { store, deckId, release, fronts, storedFronts } = await deckWithOneCard();
    const first = await store.getState().writeCard(deckId, null, draft('UDP?'));
    const second = await store.getState().writeCard(deckId, null, draft('IP?'));
    expect(fronts()).toEqual(['TCP?', 'UDP?', 'IP?']);
    expect(store.getState().authoredDecks.get(deckId)?.deck.cards.map((c) => c.id)).toContain(second.cardId);
    expect(store.getState().pendingCardSaves).toBe(2);
    expect(await storedFronts()).toEqual(['TCP?']);

    await release();
    await first.saved;
    // The first write landing does not take back the second card, still on its way.
    expect(fronts()).toEqual(['TCP?', 'UDP?', 'IP?']);
    expect(store.getState().pendingCardSaves).toBe(1);
    await release();
    await second.saved;
    expect(store.getState().pendingCardSaves).toBe(0);
    expect(await storedFronts()).toEqual(['TCP?', 'UDP?', 'IP?']);
    // The store's deck is the one the writes cached: the same cards, ids and order.
    expect(store.getState().authoredDecks.get(deckId)?.deck.cards).toEqual((await store.getState().contentRepository!.loadAuthoredDeck(deckId))?.deck.cards);
  });

  it('keeps showing a change while a read that lacks it lands, and shows the stored deck once written', async () => {
    const { store, deckId, release, fronts, storedFronts } = await deckWithOneCard();
    const adding = await store.getState().writeCard(deckId, null, draft('UDP?'));
    // The editor opening the deck, and the deck list reloading, read storage before the write lands.
    expect(await storedFronts()).toEqual(['TCP?']);
    await store.getState().openAuthoredDeck(deckId);
    await store.getState().loadDecks();
    expect(store.getState().authoredDecks.get(deckId)?.deck.cards.map((c) => c.front)).toEqual(['TCP?', 'UDP?']);
    await release();
    await adding.saved;
    // The study deck too: the list's reload had put storage's older deck there.
    expect(fronts()).toEqual(['TCP?', 'UDP?']);
    expect(store.getState().authoredDecks.get(deckId)?.deck.cards.map((c) => c.front)).toEqual(['TCP?', 'UDP?']);
    expect(store.getState().deckEntries.find((e) => e.listing.id === deckId)?.listing.cardCount).toBe(2);
  });

  it('refuses a draft that is not a card before showing or writing anything', async () => {
    const { store, deckId, fronts } = await deckWithOneCard();
    await expect(store.getState().writeCard(deckId, null, draft('   '))).rejects.toThrow(/front is empty/);
    expect(fronts()).toEqual(['TCP?']);
    expect(store.getState().pendingCardSaves).toBe(0);
  });

  it('after a failed write, shows the deck as storage holds it and cancels the changes queued behind it', async () => {
    const { store, deckId, release, fronts, storedFronts } = await deckWithOneCard();
    const failing = await store.getState().writeCard(deckId, null, draft('UDP?'));
    const behind = await store.getState().writeCard(deckId, null, draft('IP?'));
    const failed = expect(failing.saved).rejects.toThrow(/quota/);
    const cancelled = expect(behind.saved).rejects.toThrow(/a change made before it could not be saved/);
    await release(quotaError());
    await failed;
    await cancelled;
    expect(fronts()).toEqual(['TCP?']);
    expect(await storedFronts()).toEqual(['TCP?']);
    expect(store.getState().pendingCardSaves).toBe(0);

    // The next change computes from storage's deck and is written as usual.
    const again = await store.getState().writeCard(deckId, null, draft('UDP?'));
    await release();
    await again.saved;
    expect(await storedFronts()).toEqual(['TCP?', 'UDP?']);
  });
});

describe('importing a deck file over an authored deck', () => {
  it('turns the file into content events, so the deck stays editable and keeps its ids', async () => {
    const { store } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const [tcp] = await store.getState().addCards(deckId, [draft('TCP?'), draft('UDP?')]);
    const slug = deckId.slice('user.'.length);
    await store.getState().addImportedDeck({
      slug,
      origin: 'json',
      title: 'Networks',
      description: 'From the file',
      cards: [{ id: tcp!, front: 'TCP, fixed?', back: 'TCP? back', tags: [] }],
      warnings: [],
    });
    const deck = store.getState().decks.get(deckId);
    expect(deck).toMatchObject({ origin: 'authored', description: 'From the file' });
    expect(deck?.cards).toEqual([{ id: tcp, front: 'TCP, fixed?', back: 'TCP? back', tags: [] }]);
    await store.getState().editCard(deckId, tcp!, draft('TCP again?'));
    expect(store.getState().decks.get(deckId)?.cards[0]?.front).toBe('TCP again?');
  });
});

describe('after the device storage refuses to save', () => {
  it('"continue without saving" moves the student\'s decks, their images and written cards into memory, where edits work', async () => {
    let isFull = false;
    const clock = { now: NOON };
    const storage = await testStorage({}, {
      isPersistent: true,
      onBeforeWrite: () => {
        if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const store = createStudyStore({
      openRepository: async () => storage.opened,
      deckSource: { listDecks: async () => [], loadDeck: async (listing) => Promise.reject(new Error(`no bundled deck ${listing.id}`)) },
      clock: () => clock.now,
      randomBytes: seededBytes(3),
    });
    await store.getState().hydrate();
    const written = await store.getState().createAuthoredDeck('Networks', '');
    const [card] = await store.getState().addCards(written, [draft('TCP?')]);
    const imported = userDeckId('anatomy');
    const anatomy: UserDeck = { schemaVersion: 1, id: imported, title: 'Anatomy', description: '', cards: [{ id: asCardId('a1'), front: '![](heart.png)', back: 'Heart', tags: [] }], origin: 'apkg', createdAt: NOON, updatedAt: NOON };
    await storage.opened.userDecks.saveDeck(anatomy, [{ name: 'heart.png', mimeType: 'image/png', bytes: Uint8Array.from([1, 2, 3]) }]);
    await store.getState().loadDecks();

    isFull = true;
    clock.now += 60_000;
    await expect(store.getState().editCard(written, card!, draft('What is TCP?'))).rejects.toThrow();
    await store.getState().continueWithoutSaving();
    await store.getState().editCard(written, card!, draft('What is TCP?'));
    expect(store.getState().decks.get(written)?.cards.map((c) => c.front)).toEqual(['What is TCP?']);
    await store.getState().renameUserDeck(imported, 'Anatomy 2');
    expect(store.getState().deckEntries.find((e) => e.listing.id === imported)?.listing.title).toBe('Anatomy 2');
    expect((await store.getState().loadDeckMedia(imported)).map((file) => file.name)).toEqual(['heart.png']);
    // Nothing of it was written to the storage that refused.
    expect((await storage.opened.content.exportContentEvents()).length).toBeLessThan((await store.getState().contentRepository!.exportContentEvents()).length);
  });
});
