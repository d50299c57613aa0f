/**
 * The devices of bench/sync-initial.mjs, bundled by it for Node: a source device whose log holds
 * `reviews` review events spread over `months` months, which syncs them up to the server, and a
 * fresh device whose first sync is timed until every event is in its storage and every card's
 * state is replayed. Both are the Node client path of the tests (src/sync/test-harness.ts):
 * a Flipdeck database on fake-indexeddb and the real sync engine over `ws`.
 */
import { createSyncSpace } from '../src/domain/sync';
import type { CardState } from '../src/domain/scheduling/types';
import { DECK, Device, reviewEvents } from '../src/sync/test-harness';

export { serverProcess } from '../src/sync/test-harness';

const DAY_MS = 24 * 3600_000;

export interface Seeded {
  readonly source: Device;
  readonly cards: number;
  readonly seedMs: number;
  readonly uploadMs: number;
}

/** A device holding the reviews, synced up to the server at `url` in a new space. */
export async function seedSource(url: string, reviews: number, cards: number, months: number, start: number): Promise<Seeded & { space: ReturnType<typeof createSyncSpace> }> {
  const space = createSyncSpace((length) => crypto.getRandomValues(new Uint8Array(length)));
  const source = await Device.open('bench-source', start + months * 30 * DAY_MS);
  const events = reviewEvents(source.repository.deviceId, (at) => source.repository.newEventId(at), reviews, cards, months, start);
  let began = performance.now();
  await source.repository.importEvents(events);
  const seedMs = performance.now() - began;
  began = performance.now();
  source.sync(space, url, { pollMs: 60_000 });
  await source.engine!.whenIdle(600_000);
  const uploadMs = performance.now() - began;
  return { source, space, cards, seedMs, uploadMs };
}

export interface FirstSync {
  readonly totalMs: number;
  readonly events: number;
  readonly states: number;
  readonly merges: number;
  /** Of totalMs, the time spent in the repository's importEvents. */
  readonly importMs: number;
  readonly statesMatch: boolean;
  /** [ms since start, merged, known] as the engine reported it. */
  readonly progress: readonly (readonly [number, number, number])[];
}

/** A fresh device joins the space; resolves once its first sync has merged everything. */
export async function firstSync(url: string, seeded: Seeded & { space: ReturnType<typeof createSyncSpace> }, expected: number): Promise<FirstSync> {
  const device = await Device.open('bench-fresh', Date.now());
  const progress: [number, number, number][] = [];
  let merges = 0;
  let importMs = 0;
  const repository = device.repository;
  const timedRepository: typeof repository = {
    ...repository,
    importEvents: async (events) => {
      const at = performance.now();
      try {
        return await repository.importEvents(events);
      } finally {
        importMs += performance.now() - at;
      }
    },
  };
  const began = performance.now();
  device.sync(seeded.space, url, {
    repository: timedRepository,
    pollMs: 60_000,
    onMerged: () => {
      merges++;
    },
    onStatus: (status) => {
      if (status.kind === 'syncing' && status.progress !== undefined) progress.push([Math.round(performance.now() - began), status.progress.merged, status.progress.known]);
    },
  });
  await device.engine!.whenIdle(600_000);
  const totalMs = performance.now() - began;
  const { cardEvents } = await device.repository.exportEvents();
  const states = await device.repository.loadDeckStates(DECK);
  const sourceStates = await seeded.source.repository.loadDeckStates(DECK);
  const key = (list: readonly CardState[]) => JSON.stringify([...list].sort((a, b) => (a.cardId < b.cardId ? -1 : 1)));
  await device.close();
  return { totalMs, importMs, events: cardEvents.length === expected ? expected : cardEvents.length, states: states.length, merges, statesMatch: key(states) === key(sourceStates), progress };
}
