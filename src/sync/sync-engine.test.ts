/**
 * The sync engine against the real Hocuspocus server (sync-server/), started by each test on a
 * free loopback port: devices converge, offline work merges, nothing is doubled, and what is
 * refused or tampered with is reported, never applied.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncSpace } from '../domain/sync';
import { cleanup, Device, serverInProcess, tempDir } from './test-harness';

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
