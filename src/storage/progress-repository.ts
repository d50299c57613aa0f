/**
 * Progress storage on the event log (schema v3), with its one implementation on Dexie. When
 * IndexedDB is refused, the same code runs on an in-memory IndexedDB (memory-storage.ts).
 *
 * The events are the record of truth; the cardStates table is the cache of replaying them
 * (src/domain/events/replay.ts), rebuilt for a card in the same rw transaction that appends its
 * events. Reviews are read back as the effective ones: a review an undo event took back is gone
 * from every read, though its event stays in the log.
 *
 * Every method speaks domain types and throws only StorageError. A row that does not parse is
 * skipped and reported via `onCorruptRow`, never thrown.
 */
import Dexie from 'dexie';
import { isDeletedBy } from '../domain/authoring/deck-deletion';
import { createEventIdGenerator, type EventIdGenerator } from '../domain/events/event-id';
import { compareEvents } from '../domain/events/order';
import { cardKey, replayAll, replayCard } from '../domain/events/replay';
import { createSettingsTimeline, type SettingsAt } from '../domain/events/settings-log';
import { asDeviceId, asEventId, type CardEvent, type DeviceId, type EventId, type ProgressEvent, type ReviewEvent, type SettingsEvent } from '../domain/events/types';
import { asCardId } from '../domain/ids';
import type { CardId, DeckId } from '../domain/ids';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import { dexieCardProgress } from './card-progress';
import type { CardProgressMethods } from './card-progress';
import type { Table } from 'dexie';
import type { FlipdeckDb } from './db';
import { storedTombstones } from './deck-tombstones';
import { cardEventFromRow, cardEventToRow, settingsEventFromRow, settingsEventToRow } from './event-rows';
import { cardStateFromRow, cardStateToRow, isSameCardState, type CardStateRow } from './progress-rows';
import type { RowProblem, RowResult } from './row-parse';
import { corruptUndoError, inconsistentReviewError, staleReviewError, toStorageError, undoConflictError } from './storage-error';
import type { StorageOperation } from './storage-error';

export interface AppendOptions {
  /**
   * The state the caller computed from (null: the card was new). When the cached state is no
   * longer this one (another tab changed the card since this one read it), nothing is written and
   * the append refuses with a 'conflict' StorageError. Omit it to append regardless (suspend, reset).
   */
  readonly expectedState?: CardState | null;
}

/** What an import merged in. */
export interface ImportResult {
  readonly cardEventsAdded: number;
  readonly settingsEventsAdded: number;
  /** Cards whose state was replayed because they got new events. */
  readonly cardsReplayed: number;
}

/** Where progress is kept. All times are epoch ms; every failure is a StorageError. */
export interface ProgressRepository extends CardProgressMethods {
  /** False for the in-memory fallback: progress is lost when the tab closes. */
  readonly isPersistent: boolean;
  /** This database's device id, carried by every event made here. */
  readonly deviceId: DeviceId;
  /** A new event id for an event made at `createdAt`; each is greater than the last one made here. */
  newEventId(createdAt: number): EventId;
  /** Every stored state of the deck, ordered by cardId. */
  loadDeckStates(deckId: DeckId): Promise<CardState[]>;
  /** States with dueAt < dueBeforeMs (exclusive) and phase != 'new', ordered by dueAt then cardId. */
  loadDueStates(deckId: DeckId, dueBeforeMs: number): Promise<CardState[]>;
  /** Number of stored states for the deck (cards seen at least once, or suspended before their first review). */
  countStates(deckId: DeckId): Promise<number>;
  /**
   * The card ids of every stored state of the deck, ordered by cardId. Reads keys only, so a
   * large deck learns which cards are not new without loading each state.
   */
  loadStoredCardIds(deckId: DeckId): Promise<CardId[]>;
  /** The due time of every stored card of the deck (an index read, no rows), for load balancing. */
  loadDueTimes(deckId: DeckId): Promise<number[]>;
  /** The dueAt of every stored state of every deck, from one read of the [deckId+dueAt] index (keys only): what load balancing counts. */
  loadAllDueTimes(): Promise<number[]>;
  /** The earliest dueAt >= fromMs among the deck's non-new states, or null when there is none. */
  earliestDueAt(deckId: DeckId, fromMs: number): Promise<number | null>;
  /** Effective reviews with reviewedAt >= sinceMs, in log order (time, then event id), for today's counts. */
  reviewsSince(deckId: DeckId, sinceMs: number): Promise<ReviewLogEntry[]>;
  /** The card's effective reviews in log order, with the states replay computed around each. */
  reviewHistory(deckId: DeckId, cardId: CardId): Promise<ReviewLogEntry[]>;
  /** The deck's latest effective review (ties: the greater event id), or null. */
  lastReview(deckId: DeckId): Promise<ReviewLogEntry | null>;
  /**
   * Appends events and replays every card they touch, writing the cache, in ONE rw transaction;
   * resolves (once durable) with the replayed state of the first event's card. See AppendOptions
   * for the stale check, which needs every event to be about one card.
   */
  appendCardEvents(events: readonly CardEvent[], options?: AppendOptions): Promise<CardState | null>;
  /**
   * Appends a review event for `entry` (made now, on this device), refusing with a 'conflict'
   * StorageError when the card's state is no longer `entry.before`. Resolves with the event id.
   * The id is chosen here, so for callers that did not preview the grade (imports, tests); the
   * study session makes its own event, whose id seeded the preview, and calls appendCardEvents.
   */
  recordReview(entry: ReviewLogEntry): Promise<string>;
  /**
   * Appends an undo event for review `id`. Refuses with a 'conflict' StorageError if there is no
   * such effective review, or the card has changed since it. Resolves with the review taken back.
   */
  undoReview(id: string): Promise<ReviewLogEntry>;
  /** Every card event and settings event, in log order. */
  exportEvents(): Promise<{ readonly cardEvents: CardEvent[]; readonly settingsEvents: SettingsEvent[] }>;
  /**
   * The card and settings events with createdAt >= sinceMs, in log order: what sync sends after a
   * change, without reading the whole log (an index range on createdAt).
   */
  eventsSince(sinceMs: number): Promise<ProgressEvent[]>;
  /**
   * Merges events in one transaction: ids already stored are dropped, the rest are added, and the
   * cards that got new events are replayed (every card, when a settings event was added, since a
   * settings change can reschedule any later review). Card events of a deleted deck made at or
   * before its tombstone are dropped.
   */
  importEvents(events: readonly ProgressEvent[]): Promise<ImportResult>;
  /** Replays every card from the log and rewrites the whole cache; resolves with the number of states stored. */
  rebuildAllStates(): Promise<number>;
  /** Every cached state by (deckId, cardId) and every effective review in log order. */
  exportAll(): Promise<{ cardStates: CardState[]; reviewLog: ReviewLogEntry[] }>;
}

export interface RepositoryOptions {
  /** Told about each stored row that failed validation and was skipped. Defaults to console.warn. */
  readonly onCorruptRow?: (problem: RowProblem) => void;
  /** False when the database is in memory (IndexedDB was refused); defaults to true. */
  readonly isPersistent?: boolean;
  /** Epoch ms; defaults to Date.now. */
  readonly clock?: () => number;
  /** Event ids; defaults to ULIDs from crypto.getRandomValues. */
  readonly nextEventId?: EventIdGenerator;
  /** This database's device id (repositoriesOn reads it from the database); defaults to a new random one. */
  readonly deviceId?: DeviceId;
}

/** Logs a skipped row; the app keeps working without it. */
export const warnCorruptRow = (problem: RowProblem): void => {
  console.warn(`Flipdeck skipped a damaged ${problem.table} row ${problem.rowKey}: ${problem.field} ${problem.message}`);
};

/** Refuses an entry whose before/after states belong to another card: a caller bug that would corrupt the log. */
export function assertConsistentReview(entry: ReviewLogEntry): void {
  const belongs = (state: CardState) => state.deckId === entry.deckId && state.cardId === entry.cardId;
  if (!belongs(entry.after) || (entry.before !== null && !belongs(entry.before))) throw inconsistentReviewError();
}

/**
 * Refuses a change computed from a state that is no longer the cached one. A cached row that
 * cannot be parsed was skipped when the session loaded (the card looked new), so it does not block.
 */
export function assertStateIsCurrent(expected: CardState | null, storedRow: unknown): void {
  const stored = storedRow === undefined ? null : cardStateFromRow(storedRow);
  const isCurrent = expected === null ? stored === null || !stored.ok : stored !== null && stored.ok && isSameCardState(stored.value, expected);
  if (!isCurrent) throw staleReviewError();
}

/** Keeps the parsed values, reporting each rejected row. */
export function keepValid<T>(results: readonly RowResult<T>[], report: (problem: RowProblem) => void): T[] {
  const values: T[] = [];
  for (const result of results) {
    if (result.ok) values.push(result.value);
    else report(result.problem);
  }
  return values;
}

/** A review event as a review-log entry, with the states the grading device recorded. */
export function reviewEntryOf(event: ReviewEvent, before = event.before, after = event.after): ReviewLogEntry {
  return { id: event.id, deckId: event.deckId, cardId: event.cardId, rating: event.rating, reviewedAt: event.createdAt, answerMs: event.answerMs, before, after };
}

/** The reviews among `events` that no undo among `events` took back, in log order. */
export function effectiveReviews(events: readonly CardEvent[]): ReviewLogEntry[] {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === 'undo') undone.add(event.targetId);
  return events
    .filter((event): event is ReviewEvent => event.kind === 'review' && !undone.has(event.id))
    .sort(compareEvents)
    .map((event) => reviewEntryOf(event));
}

/** Random bytes for event ids: the page's CSPRNG. */
const cryptoBytes = (length: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Which failure message an append gets: what the user was doing. */
function operationOf(events: readonly CardEvent[]): StorageOperation {
  if (events.some((event) => event.kind === 'review')) return 'save-review';
  if (events.some((event) => event.kind === 'undo')) return 'undo-review';
  return 'save-card';
}

/** Above this many touched cards, a merge reads the log once and replays in memory instead of reading each card's events. */
const MANY_CARDS = 64;

/**
 * Which of `ids` (event ids, ULIDs) a table holds: one key read over the range they span rather
 * than a get per id, so a first sync of 100,000 events costs one request here, not 100,000.
 */
async function storedIds(table: Table<unknown, string>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let low = ids[0]!;
  let high = low;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  return new Set(await table.where(':id').between(low, high, true, true).primaryKeys());
}

/** The Dexie work shared by the progress, settings and library repositories: reading events and replaying them into the cache. */
export function eventStore(db: FlipdeckDb, report: (problem: RowProblem) => void) {
  const cardEvents = (rows: readonly unknown[]) => keepValid(rows.map(cardEventFromRow), report);
  const settingsEvents = (rows: readonly unknown[]) => keepValid(rows.map(settingsEventFromRow), report);
  const settingsTimeline = async (): Promise<SettingsAt> => createSettingsTimeline(settingsEvents(await db.settingsEvents.toArray()));

  /** Replays one card from all its stored events and writes (or deletes) its cached state. Inside a rw transaction. */
  async function replayInto(deckId: DeckId, cardId: CardId, settingsAt: SettingsAt): Promise<CardState | null> {
    const events = cardEvents(await db.events.where('[deckId+cardId]').equals([deckId, cardId]).toArray());
    const { state } = replayCard(events, settingsAt);
    if (state === null) await db.cardStates.delete([deckId, cardId]);
    else await db.cardStates.put(cardStateToRow(state));
    return state;
  }

  /** Rewrites the whole cache from the log. Inside a rw transaction over events, settingsEvents and cardStates. */
  async function rebuildAll(): Promise<number> {
    const replayed = replayAll(cardEvents(await db.events.toArray()), await settingsTimeline());
    await db.cardStates.clear();
    const states = [...replayed.values()].flatMap(({ state }) => (state === null ? [] : [cardStateToRow(state)]));
    await db.cardStates.bulkPut(states);
    return states.length;
  }

  /** Adds the events whose ids are not stored yet and replays what they touch. Inside a rw transaction over all three tables. */
  async function merge(events: readonly ProgressEvent[]): Promise<ImportResult> {
    const incomingCards = new Map<string, CardEvent>();
    const incomingSettings = new Map<string, SettingsEvent>();
    for (const event of events) {
      if (event.kind === 'settings') incomingSettings.set(event.id, event);
      else incomingCards.set(event.id, event);
    }
    const storedCards = await storedIds(db.events, [...incomingCards.keys()]);
    const storedSettings = await storedIds(db.settingsEvents, [...incomingSettings.keys()]);
    const newCards = [...incomingCards.values()].filter((event) => !storedCards.has(event.id));
    const newSettings = [...incomingSettings.values()].filter((event) => !storedSettings.has(event.id));
    const touched = new Map(newCards.map((event) => [cardKey(event), event]));
    // Many cards at once (a first sync): their stored events in one indexed read, before the new
    // ones join them. Only the touched cards' rows are read, so a batch costs what it brings.
    const earlier =
      touched.size > MANY_CARDS && newSettings.length === 0
        ? cardEvents(await db.events.where('[deckId+cardId]').anyOf([...touched.values()].map((event) => [event.deckId, event.cardId])).toArray())
        : null;
    await db.events.bulkAdd(newCards.map(cardEventToRow));
    await db.settingsEvents.bulkAdd(newSettings.map(settingsEventToRow));
    if (newSettings.length > 0) {
      await rebuildAll();
      return { cardEventsAdded: newCards.length, settingsEventsAdded: newSettings.length, cardsReplayed: -1 };
    }
    const settingsAt = await settingsTimeline();
    if (earlier === null) {
      for (const event of touched.values()) await replayInto(event.deckId, event.cardId, settingsAt);
    } else {
      const replayed = replayAll([...earlier, ...newCards], settingsAt);
      const kept = [...replayed.values()].flatMap(({ state }) => (state === null ? [] : [cardStateToRow(state)]));
      const gone = [...replayed.keys()].filter((key) => replayed.get(key)!.state === null).map((key) => touched.get(key)!);
      await db.cardStates.bulkPut(kept);
      await db.cardStates.bulkDelete(gone.map((event): [string, string] => [event.deckId, event.cardId]));
    }
    return { cardEventsAdded: newCards.length, settingsEventsAdded: 0, cardsReplayed: touched.size };
  }

  /**
   * merge for a big batch of card events (an import with its history), with the same outcome in
   * far fewer requests: a card that has no stored events yet is replayed from its incoming events
   * alone, without reading them back, and an id already stored is found by its add failing
   * (ConstraintError) rather than by reading every id first. Works a chunk of about `chunkEvents`
   * events at a time (a card is never split); the next chunk's add is queued before this one's
   * cards are replayed, so IndexedDB always has work while the page replays, and no main-thread
   * task holds much more than one chunk's copying and replay. Inside a rw transaction over
   * events, settingsEvents and cardStates; resolves with how many events were added.
   */
  async function mergeCardEvents(events: readonly CardEvent[], chunkEvents = MERGE_CHUNK_EVENTS): Promise<number> {
    const byCard = new Map<string, Map<string, CardEvent>>();
    for (const event of events) {
      const key = cardKey(event);
      const card = byCard.get(key) ?? new Map<string, CardEvent>();
      card.set(event.id, event);
      byCard.set(key, card);
    }
    // Which of these cards have events stored already (their replay must read them): one key scan per deck.
    const withStored = new Set<string>();
    for (const deckId of new Set(events.map((event) => event.deckId))) {
      const keys = await db.events.where('[deckId+cardId]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).uniqueKeys();
      for (const key of keys) if (Array.isArray(key) && typeof key[1] === 'string') withStored.add(cardKey({ deckId, cardId: asCardId(key[1]) }));
    }
    const settingsAt = await settingsTimeline();
    const chunks = chunkByCard([...byCard.values()].map((card) => [...card.values()]), chunkEvents);
    const queueAdd = (chunk: readonly CardEvent[][] | undefined) => {
      if (chunk === undefined) return null;
      const adding = addNew(chunk.flat());
      // If it fails, the transaction aborts and every later request rejects too; the first failure is the one thrown.
      adding.catch(() => undefined);
      return adding;
    };
    let added = 0;
    let adding = queueAdd(chunks[0]);
    for (let i = 0; i < chunks.length; i += 1) {
      const next = queueAdd(chunks[i + 1]);
      const isAdded = await adding!;
      const toPut: CardStateRow[] = [];
      const toDelete: [string, string][] = [];
      let offset = 0;
      for (const card of chunks[i]!) {
        const fresh = card.filter((_, j) => isAdded[offset + j]);
        offset += card.length;
        if (fresh.length === 0) continue;
        added += fresh.length;
        const { deckId, cardId } = fresh[0]!;
        if (withStored.has(cardKey(fresh[0]!))) {
          await replayInto(deckId, cardId, settingsAt);
          continue;
        }
        // Nothing else is stored for this card, so its log is exactly what was just added.
        const { state } = replayCard(fresh, settingsAt);
        if (state === null) toDelete.push([deckId, cardId]);
        else toPut.push(cardStateToRow(state));
      }
      const writing = Promise.all([db.cardStates.bulkPut(toPut), db.cardStates.bulkDelete(toDelete)]);
      writing.catch(() => undefined);
      if (next === null) await writing;
      adding = next;
    }
    return added;
  }

  /** Adds the events; for each, whether it was added (false: an event with its id is stored already). */
  async function addNew(chunk: readonly CardEvent[]): Promise<boolean[]> {
    const isAdded = chunk.map(() => true);
    try {
      await db.events.bulkAdd(chunk.map(cardEventToRow));
    } catch (error) {
      // Dexie keeps the transaction alive past failed adds when the BulkError is caught; any
      // failure other than "this id is stored" is real and aborts the whole import.
      if (!(error instanceof Dexie.BulkError)) throw error;
      for (const [position, failure] of Object.entries(error.failuresByPos)) {
        if (failure.name !== 'ConstraintError') throw failure;
        isAdded[Number(position)] = false;
      }
    }
    return isAdded;
  }

  return { cardEvents, settingsEvents, settingsTimeline, replayInto, rebuildAll, merge, mergeCardEvents };
}

/**
 * Events per chunk of mergeCardEvents. Queuing a review event row for IndexedDB costs the page
 * about 50–140 µs (it is copied, with the states before and after), and replaying its card a few
 * tens more, so 300 keep a chunk's task (the next chunk's copying and this one's replay) near 50 ms on a busy 2-core machine.
 */
export const MERGE_CHUNK_EVENTS = 300;

/** Cards (each its events) in runs of about `size` events; a card is never split, so one larger than `size` is a run alone. */
export function chunkByCard<T>(cards: readonly (readonly T[])[], size: number): T[][][] {
  const chunks: T[][][] = [];
  let current: T[][] = [];
  let count = 0;
  for (const card of cards) {
    if (current.length > 0 && count + card.length > size) {
      chunks.push(current);
      current = [];
      count = 0;
    }
    current.push([...card]);
    count += card.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The due times in [deckId, dueAt] index keys; a key of another shape has no usable due time and is skipped. */
const dueTimesOf = (keys: readonly unknown[]): number[] =>
  keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'number' && Number.isFinite(key[1]) ? [key[1] as number] : []));

/** A new random device id: an event id made now, so it is as unique as one. */
export const newDeviceId = (nowMs: number): DeviceId => asDeviceId(createEventIdGenerator(cryptoBytes)(nowMs));

/** Creates the IndexedDB-backed repository on an (opening or open) FlipdeckDb. */
export function createDexieRepository(db: FlipdeckDb, options: RepositoryOptions = {}): ProgressRepository {
  const report = options.onCorruptRow ?? warnCorruptRow;
  const clock = options.clock ?? (() => Date.now());
  const nextEventId = options.nextEventId ?? createEventIdGenerator(cryptoBytes);
  const deviceId = options.deviceId ?? newDeviceId(clock());
  const states = (rows: readonly unknown[]) => keepValid(rows.map(cardStateFromRow), report);
  const log = eventStore(db, report);
  const { cardEvents } = log;
  const progressTables = [db.events, db.settingsEvents, db.cardStates];

  // Every call funnels its failure through one mapping, so callers only ever see StorageError.
  const run = async <T>(operation: StorageOperation, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, operation);
    }
  };

  const appendCardEvents = (events: readonly CardEvent[], appendOptions: AppendOptions = {}) =>
    run(operationOf(events), () =>
      // Dexie resolves only after the transaction's complete event, which with strict
      // durability (see db.ts) comes after the flush to disk.
      db.transaction('rw', progressTables, async () => {
        const first = events[0];
        if (first === undefined) return null;
        if (appendOptions.expectedState !== undefined) {
          if (events.some((event) => cardKey(event) !== cardKey(first))) throw inconsistentReviewError();
          assertStateIsCurrent(appendOptions.expectedState, await db.cardStates.get([first.deckId, first.cardId]));
        }
        await db.events.bulkAdd(events.map(cardEventToRow));
        const settingsAt = await log.settingsTimeline();
        const touched = new Map(events.map((event) => [cardKey(event), event]));
        let firstState: CardState | null = null;
        for (const [key, event] of touched) {
          const state = await log.replayInto(event.deckId, event.cardId, settingsAt);
          if (key === cardKey(first)) firstState = state;
        }
        return firstState;
      }),
    );

  /** Effective reviews among the events in [sinceMs, untilMs]; undo events up to the end of the log count. */
  async function reviewsIn(deckId: DeckId | null, sinceMs: number, untilMs: number): Promise<ReviewLogEntry[]> {
    if (Number.isNaN(sinceMs) || Number.isNaN(untilMs) || sinceMs > untilMs) return [];
    // An undo is made after its review, so every undo of a review in range is at or after sinceMs.
    const rows =
      deckId === null
        ? await db.events.where('createdAt').aboveOrEqual(sinceMs).toArray()
        : await db.events.where('[deckId+createdAt]').between([deckId, sinceMs], [deckId, Infinity], true, true).toArray();
    return effectiveReviews(cardEvents(rows)).filter((entry) => entry.reviewedAt <= untilMs);
  }

  return {
    isPersistent: options.isPersistent ?? true,
    deviceId,
    newEventId: (createdAt) => nextEventId(createdAt),
    ...dexieCardProgress(db, { run, states, reviewsIn }),

    loadDeckStates: (deckId) => run('load', async () => states(await db.cardStates.where('deckId').equals(deckId).toArray())),

    loadDueStates: (deckId, dueBeforeMs) =>
      run('load', async () => {
        // IndexedDB rejects NaN as a key; an impossible cutoff simply matches nothing.
        if (Number.isNaN(dueBeforeMs) || dueBeforeMs === -Infinity) return [];
        const rows = await db.cardStates
          .where('[deckId+dueAt]')
          .between([deckId, -Infinity], [deckId, dueBeforeMs], true, false)
          .toArray();
        return states(rows).filter((state) => state.phase !== 'new');
      }),

    countStates: (deckId) => run('load', () => db.cardStates.where('deckId').equals(deckId).count()),

    loadStoredCardIds: (deckId) =>
      run('load', async () => {
        const keys = await db.cardStates.where('deckId').equals(deckId).primaryKeys();
        // Keys are [deckId, cardId]; a key of another shape cannot name a card and is skipped.
        return keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [asCardId(key[1])] : []));
      }),

    loadDueTimes: (deckId) =>
      run('load', async () => {
        return dueTimesOf(await db.cardStates.where('[deckId+dueAt]').between([deckId, -Infinity], [deckId, Infinity], true, true).keys());
      }),

    loadAllDueTimes: () =>
      run('load', async () => {
        return dueTimesOf(await db.cardStates.orderBy('[deckId+dueAt]').keys());
      }),

    earliestDueAt: (deckId, fromMs) =>
      run('load', async () => {
        if (Number.isNaN(fromMs) || fromMs === Infinity) return null;
        // Walks the [deckId+dueAt] index from fromMs and stops at the first valid non-new state.
        const row = await db.cardStates
          .where('[deckId+dueAt]')
          .between([deckId, fromMs], [deckId, Infinity], true, true)
          .filter((candidate) => states([candidate]).some((state) => state.phase !== 'new'))
          .first();
        return row === undefined ? null : row.dueAt;
      }),

    reviewsSince: (deckId, sinceMs) => run('load', () => reviewsIn(deckId, sinceMs, Infinity)),

    reviewHistory: (deckId, cardId) =>
      run('load', async () => {
        const events = cardEvents(await db.events.where('[deckId+cardId]').equals([deckId, cardId]).toArray());
        const { reviews } = replayCard(events, await log.settingsTimeline());
        return reviews.map(({ event, before, after }) => reviewEntryOf(event, before, after));
      }),

    lastReview: (deckId) =>
      run('load', async () => {
        // Newest first; an undo comes after its review, so by the time a review is reached every
        // undo that could take it back has been seen.
        const undone = new Set<string>();
        let found: ReviewEvent | null = null;
        await db.events
          .where('[deckId+createdAt]')
          .between([deckId, -Infinity], [deckId, Infinity], true, true)
          .reverse()
          .until(() => found !== null)
          .each((row) => {
            const [event] = cardEvents([row]);
            if (event?.kind === 'undo') undone.add(event.targetId);
            else if (event?.kind === 'review' && !undone.has(event.id)) found = event;
          });
        const last: ReviewEvent | null = found;
        return last === null ? null : reviewEntryOf(last);
      }),

    appendCardEvents,

    recordReview: async (entry) => {
      try {
        assertConsistentReview(entry);
      } catch (error) {
        throw toStorageError(error, 'save-review');
      }
      const id = nextEventId(entry.reviewedAt);
      const event: ReviewEvent = {
        id,
        deviceId,
        createdAt: entry.reviewedAt,
        deckId: entry.deckId,
        cardId: entry.cardId,
        kind: 'review',
        rating: entry.rating,
        answerMs: entry.answerMs,
        before: entry.before,
        after: entry.after,
      };
      await appendCardEvents([event], { expectedState: entry.before });
      return id;
    },

    undoReview: (id) =>
      run('undo-review', () =>
        db.transaction('rw', progressTables, async () => {
          const row = await db.events.get(id);
          if (row === undefined) throw undoConflictError('missing');
          const parsed = cardEventFromRow(row);
          if (!parsed.ok) {
            report(parsed.problem);
            throw corruptUndoError();
          }
          const target = parsed.value;
          if (target.kind !== 'review') throw undoConflictError('missing');
          const events = cardEvents(await db.events.where('[deckId+cardId]').equals([target.deckId, target.cardId]).toArray());
          if (events.some((event) => event.kind === 'undo' && event.targetId === target.id)) throw undoConflictError('missing');
          const undone = new Set(events.flatMap((event) => (event.kind === 'undo' ? [event.targetId] : [])));
          const effective = events.filter((event) => event.kind !== 'undo' && !undone.has(event.id)).sort(compareEvents);
          // Only the card's latest change can be taken back: anything after it was computed from it.
          if (effective.at(-1)?.id !== target.id) throw undoConflictError('changed');
          const createdAt = Math.max(clock(), target.createdAt);
          const undo: CardEvent = { id: nextEventId(createdAt), deviceId, createdAt, deckId: target.deckId, cardId: target.cardId, kind: 'undo', targetId: asEventId(target.id) };
          await db.events.add(cardEventToRow(undo));
          await log.replayInto(target.deckId, target.cardId, await log.settingsTimeline());
          return reviewEntryOf(target);
        }),
      ),

    exportEvents: () =>
      run('load', () =>
        db.transaction('r', db.events, db.settingsEvents, async () => ({
          cardEvents: cardEvents(await db.events.toArray()).sort(compareEvents),
          settingsEvents: log.settingsEvents(await db.settingsEvents.toArray()).sort(compareEvents),
        })),
      ),

    eventsSince: (sinceMs) =>
      run('load', () =>
        db.transaction('r', db.events, db.settingsEvents, async () => {
          if (Number.isNaN(sinceMs)) return [];
          const cards = cardEvents(await db.events.where('createdAt').aboveOrEqual(sinceMs).toArray());
          const settings = log.settingsEvents(await db.settingsEvents.where('createdAt').aboveOrEqual(sinceMs).toArray());
          return [...cards, ...settings].sort(compareEvents);
        }),
      ),

    importEvents: (events) =>
      run('restore', () =>
        db.transaction('rw', [...progressTables, db.contentEvents], async () => {
          // A deleted deck's events made before its tombstone never come back (deck-deletion.ts).
          const tombstones = await storedTombstones(db, events.flatMap((event) => (event.kind === 'settings' ? [] : [event.deckId])), report);
          return log.merge(tombstones.size === 0 ? events : events.filter((event) => event.kind === 'settings' || !isDeletedBy(event, tombstones)));
        }),
      ),

    rebuildAllStates: () => run('save-card', () => db.transaction('rw', progressTables, () => log.rebuildAll())),

    exportAll: () =>
      run('load', () =>
        // One read transaction, so the states and the log are a consistent snapshot.
        db.transaction('r', db.cardStates, db.events, async () => ({
          cardStates: states(await db.cardStates.toArray()),
          reviewLog: effectiveReviews(cardEvents(await db.events.toArray())),
        })),
      ),
  };
}
