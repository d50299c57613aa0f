/**
 * The store's sync slice with the real engine and a real server: turning sync on, joining from
 * the link, what a merge changes in the other store, and stopping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deckIndexEntry } from '../domain/deck/deck-index';
import { syncLinkHash } from '../domain/sync';
import { testStorage } from '../storage/test-fixtures';
import type { SpaceStore } from '../sync/space-store';
import { startSyncEngine } from '../sync/sync-engine';
import { cleanup, NodeWebSocket, serverInProcess, tempDir } from '../sync/test-harness';
import { makeDeck, NOON, study } from './store-test-harness';
import { createStudyStore } from './study-store';

vi.setConfig({ testTimeout: 60_000 });
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const task of cleanups.splice(0).reverse()) await task();
});

const deck = makeDeck('d', 5);

function memorySpaces(): SpaceStore & { code: string | null } {
  let deviceName: string | null = null;
  const store = {
    code: null as string | null,
    loadDeviceName: () => deviceName,
    saveDeviceName: (name: string) => {
      deviceName = name;
    },
    load: () => (store.code === null ? null : { spaceId: store.code.split('.')[0]!, secret: store.code.split('.')[1]! }),
    save: (space: { spaceId: string; secret: string } | null) => {
      store.code = space === null ? null : `${space.spaceId}.${space.secret}`;
    },
  };
  return store;
}

/**
 * Web Locks as one device's tabs share them: exclusive, in request order, `ifAvailable` and
 * `signal` as the browser has them. `closeHolder` is the holding tab closing: its lock passes on.
 */
function fakeLocks() {
  let isHeld = false;
  const waiters: (() => void)[] = [];
  let closeHolder: (() => void) | null = null;
  const pass = () => {
    closeHolder = null;
    const next = waiters.shift();
    if (next) next();
    else isHeld = false;
  };
  const locks = {
    closeHolder: () => closeHolder?.(),
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>): Promise<unknown> {
      if (isHeld) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          const waiter = () => resolve();
          waiters.push(waiter);
          options.signal?.addEventListener('abort', () => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      }
      isHeld = true;
      return new Promise((resolve) => {
        let isDone = false;
        const done = (value?: unknown) => {
          if (isDone) return;
          isDone = true;
          pass();
          resolve(value);
        };
        closeHolder = () => done();
        void callback({ name, mode: 'exclusive' } as Lock).then(done, done);
      });
    },
  };
  return locks as typeof locks & Pick<LockManager, 'request'>;
}

async function device(url: string, name: string, userAgent = '', shared?: { storage: Awaited<ReturnType<typeof testStorage>>; locks: Pick<LockManager, 'request'> }) {
  const storage = shared?.storage ?? (await testStorage());
  const spaces = memorySpaces();
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => [deckIndexEntry(deck)], loadDeck: async () => deck },
    clock: () => NOON,
    sync: { url, spaces, userAgent, ...(shared ? { locks: shared.locks } : {}), startEngine: async (options) => startSyncEngine({ ...options, persistencePrefix: `${name}-${crypto.randomUUID()}/`, WebSocketPolyfill: NodeWebSocket, pollMs: 100 }) },
  });
  await store.getState().hydrate();
  cleanups.push(() => store.getState().stopSync());
  return { store, storage, spaces };
}

describe('the sync slice', () => {
  it('turns sync on, links a second device from the link, and the second sees the first one\'s reviews and settings', async () => {
    const dir = tempDir('slice');
    const server = await serverInProcess(dir);
    cleanups.push(() => cleanup(dir), () => server.stop());
    const phone = await device(server.url, 'phone');
    const laptop = await device(server.url, 'laptop');
    expect(phone.store.getState().isSyncAvailable).toBe(true);

    await study(phone.store, 'd', 2);
    await phone.store.getState().turnOnSync();
    const space = phone.store.getState().syncSpace!;
    expect(phone.spaces.code).toBe(`${space.spaceId}.${space.secret}`);
    await expect.poll(() => phone.store.getState().syncStatus?.kind, { timeout: 10_000 }).toBe('synced');

    await study(laptop.store, 'd', 1);
    const preview = await laptop.store.getState().previewJoin(syncLinkHash(space));
    expect(preview).toMatchObject({ localReviews: 1, localEvents: 1, isSameSpace: false });
    await laptop.store.getState().joinSync(preview.space);
    await expect.poll(async () => (await laptop.storage.repository.exportEvents()).cardEvents.length, { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await phone.storage.repository.exportEvents()).cardEvents.length, { timeout: 10_000 }).toBe(3);

    // A settings change on the phone reaches the laptop's store, not only its database.
    const settings = phone.store.getState().settings;
    await phone.storage.settings.saveSettings({ ...settings, desiredRetention: 0.8 });
    await expect.poll(() => laptop.store.getState().settings.desiredRetention, { timeout: 10_000 }).toBe(0.8);

    // A new space on the phone: the laptop's link is dead, the phone syncs on with a new secret.
    await phone.store.getState().startNewSpace();
    const renewed = phone.store.getState().syncSpace!;
    expect(renewed.spaceId).not.toBe(space.spaceId);
    expect(phone.store.getState().syncError).toBeNull();
    expect(phone.spaces.code).toBe(`${renewed.spaceId}.${renewed.secret}`);
    await expect.poll(() => laptop.store.getState().syncStatus, { timeout: 10_000 }).toMatchObject({ kind: 'error', message: expect.stringMatching(/revoked/) });
    await expect.poll(() => phone.store.getState().syncStatus?.kind, { timeout: 10_000 }).toBe('synced');

    await laptop.store.getState().stopSync();
    expect(laptop.store.getState()).toMatchObject({ syncSpace: null, syncStatus: null });
    expect(laptop.spaces.code).toBeNull();
    expect((await laptop.storage.repository.exportEvents()).cardEvents).toHaveLength(3);
  });

  it('a deck deleted on one device leaves the other\'s deck list, and its study session there', async () => {
    const dir = tempDir('slice-delete');
    const server = await serverInProcess(dir);
    cleanups.push(() => cleanup(dir), () => server.stop());
    const phone = await device(server.url, 'phone');
    const laptop = await device(server.url, 'laptop');
    const deckId = await phone.store.getState().createAuthoredDeck('Networks', '');
    await phone.store.getState().addCards(deckId, [{ front: 'What is TCP?', back: 'A byte stream', tags: [] }]);
    await phone.store.getState().turnOnSync();
    await laptop.store.getState().joinSync(phone.store.getState().syncSpace!);
    // The deck and its card can arrive in separate updates: wait for the card, which the session needs.
    await expect.poll(() => laptop.store.getState().decks.get(deckId)?.cards.length, { timeout: 10_000 }).toBe(1);
    await laptop.store.getState().startSession(deckId);
    expect(laptop.store.getState().session?.deckId).toBe(deckId);

    await phone.store.getState().deleteUserDeck(deckId);
    await expect.poll(() => laptop.store.getState().decks.has(deckId), { timeout: 10_000 }).toBe(false);
    expect(laptop.store.getState().deckEntries.map((entry) => entry.listing.id)).not.toContain(deckId);
    expect(laptop.store.getState().session).toBeNull();
  });

  it('lists the space\'s devices by name, from the browser by default, and a rename reaches the other device', async () => {
    const dir = tempDir('slice-devices');
    const server = await serverInProcess(dir);
    cleanups.push(() => cleanup(dir), () => server.stop());
    const phone = await device(server.url, 'phone', 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36');
    const laptop = await device(server.url, 'laptop', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0');
    await phone.store.getState().turnOnSync();
    await laptop.store.getState().joinSync(phone.store.getState().syncSpace!);
    expect(phone.store.getState().thisDeviceName).toBe('Chrome on Android');
    const names = (store: typeof phone.store) => store.getState().syncDevices.map((entry) => entry.name);
    await expect.poll(() => names(laptop.store), { timeout: 10_000 }).toEqual(['Firefox on Linux', 'Chrome on Android']);

    expect(await phone.store.getState().renameThisDevice('   ')).toMatch(/Give this device a name/);
    expect(await phone.store.getState().renameThisDevice(' Anna\'s  phone ')).toBeNull();
    expect(phone.store.getState().thisDeviceName).toBe('Anna\'s phone');
    expect(phone.spaces.loadDeviceName()).toBe('Anna\'s phone');
    await expect.poll(() => names(laptop.store), { timeout: 10_000 }).toEqual(['Firefox on Linux', 'Anna\'s phone']);

    await laptop.store.getState().stopSync();
    expect(laptop.store.getState()).toMatchObject({ syncDevices: [], thisDeviceName: null });
  });

  it('syncs from one tab per device: another tab says so, and takes over when that tab closes', async () => {
    const dir = tempDir('slice-locks');
    const server = await serverInProcess(dir);
    cleanups.push(() => cleanup(dir), () => server.stop());
    const storage = await testStorage();
    const locks = fakeLocks();
    const tabA = await device(server.url, 'tab-a', '', { storage, locks });
    const tabB = await device(server.url, 'tab-b', '', { storage, locks });
    const laptop = await device(server.url, 'laptop');
    await tabA.store.getState().turnOnSync();
    await expect.poll(() => tabA.store.getState().syncStatus?.kind, { timeout: 10_000 }).toBe('synced');
    const space = tabA.store.getState().syncSpace!;
    tabB.spaces.save(space);
    await tabB.store.getState().resumeSync();
    await expect.poll(() => tabB.store.getState().syncStatus?.kind).toBe('other-tab');
    await laptop.store.getState().joinSync(space);

    // Tab A closes: tab B takes over, and what tab B studies now reaches the laptop.
    locks.closeHolder();
    await tabA.store.getState().stopSync();
    tabB.spaces.save(space);
    await expect.poll(() => tabB.store.getState().syncStatus?.kind, { timeout: 10_000 }).toBe('synced');
    await study(tabB.store, 'd', 1);
    await expect.poll(async () => (await laptop.storage.repository.exportEvents()).cardEvents.length, { timeout: 10_000 }).toBe(1);
  });

  it('is hidden without a sync server in the build', async () => {
    const storage = await testStorage();
    const store = createStudyStore({ openRepository: async () => storage.opened, deckSource: { listDecks: async () => [], loadDeck: async () => deck }, clock: () => NOON });
    await store.getState().hydrate();
    expect(store.getState().isSyncAvailable).toBe(false);
    await store.getState().turnOnSync();
    expect(store.getState().syncSpace).toBeNull();
  });
});
