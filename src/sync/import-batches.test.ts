import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { cardKey } from '../domain/events/replay';
import type { DeviceId, ProgressEvent, SettingsEvent } from '../domain/events/types';
import { createEventIdGenerator } from '../domain/events/event-id';
import { openRepository } from '../storage/open-repository';
import { importBatches } from './import-batches';
import { DECK, reviewEvents } from './test-harness';

const START = Date.UTC(2025, 0, 1);
const DEVICE = 'device-a' as DeviceId;
const newId = createEventIdGenerator((length) => new Uint8Array(length).fill(7));

/** 600 reviews of 150 cards over 3 months (4 per card), plus a settings change. */
function sample(): ProgressEvent[] {
  const settings: SettingsEvent = { id: newId(START + 1), deviceId: DEVICE, createdAt: START + 1, kind: 'settings', scope: { kind: 'study' }, values: { desiredRetention: 0.85 } };
  return [...reviewEvents(DEVICE, newId, 600, 150, 3, START), settings];
}

/** A shuffle fixed by its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const open = (name: string) => openRepository({ dbName: name, indexedDB: new IDBFactory(), IDBKeyRange, clock: () => START, onCorruptRow: () => {} });

describe('importBatches', () => {
  it('hands over every event once, keeps each card in one batch, puts settings first and stays under the size', () => {
    const events = sample();
    const batches = importBatches(shuffled(events, 3), 50);
    expect(batches.flat().map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(batches.every((batch) => batch.length <= 50)).toBe(true);
    expect(batches[0]![0]!.kind).toBe('settings');
    const batchOf = new Map<string, number>();
    batches.forEach((batch, index) =>
      batch.forEach((event) => {
        if (event.kind === 'settings') return;
        const key = cardKey(event);
        expect(batchOf.get(key) ?? index).toBe(index);
        batchOf.set(key, index);
      }),
    );
    expect(batchOf.size).toBe(150);
  });

  it('gives a card with more events than a batch holds a batch of its own', () => {
    const events = reviewEvents(DEVICE, newId, 30, 1, 1, START);
    expect(importBatches(events, 10)).toEqual([events]);
  });

  it('splits the same events the same way whatever order they arrive in', () => {
    const events = sample();
    const shape = (batches: ProgressEvent[][]) => batches.map((batch) => batch.map((event) => event.id).sort());
    const byCardSets = (batches: ProgressEvent[][]) => shape(batches).flat().sort();
    expect(byCardSets(importBatches(shuffled(events, 1), 40))).toEqual(byCardSets(importBatches(shuffled(events, 2), 40)));
    expect(shape(importBatches(events, 40))).toEqual(shape(importBatches(events, 40)));
  });

  it('leaves storage with the same states as one import of everything, over events it already had', async () => {
    const events = sample();
    // The settings change is already stored, so neither import rebuilds everything.
    const earlier = events.filter((event) => event.kind === 'settings' || event.createdAt < START + 30 * 24 * 3600_000);
    const whole = await open('whole');
    const batched = await open('batched');
    for (const storage of [whole, batched]) await storage.repository.importEvents(earlier);
    await whole.repository.importEvents(shuffled(events, 5));
    // Batches of 20 events touch at most 20 cards: storage takes its per-card path; the whole import takes the bulk one.
    for (const batch of importBatches(shuffled(events, 6), 20)) await batched.repository.importEvents(batch);
    const states = async (storage: typeof whole) => (await storage.repository.loadDeckStates(DECK)).sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
    expect((await states(batched)).length).toBe(150);
    expect(await states(batched)).toEqual(await states(whole));
    expect((await batched.repository.exportEvents()).cardEvents.length).toBe(600);
  }, 60_000);
});
