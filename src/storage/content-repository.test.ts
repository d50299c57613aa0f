import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addCardEvents, createDeckEvents, deleteCardEvents, editCardEvents } from '../domain/authoring/commands';
import { cardHash, editBundledCardEvents, keepMineEvents, overlayBundledDeck, resetCardEvents } from '../domain/authoring/overlay';
import { deckDeletedEvents } from '../domain/authoring/deck-deletion';
import { AUTHORED, ContentDevice } from '../domain/authoring/test-content';
import { asCardId, asDeckId } from '../domain/ids';
import { NOW } from '../domain/events/test-events';
import { parseBackupFile, serializeBackup } from './backup-file';
import { restoreBackupStream } from './streamed-restore';
import { makeReview, makeState, testStorage } from './test-fixtures';

const draft = (front: string) => ({ front, back: `${front}!`, tags: ['t'] });

async function authoredStorage() {
  const storage = await testStorage({}, { isPersistent: true });
  const device = new ContentDevice('phone', 1);
  await storage.content.appendContent(device.make((e) => createDeckEvents(e, AUTHORED, 'Networks', 'Layers'), NOW));
  return { storage, device };
}

describe('content repository', () => {
  it('caches an authored deck as a user deck, empty at first, then with its cards in order', async () => {
    const { storage, device } = await authoredStorage();
    expect(await storage.userDecks.listDecks()).toEqual([expect.objectContaining({ id: AUTHORED, origin: 'authored', title: 'Networks', cards: [] })]);
    const replayed = await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP'), draft('UDP')]), NOW + 1));
    expect(replayed.get(AUTHORED)?.deck.cards.map((c) => c.front)).toEqual(['TCP', 'UDP']);
    const [listed] = await storage.userDecks.listDecks();
    expect(listed?.cards.map((c) => c.front)).toEqual(['TCP', 'UDP']);
    expect(listed?.updatedAt).toBe(NOW + 1);
    expect((await storage.content.loadAuthoredDeck(AUTHORED))?.deck).toEqual({ schemaVersion: 1, id: AUTHORED, title: 'Networks', description: 'Layers', cards: listed?.cards });
  });

  it('an edit keeps the card id and its progress; a delete takes the card out but leaves its reviews in the log', async () => {
    const { storage, device } = await authoredStorage();
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP')]), NOW + 1));
    const card = device.view().deck.cards[0]!;
    const state = makeState(card.id, { deckId: AUTHORED, lastReviewedAt: NOW + 2 });
    await storage.repository.recordReview(makeReview(null, state, { reviewedAt: NOW + 2 }));
    await storage.content.appendContent(device.make((e) => editCardEvents(e, device.view(), card.id, { ...card, front: 'TCP?' }), NOW + 3));
    expect((await storage.userDecks.listDecks())[0]?.cards[0]).toMatchObject({ id: card.id, front: 'TCP?' });
    expect(await storage.repository.loadDeckStates(AUTHORED)).toHaveLength(1);
    expect(await storage.content.countCardReviews(AUTHORED, card.id)).toBe(1);

    await storage.content.appendContent(device.make((e) => deleteCardEvents(e, device.view(), card.id), NOW + 4));
    expect((await storage.userDecks.listDecks())[0]?.cards).toEqual([]);
    expect(await storage.content.countCardReviews(AUTHORED, card.id)).toBe(1);
  });

  it('deleting the deck deletes its content events, so nothing brings it back', async () => {
    const { storage } = await authoredStorage();
    await storage.userDecks.deleteDecks([AUTHORED]);
    expect(await storage.content.exportContentEvents()).toEqual([]);
    expect(await storage.content.loadAuthoredDeck(AUTHORED)).toBeNull();
  });

  it('deleting the deck with a tombstone keeps only the tombstone, which drops the deck\'s old events when they arrive again', async () => {
    const { storage, device } = await authoredStorage();
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP')]), NOW + 1));
    const card = device.view().deck.cards[0]!;
    const review = makeReview(null, makeState(card.id, { deckId: AUTHORED, lastReviewedAt: NOW + 2 }), { reviewedAt: NOW + 2 });
    await storage.repository.recordReview(review);
    const [oldReview] = (await storage.repository.exportEvents()).cardEvents;
    const oldContent = await storage.content.exportContentEvents();
    const envelope = device.envelope(NOW);
    let lastSeenAt: number | null = null;
    await storage.userDecks.deleteDecks([AUTHORED], (newest) => {
      lastSeenAt = newest;
      return deckDeletedEvents([AUTHORED], envelope, newest);
    });
    expect(lastSeenAt).toBe(NOW + 2);
    const [tombstone] = await storage.content.exportContentEvents();
    expect(tombstone).toMatchObject({ kind: 'deck-deleted', deckId: AUTHORED, createdAt: NOW + 3 });
    expect(await storage.content.exportContentEvents()).toHaveLength(1);

    // Another device sends the deck's old events again: none is added, the deck stays deleted.
    expect(await storage.content.importContentEvents(oldContent)).toBe(0);
    expect(await storage.repository.importEvents([oldReview!])).toMatchObject({ cardEventsAdded: 0 });
    expect(await storage.userDecks.listDecks()).toEqual([]);
    expect(await storage.repository.loadDeckStates(AUTHORED)).toEqual([]);
  });

  it('a tombstone that arrives after the deck\'s events deletes the deck here, and what it covers, in one import', async () => {
    const { storage, device } = await authoredStorage();
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP')]), NOW + 1));
    const card = device.view().deck.cards[0]!;
    await storage.repository.recordReview(makeReview(null, makeState(card.id, { deckId: AUTHORED, lastReviewedAt: NOW + 2 }), { reviewedAt: NOW + 2 }));
    const tombstones = deckDeletedEvents([AUTHORED], new ContentDevice('laptop', 9).envelope(NOW + 10));
    expect(await storage.content.importContentEvents(tombstones)).toBe(1);
    expect(await storage.userDecks.listDecks()).toEqual([]);
    expect(await storage.repository.loadDeckStates(AUTHORED)).toEqual([]);
    expect((await storage.repository.exportEvents()).cardEvents).toEqual([]);
    expect(await storage.content.exportContentEvents()).toEqual(tombstones);
    // The same tombstone again changes nothing.
    expect(await storage.content.importContentEvents(tombstones)).toBe(0);
  });

  it('an imported deck imported again here after the delete was made keeps its row when the tombstone arrives', async () => {
    const storage = await testStorage({}, { isPersistent: true });
    const deckId = asDeckId('user.animals');
    const deck = { schemaVersion: 1 as const, id: deckId, title: 'Animals', description: '', cards: [{ id: asCardId('perro'), front: 'perro', back: 'dog', tags: [] }] };
    await storage.userDecks.saveDeck({ ...deck, origin: 'csv', createdAt: NOW + 20, updatedAt: NOW + 20 });
    const olderDelete = deckDeletedEvents([deckId], new ContentDevice('laptop', 9).envelope(NOW + 10));
    expect(await storage.content.importContentEvents(olderDelete)).toBe(1);
    expect((await storage.userDecks.listDecks()).map((listed) => listed.id)).toEqual([deckId]);
    const newerDelete = deckDeletedEvents([deckId], new ContentDevice('laptop', 10).envelope(NOW + 30));
    await storage.content.importContentEvents(newerDelete);
    expect(await storage.userDecks.listDecks()).toEqual([]);
  });

  it('a backup carries the content events; restoring it into a fresh browser rebuilds the deck, and restoring twice changes nothing', async () => {
    const { storage, device } = await authoredStorage();
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP'), draft('UDP')]), NOW + 1));
    const text = serializeBackup({ ...(await storage.userDecks.snapshot()), contentEvents: await storage.content.exportContentEvents() }, NOW + 5);
    const parsed = parseBackupFile(new TextEncoder().encode(text), 'backup.json');
    expect(parsed.snapshot.contentEvents).toHaveLength(3);

    const fresh = await testStorage({}, { isPersistent: true });
    const file = new Blob([text]);
    await restoreBackupStream(fresh.db, file, 'backup.json');
    const restored = await fresh.userDecks.listDecks();
    expect(restored).toEqual(await storage.userDecks.listDecks());
    const events = await fresh.content.exportContentEvents();
    await restoreBackupStream(fresh.db, file, 'backup.json');
    expect(await fresh.content.exportContentEvents()).toEqual(events);
    expect(await fresh.userDecks.listDecks()).toEqual(restored);
  });

  it('a restore merges content made elsewhere with what this browser wrote since', async () => {
    const { storage, device } = await authoredStorage();
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('TCP')]), NOW + 1));
    const backup = serializeBackup({ ...(await storage.userDecks.snapshot()), contentEvents: await storage.content.exportContentEvents() }, NOW + 2);
    await storage.content.appendContent(device.make((e) => addCardEvents(e, device.view(), [draft('UDP')]), NOW + 3));
    await restoreBackupStream(storage.db, new Blob([backup]), 'backup.json');
    expect((await storage.userDecks.listDecks())[0]?.cards.map((c) => c.front)).toEqual(['TCP', 'UDP']);
  });

  it('imports content events by id: copies add nothing', async () => {
    const { storage, device } = await authoredStorage();
    const made = device.make((e) => addCardEvents(e, device.view(), [draft('TCP')]), NOW + 1);
    expect(await storage.content.importContentEvents([...made, ...made])).toBe(1);
    expect(await storage.content.importContentEvents(made)).toBe(0);
    expect((await storage.userDecks.listDecks())[0]?.cards).toHaveLength(1);
  });
});

describe('content repository: appending from the deck as the caller saw it', () => {
  it('gives what a full replay gives, and replays in full when another writer got there first', async () => {
    const { storage, device } = await authoredStorage();
    const base = (await storage.content.loadAuthoredDeck(AUTHORED))!;
    const added = device.make((e) => addCardEvents(e, base, [draft('TCP'), draft('UDP')]), NOW + 1);
    const fast = await storage.content.appendContent(added, [], base);
    expect(fast.get(AUTHORED)).toEqual(await storage.content.loadAuthoredDeck(AUTHORED));

    // Another tab adds a card; this caller still holds the older deck.
    const stale = fast.get(AUTHORED)!;
    const other = new ContentDevice('tab-2', 9);
    other.events.push(...device.events);
    await storage.content.appendContent(other.make((e) => addCardEvents(e, other.view(), [draft('IP')]), NOW + 2));
    const edit = device.make((e) => editCardEvents(e, stale, stale.deck.cards[0]!.id, { ...stale.deck.cards[0]!, front: 'TCP?' }), NOW + 3);
    const merged = (await storage.content.appendContent(edit, [], stale)).get(AUTHORED)!;
    expect(merged.deck.cards.map((c) => c.front)).toEqual(['TCP?', 'UDP', 'IP']);
    expect((await storage.userDecks.listDecks())[0]?.cards.map((c) => c.front)).toEqual(['TCP?', 'UDP', 'IP']);
  });
});

describe('content repository: the student versions of bundled cards', () => {
  it('stores card-edited (with overHash), card-kept and card-reset on a bundled deck, reads them back, and caches no deck row', async () => {
    const storage = await testStorage({}, { isPersistent: true });
    const device = new ContentDevice('phone', 3);
    const lecturer = { schemaVersion: 1 as const, id: asDeckId('c3-containers-iaas-storage'), title: 'C3', description: '', cards: [{ id: asCardId('why-containers'), front: 'Why?', back: 'Because.', tags: [] }] };
    const cardId = lecturer.cards[0]!.id;
    const edited = device.make((e) => editBundledCardEvents(e, lecturer, overlayBundledDeck(lecturer, []), cardId, { front: 'Why?', back: 'Mine.', tags: [] }), NOW);
    const kept = device.make((e) => keepMineEvents(e, lecturer, cardId), NOW + 1);
    const reset = device.make((e) => resetCardEvents(e, lecturer, cardId), NOW + 2);
    const replayed = await storage.content.appendContent([...edited, ...kept, ...reset]);
    expect(replayed.get(lecturer.id)).toBeNull();
    const stored = await storage.content.loadContentEvents(lecturer.id);
    expect(stored.sort((a, b) => a.createdAt - b.createdAt)).toEqual([...edited, ...kept, ...reset]);
    expect(stored[0]).toMatchObject({ kind: 'card-edited', overHash: cardHash(lecturer.cards[0]!) });
    expect(await storage.userDecks.listDecks()).toEqual([]);
  });
});
