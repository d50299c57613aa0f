/**
 * Faults around the real server, run as its own process (the build `npm run sync-server` runs):
 * killed mid-sync and restarted from its SQLite file, and two nodes sharing one Redis.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncSpace } from '../domain/sync';
import { cleanup, Device, freePort, hasRedis, serverProcess, startRedis, tempDir } from './test-harness';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const task of cleanups.splice(0).reverse()) await task();
});

async function device(name: string): Promise<Device> {
  const opened = await Device.open(`${name}-${crypto.randomUUID()}`, NOW);
  cleanups.push(() => opened.close());
  return opened;
}

describe('the server killed mid-sync', () => {
  it('restarts from its SQLite file with nothing lost, and clients catch up', async () => {
    const dataDir = tempDir('sync-kill');
    cleanups.push(() => cleanup(dataDir));
    const port = await freePort();
    const first = await serverProcess({ dataDir, port });
    cleanups.push(() => first.stop('SIGKILL'));
    const space = createSyncSpace(random);
    const phone = await device('phone');
    const laptop = await device('laptop');
    phone.sync(space, first.url);
    for (let i = 0; i < 40; i++) await phone.study(`c${i % 10}`);
    await phone.engine!.whenIdle();
    // Past the store debounce: what the phone sent is in the file now.
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Killed (no flush) while the phone is sending more.
    const more = (async () => {
      for (let i = 0; i < 20; i++) await phone.study(`k${i % 5}`);
    })();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await first.stop('SIGKILL')).toBeNull();
    await more;

    const second = await serverProcess({ dataDir, port });
    cleanups.push(() => second.stop());
    // The laptop joins before the phone is back: it gets what the file kept.
    laptop.sync(space, second.url);
    await laptop.engine!.whenIdle();
    expect((await laptop.snapshot()).eventIds.length).toBeGreaterThanOrEqual(40);
    // The phone reconnects by itself and sends what the dead node never stored.
    await phone.engine!.whenIdle(30_000);
    await laptop.engine!.whenIdle();
    const [a, b] = [await phone.snapshot(), await laptop.snapshot()];
    expect(a.eventIds).toHaveLength(60);
    expect(b).toEqual(a);

    // SIGTERM flushes and exits cleanly.
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(second.output()).toMatch(/SIGTERM: closing connections and writing documents/);
  });
});

describe.skipIf(!hasRedis())('two nodes sharing one Redis', () => {
  it('the phone on node 1 and the laptop on node 2 converge, live and after offline work', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const dirs = [tempDir('sync-node1'), tempDir('sync-node2')];
    cleanups.push(() => dirs.forEach(cleanup));
    const node1 = await serverProcess({ dataDir: dirs[0]!, redisUrl: redis.url, name: 'node-1' });
    cleanups.push(() => node1.stop());
    const node2 = await serverProcess({ dataDir: dirs[1]!, redisUrl: redis.url, name: 'node-2' });
    cleanups.push(() => node2.stop());
    expect(node1.url).not.toBe(node2.url);

    const space = createSyncSpace(random);
    const phone = await device('phone');
    const laptop = await device('laptop');
    await phone.study('offline-phone');
    await laptop.study('offline-laptop');
    phone.sync(space, node1.url);
    laptop.sync(space, node2.url);
    await phone.engine!.whenIdle();
    await laptop.engine!.whenIdle();
    await expect.poll(async () => (await laptop.snapshot()).eventIds.length, { timeout: 15_000 }).toBe(2);

    // Live: a grade on the phone reaches the laptop through node 1 -> Redis -> node 2.
    await phone.study('live');
    await phone.engine!.whenIdle();
    await expect.poll(async () => (await laptop.snapshot()).eventIds.length, { timeout: 15_000 }).toBe(3);
    await expect.poll(async () => (await phone.snapshot()).eventIds.length, { timeout: 15_000 }).toBe(3);
    expect(await laptop.snapshot()).toEqual(await phone.snapshot());
  });
});
