/**
 * The sync engine against the real Hocuspocus server (sync-server/), started by each test on a
 * free loopback port: devices converge, offline work merges, nothing is doubled, and what is
 * refused or tampered with is reported, never applied.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncSpace } from '../domain/sync';
import type { Deck } from '../domain/deck/types';
import { userDeckId } from '../domain/deck/user-deck';
import { asCardId, type DeckId } from '../domain/ids';
import { byBytes } from './sync-engine';
import { cleanup, Device, serverInProcess, tempDir } from './test-harness';

// Real sockets, a real server and fake-indexeddb: slower than a unit test on a shared machine.
vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const DAY = 86_400_000;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const task of cleanups.splice(0).reverse()) await task();
});

async function setup() {
  const dataDir = tempDir('sync-data');
  const server = await serverInProcess(dataDir);
  cleanups.push(() => cleanup(dataDir), () => server.stop());
  const open = async (name: string) => {
    const device = await Device.open(`${name}-${crypto.randomUUID()}`, NOW);
    cleanups.push(() => device.close());
    return device;
  };
  return { server, dataDir, open, space: createSyncSpace(random) };
}

describe('two devices through one server', () => {
  it('converge after both studied offline, one card on both, with every review once', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    // Offline: each studies its own cards, and both study c1.
    await phone.study('c1', 'good');
    await phone.study('c2', 'again');
    laptop.now += 30_000;
    await laptop.study('c1', 'hard');
    await laptop.study('c3', 'easy');

    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await Promise.all([phone.engine!.whenIdle(), laptop.engine!.whenIdle()]);
    await Promise.all([phone.engine!.whenIdle(), laptop.engine!.whenIdle()]);

    const [a, b] = await Promise.all([phone.snapshot(), laptop.snapshot()]);
    expect(a.eventIds).toHaveLength(4);
    expect(new Set(a.eventIds).size).toBe(4);
    expect(b).toEqual(a);
    expect(a.reviews).toHaveLength(4);
    expect(a.states.map((state) => state.cardId)).toEqual(['c1', 'c2', 'c3']);
    expect(a.states.find((state) => state.cardId === 'c1')?.reps).toBe(2);
    expect(phone.engine!.status()).toMatchObject({ kind: 'synced' });
  });
});

describe('what reaches the other device', () => {
  it('an undo on one device takes the review back on the other', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    const review = await phone.study('c1', 'again');
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    expect((await laptop.stateOf('c1'))?.reps).toBe(1);

    phone.now += 5_000;
    await phone.repository.undoReview(review.id);
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    expect(await laptop.stateOf('c1')).toBeNull();
    expect((await laptop.snapshot()).reviews).toEqual([]);
    expect(await laptop.snapshot()).toEqual(await phone.snapshot());
  });

  // Issue 13: a first save used to write every field, so the phone's later first save set the
  // laptop's maximum interval back to the default. Each save now writes only what it changed.
  it('settings changed offline on two devices, different fields, both survive; the later writer wins a field both changed', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    const settings = await phone.storage.settings.loadSettings();
    // Offline, each device's first save; the laptop's is a minute earlier.
    laptop.now -= 60_000;
    await laptop.storage.settings.saveSettings({ ...settings, maximumIntervalDays: 3650 }, settings);
    await phone.storage.settings.saveSettings({ ...settings, desiredRetention: 0.85, newCardsPerDay: 7 }, settings);
    laptop.now += 120_000;
    await laptop.storage.settings.saveSettings({ ...settings, maximumIntervalDays: 3650, desiredRetention: 0.95 }, { ...settings, maximumIntervalDays: 3650 });

    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    const [a, b] = [await phone.snapshot(), await laptop.snapshot()];
    expect(b.settings).toEqual(a.settings);
    // The laptop's maximum interval, the phone's card limit, and the laptop's later retention.
    expect(a.settings).toMatchObject({ desiredRetention: 0.95, newCardsPerDay: 7, maximumIntervalDays: 3650 });
  });

  it('a device offline for 30 days merges a month of work from both sides, across documents of two months', async () => {
    const { server, open, space } = await setup();
    const start = Date.UTC(2026, 10, 20, 9, 0, 0);
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.now = start;
    laptop.now = start;
    phone.sync(space, server.url);
    for (let day = 0; day < 30; day++) {
      phone.now = start + day * DAY;
      laptop.now = start + day * DAY + 3_600_000;
      await phone.study(`p${day % 5}`, day % 3 === 0 ? 'again' : 'good');
      await laptop.study(`l${day % 4}`, 'good');
      await laptop.study('shared', day % 2 === 0 ? 'good' : 'hard');
    }
    await phone.engine!.whenIdle();
    laptop.sync(space, server.url);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    const [a, b] = [await phone.snapshot(), await laptop.snapshot()];
    expect(a.eventIds).toHaveLength(90);
    expect(b).toEqual(a);
    // The laptop's first sync counted down what it had to merge: the phone's 30 events at least.
    expect(laptop.statuses.some((status) => status.kind === 'syncing' && status.pending >= 30)).toBe(true);
    expect(laptop.engine!.status()).toMatchObject({ kind: 'synced' });
  });
});

describe('decks written in the app', () => {
  it('a deck created on one device appears on the other, with its cards under the same ids', async () => {
    const { server, open, space } = await setup();
    const laptop = await open('laptop');
    const phone = await open('phone');
    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    const deckId = await laptop.createDeck('Networks');
    const card = await laptop.addCard(deckId, 'What is TCP?', 'A reliable byte stream');
    await laptop.addCard(deckId, 'What is UDP?', 'Datagrams');
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    const onPhone = await phone.authored(deckId);
    expect(onPhone?.deck.title).toBe('Networks');
    expect(onPhone?.deck.cards.map((c) => c.front)).toEqual(['What is TCP?', 'What is UDP?']);
    // The same card id on both devices: progress made on either is keyed by it.
    expect(onPhone?.deck.cards[0]?.id).toBe(card);
    expect(await phone.storage.userDecks.listDecks()).toEqual(expect.arrayContaining([expect.objectContaining({ id: deckId, title: 'Networks' })]));
  });

  it('offline edits of one card, its front on one device and its back on the other, both survive', async () => {
    const { server, open, space } = await setup();
    const laptop = await open('laptop');
    const phone = await open('phone');
    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    const deckId = await laptop.createDeck('Biology');
    const card = await laptop.addCard(deckId, 'Mitochondria', 'Energy');
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    expect((await phone.authored(deckId))?.deck.cards).toHaveLength(1);
    await laptop.stopSync();
    await phone.stopSync();

    // Offline: the laptop edits the front, the phone (later) the back.
    await laptop.editCard(deckId, card, { front: 'What are mitochondria?' });
    phone.now = laptop.now + 60_000;
    await phone.editCard(deckId, card, { back: 'The cell\'s power plant' });

    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    const [a, b] = [await laptop.authored(deckId), await phone.authored(deckId)];
    expect(a?.deck.cards.map(({ front, back }) => ({ front, back }))).toEqual([{ front: 'What are mitochondria?', back: 'The cell\'s power plant' }]);
    expect(b?.deck).toEqual(a?.deck);
  });

  it('a new device merges a deck\'s content before its cards\' progress, from the manifest alone', async () => {
    const { server, open, space } = await setup();
    const laptop = await open('laptop');
    laptop.sync(space, server.url);
    const deckId = await laptop.createDeck('Chemistry');
    const card = await laptop.addCard(deckId, 'H2O', 'Water');
    await laptop.study(card, 'good', deckId);
    await laptop.engine!.whenIdle();

    const tablet = await open('tablet');
    const order: string[] = [];
    tablet.sync(space, server.url, {
      onMerged: ({ contentEvents, cardEvents }) => {
        if (contentEvents > 0) order.push('content');
        if (cardEvents > 0) order.push('cards');
      },
    });
    await tablet.engine!.whenIdle();
    expect((await tablet.authored(deckId))?.deck.cards.map((c) => c.id)).toEqual([card]);
    expect((await tablet.stateOf(card, deckId))?.reps).toBe(1);
    // One first-sync batch: the deck and its card, then the card's review.
    expect(order).toEqual(['content', 'cards']);
  });
});

describe('imported decks', () => {
  const card = (id: string, front: string, back: string) => ({ id: asCardId(id), front, back, tags: [] });
  const file = (cards: Deck['cards'], title = 'Capitals'): Deck => ({ schemaVersion: 1, id: userDeckId('capitals'), title, description: 'From a CSV', cards });

  it('a deck imported on the phone appears on the laptop as an imported deck, and importing it again there reaches the phone as its differences', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await phone.importDeck(file([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Bonn'), card('it', 'Italy', 'Rome')]));
    await phone.study('de', 'good', userDeckId('capitals'));
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    const onLaptop = (await laptop.storage.userDecks.listDecks()).find((deck) => deck.id === userDeckId('capitals'));
    expect(onLaptop).toMatchObject({ origin: 'csv', title: 'Capitals', description: 'From a CSV' });
    expect(onLaptop?.cards.map((c) => [c.id, c.back])).toEqual([['fr', 'Paris'], ['de', 'Bonn'], ['it', 'Rome']]);
    // Its progress is keyed by the file's card ids, so it follows the deck.
    expect((await laptop.stateOf('de', userDeckId('capitals')))?.reps).toBe(1);

    // A newer file on the laptop: one card changed, one gone, one new, matched by id.
    laptop.now = phone.now + 60_000;
    await laptop.importDeck(file([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Berlin'), card('es', 'Spain', 'Madrid')], 'European capitals'));
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    const onPhone = (await phone.storage.userDecks.listDecks()).find((deck) => deck.id === userDeckId('capitals'));
    expect(onPhone).toMatchObject({ origin: 'csv', title: 'European capitals' });
    expect(onPhone?.cards.map((c) => [c.id, c.back])).toEqual([['fr', 'Paris'], ['de', 'Berlin'], ['es', 'Madrid']]);
    // The changed card kept its progress; the gone card's review stays in the log.
    expect((await phone.stateOf('de', userDeckId('capitals')))?.reps).toBe(1);
    // The second import wrote only the differences (the title, two edits, a create, a delete, no second deck).
    const events = (await laptop.storage.content.exportContentEvents()).filter((event) => event.deckId === userDeckId('capitals'));
    expect(events.filter((event) => event.kind === 'deck-created')).toHaveLength(1);
    expect(events).toHaveLength(1 + 3 + 4);
  });

  it('the same file imported on two devices before they synced merges into one deck with each card once', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    await phone.importDeck(file([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Berlin')]));
    laptop.now = phone.now + 60_000;
    await laptop.importDeck(file([card('fr', 'France', 'Paris'), card('de', 'Germany', 'Berlin'), card('es', 'Spain', 'Madrid')]), 'apkg');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    for (const device of [phone, laptop]) {
      const deck = (await device.storage.userDecks.listDecks()).find((d) => d.id === userDeckId('capitals'));
      // The later import names the origin, and every card of either file is there once.
      expect(deck?.origin).toBe('apkg');
      expect(deck?.cards.map((c) => c.id)).toEqual(['fr', 'de', 'es']);
    }
  });

  it('a deck imported on one device and deleted on the other is gone from both', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await phone.importDeck(file([card('fr', 'France', 'Paris')]));
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    laptop.now = phone.now + 60_000;
    await laptop.deleteDecks([userDeckId('capitals')]);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    for (const device of [phone, laptop]) expect((await device.storage.userDecks.listDecks()).map((deck) => deck.id)).not.toContain(userDeckId('capitals'));
  });
});

describe('deleting a deck', () => {
  /** A deck written on the laptop, with a card studied on both devices, synced to both. */
  async function sharedDeck() {
    const { server, open, space } = await setup();
    const laptop = await open('laptop');
    const phone = await open('phone');
    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    const deckId = await laptop.createDeck('Networks');
    const card = await laptop.addCard(deckId, 'What is TCP?', 'A reliable byte stream');
    await laptop.study(card, 'good', deckId);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    phone.now = laptop.now;
    await phone.study(card, 'good', deckId);
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    expect((await laptop.stateOf(card, deckId))?.reps).toBe(2);
    return { server, open, space, laptop, phone, deckId, card };
  }

  const deckEventsOf = async (device: Device, deckId: DeckId) => (await device.repository.exportEvents()).cardEvents.filter((event) => event.deckId === deckId);
  const hasDeck = async (device: Device, deckId: DeckId) => (await device.storage.userDecks.listDecks()).some((deck) => deck.id === deckId);

  it('reaches the other device, which loses the deck and its progress, and nothing brings it back after both sync again', async () => {
    const { server, open, space, laptop, phone, deckId, card } = await sharedDeck();
    await laptop.deleteDecks([deckId]);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    expect(await hasDeck(phone, deckId)).toBe(false);
    expect(await phone.authored(deckId)).toBeNull();
    expect(await phone.stateOf(card, deckId)).toBeNull();
    expect(await deckEventsOf(phone, deckId)).toEqual([]);

    // Both start again: each reconciles its whole log and reads the documents, which still hold the deck's old entries.
    await laptop.stopSync();
    await phone.stopSync();
    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    for (const device of [laptop, phone]) {
      expect(await hasDeck(device, deckId)).toBe(false);
      expect(await deckEventsOf(device, deckId)).toEqual([]);
    }
    // A new device reads every entry the server holds, the deck's old ones first in the log: no deck either.
    const tablet = await open('tablet');
    tablet.sync(space, server.url);
    await tablet.engine!.whenIdle();
    expect(await hasDeck(tablet, deckId)).toBe(false);
    expect(await tablet.authored(deckId)).toBeNull();
    expect(await tablet.stateOf(card, deckId)).toBeNull();
  });

  it('wins over progress the other device made offline before it heard of the delete', async () => {
    const { server, space, laptop, phone, deckId, card } = await sharedDeck();
    await laptop.stopSync();
    await phone.stopSync();
    // Offline: the phone studies the deck once before the laptop deletes it and once after.
    await phone.study(card, 'again', deckId);
    laptop.now = phone.now;
    await laptop.deleteDecks([deckId]);
    phone.now = laptop.now + 60_000;
    const after = await phone.study(card, 'good', deckId);

    phone.sync(space, server.url);
    await phone.engine!.whenIdle();
    laptop.sync(space, server.url);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    for (const device of [laptop, phone]) {
      expect(await hasDeck(device, deckId)).toBe(false);
      expect(await device.authored(deckId)).toBeNull();
      // What was made before the delete is gone everywhere; the review made after it stays in the
      // log (it is never deleted) but brings no deck back.
      expect((await deckEventsOf(device, deckId)).map((event) => event.id)).toEqual([after.id]);
    }
  });

  it('deletes every deck of one delete (a deck and its subdecks) on the other device, one tombstone each', async () => {
    const { server, open, space } = await setup();
    const laptop = await open('laptop');
    const phone = await open('phone');
    laptop.sync(space, server.url);
    phone.sync(space, server.url);
    const parent = await laptop.createDeck('Biology');
    const child = await laptop.createDeck('Cells');
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    expect(await hasDeck(phone, child)).toBe(true);
    await laptop.deleteDecks([parent, child]);
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    expect(await hasDeck(phone, parent)).toBe(false);
    expect(await hasDeck(phone, child)).toBe(false);
  });
});

describe('devices by name', () => {
  it('each device lists every device of the space by name, and a rename reaches the others', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    const phoneId = phone.repository.deviceId;
    const laptopId = laptop.repository.deviceId;
    phone.sync(space, server.url, { device: { deviceId: phoneId, name: 'Chrome on Android' } });
    laptop.sync(space, server.url, { device: { deviceId: laptopId, name: 'Firefox on Linux' } });
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    await phone.engine!.whenIdle();
    expect(phone.engine!.devices().map((device) => device.name)).toEqual(['Chrome on Android', 'Firefox on Linux']);
    expect(laptop.engine!.devices().map((device) => device.name)).toEqual(['Firefox on Linux', 'Chrome on Android']);

    const heard: string[][] = [];
    await laptop.stopSync();
    laptop.sync(space, server.url, { device: { deviceId: laptopId, name: 'Firefox on Linux' }, onDevices: (devices) => heard.push(devices.map((device) => device.name)) });
    await phone.engine!.renameDevice('Anna\'s phone');
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    expect(laptop.engine!.devices()).toEqual([
      expect.objectContaining({ deviceId: laptopId, name: 'Firefox on Linux' }),
      expect.objectContaining({ deviceId: phoneId, name: 'Anna\'s phone' }),
    ]);
    expect(heard.at(-1)).toEqual(['Firefox on Linux', 'Anna\'s phone']);
  });
});

describe('refusals and tampering', () => {
  it('a wrong secret for the space is refused by the server and shown as an error', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    phone.sync(space, server.url);
    await phone.study('c1');
    await phone.engine!.whenIdle();

    const intruder = await open('intruder');
    intruder.sync({ spaceId: space.spaceId, secret: createSyncSpace(random).secret }, server.url);
    await expect.poll(() => intruder.engine!.status(), { timeout: 5_000 }).toMatchObject({ kind: 'error', message: expect.stringMatching(/refused this device: bad-credential/) });
    expect((await intruder.snapshot()).eventIds).toEqual([]);
  });

  it('a space closed by one device admits no one again, and the server drops its documents', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    await phone.study('c1');
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();

    expect(await phone.engine!.closeSpace()).toBe(true);
    await expect.poll(() => laptop.engine!.status(), { timeout: 10_000 }).toMatchObject({ kind: 'error', message: expect.stringMatching(/revoked: this sync space was closed/) });
    const late = await open('late');
    late.sync(space, server.url);
    await expect.poll(() => late.engine!.status(), { timeout: 10_000 }).toMatchObject({ kind: 'error', message: expect.stringMatching(/revoked/) });
    expect(server.store.space(space.spaceId)?.revoked).toBe(true);
    await expect.poll(() => server.store.spaceUsage(space.spaceId).documents, { timeout: 10_000 }).toBe(0);
    // Both devices keep their progress.
    expect((await laptop.snapshot()).eventIds).toHaveLength(1);
  });

  it('a ciphertext changed on the server is rejected and reported, and not applied', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    await phone.study('c1');
    await phone.study('c2');
    await phone.engine!.whenIdle();

    // The server (or anyone on the path) flips one bit of one stored event.
    const names = [...server.hocuspocus.documents.keys()];
    let tampered = false;
    for (const name of names) {
      const connection = await server.hocuspocus.openDirectConnection(name);
      await connection.transact((doc) => {
        const map = doc.getMap<Uint8Array>('e');
        const [key, value] = [...map.entries()][0] ?? [];
        if (tampered || key === undefined || value === undefined || map.size !== 2) return;
        const changed = value.slice();
        changed[changed.length - 1]! ^= 1;
        map.set(key, changed);
        tampered = true;
      });
      await connection.disconnect();
    }
    expect(tampered).toBe(true);

    laptop.sync(space, server.url);
    await expect.poll(() => laptop.engine!.status(), { timeout: 5_000 }).toMatchObject({ kind: 'error', message: expect.stringMatching(/failed its integrity check/) });
    await expect.poll(async () => (await laptop.snapshot()).eventIds.length, { timeout: 5_000 }).toBe(1);
    expect(laptop.engine!.rejected()).toHaveLength(1);
    // The phone also hears of the change and refuses it; its own event stays.
    await expect.poll(() => phone.engine!.rejected().length, { timeout: 5_000 }).toBe(1);
    expect((await phone.snapshot()).eventIds).toHaveLength(2);
  });
});

describe('on the device', () => {
  it('two tabs syncing one database send each event once into the log of the other device', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    await phone.study('c1');
    await phone.study('c2');
    const tabA = phone.sync(space, server.url, { persistencePrefix: `${phone.name}/tab-a/` });
    const tabB = phone.sync(space, server.url, { persistencePrefix: `${phone.name}/tab-b/` });
    cleanups.push(() => tabA.stop());
    laptop.sync(space, server.url);
    await Promise.all([tabA.whenIdle(), tabB.whenIdle(), laptop.engine!.whenIdle()]);
    const snapshot = await laptop.snapshot();
    expect(snapshot.eventIds).toHaveLength(2);
    expect(snapshot).toEqual(await phone.snapshot());
  });

  it('a restarted engine merges only what is new, and keeps its documents within 2x the events they carry', async () => {
    const { server, open, space } = await setup();
    const phone = await open('phone');
    const laptop = await open('laptop');
    phone.sync(space, server.url);
    laptop.sync(space, server.url);
    for (let i = 0; i < 300; i++) await phone.study(`c${i % 60}`, i % 4 === 0 ? 'again' : 'good');
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    const merged: number[] = [];
    for (let load = 0; load < 3; load++) {
      await laptop.stopSync();
      await phone.study(`c${load}`);
      await phone.engine!.whenIdle();
      laptop.sync(space, server.url, { onMerged: ({ received }) => merged.push(received) });
      await laptop.engine!.whenIdle();
    }
    // Each restart opens only the one event that arrived while it was stopped, not the 300 before.
    expect(merged.reduce((a, b) => a + b, 0)).toBe(3);
    const snapshot = await laptop.snapshot();
    expect(snapshot).toEqual(await phone.snapshot());
    const { cardEvents, settingsEvents } = await laptop.repository.exportEvents();
    const rawBytes = [...cardEvents, ...settingsEvents].reduce((sum, event) => sum + new TextEncoder().encode(JSON.stringify(event)).length, 0);
    const localBytes = await laptop.engine!.localBytes();
    console.log(`sync state on the device: ${localBytes} bytes for ${cardEvents.length} events of ${rawBytes} bytes (ratio ${(localBytes / rawBytes).toFixed(2)})`);
    expect(localBytes / rawBytes).toBeLessThanOrEqual(2);
  });
});

describe('byBytes', () => {
  it('cuts entries into updates of at most the given sealed bytes, in order, an oversized one alone', () => {
    const entry = (key: string, size: number) => [key, new Uint8Array(size)] as const;
    const groups = byBytes([entry('a', 400), entry('b', 500), entry('c', 200), entry('d', 2_000), entry('e', 10)], 1_000);
    expect(groups.map((group) => group.map(([key]) => key))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });
});
