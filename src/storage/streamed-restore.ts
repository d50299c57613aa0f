/**
 * Restoring a backup file as a stream: the file is read in 4 MiB slices, each slice's items are
 * checked by the same row parsers IndexedDB rows go through, merged by event id against what this
 * browser holds (the rules of domain/backup/restore-plan.ts) and, when writing, written in chunks.
 * Memory follows the largest single item (a deck row), one id per event and, while writing, each
 * new card event as replay needs it (a review without its recorded states); never the file: a
 * 176 MiB backup is never one string.
 *
 * Two passes over the same file, the way the screen asks: `previewBackupStream` checks every row
 * and counts what a restore would change, writing nothing; `restoreBackupStream` reads it again and
 * writes inside ONE rw transaction, merging against the data it reads inside that transaction. Any
 * bad row, read error or failed write aborts that transaction, so every table stays as it was.
 *
 * Merging asks IndexedDB nothing per event: each pass first reads the ids of every stored event
 * (keys only), and an event is new when its id is neither among them nor earlier in the file. At the
 * end of the write, each card that got a new event (every card with a log here too, when a settings
 * event was added, since it can reschedule any later review) is replayed once into the cardStates
 * cache: from the new events kept in memory, or, for a card that had a log here, from that log
 * read back. So a restore into an empty browser reads nothing back.
 *
 * Content events (decks written in the app) merge the same way, and each authored deck they touch
 * is replayed into its cached deck row at the end. A format-1 backup (states, review rows,
 * settings) is converted at the end, with the same legacy conversion as the database upgrade
 * (domain/events/legacy.ts), so its events get the ids an upgraded browser already has; it holds
 * no more than its states and reviews, which are kept until then.
 * Both run in a Worker in the app (restore-worker.ts), so the page stays responsive.
 */
import Dexie from 'dexie';
import { BackupScanner, type ScanOutput } from '../domain/backup/backup-scanner';
import { deckVerdict, type BackupPreview, type BackupProgress, type DeckMediaFile } from '../domain/backup/restore-plan';
import type { UserDeck } from '../domain/deck/user-deck';
import { legacyCardEvents, legacySettingsEvent } from '../domain/events/legacy';
import { cardKey, type StateEvent } from '../domain/events/replay';
import { replayCardState, stateEventOf } from '../domain/events/replay-state';
import type { ProgressEvent, SettingsEvent } from '../domain/events/types';
import { ImportError, importError, type ImportIssue } from '../domain/import/import-error';
import { sniffBinary } from '../domain/import/decode-text';
import { BACKUP_FORMAT } from '../domain/import/parse-deck-json';
import type { CardState } from '../domain/scheduling/types';
import { BACKUP_VERSION, assertBackupSize, describeProblem, mediaFileFromJson } from './backup-file';
import type { FlipdeckDb } from './db';
import { cardEventFromRow, cardEventToRow, settingsEventFromRow, settingsEventToRow, type CardEventRow } from './event-rows';
import { eventStore, warnCorruptRow } from './progress-repository';
import { cardStateFromRow, cardStateToRow, reviewLogEntryFromRow, type CardStateRow, type LegacyReview } from './progress-rows';
import type { RowResult } from './row-parse';
import { STUDY_SETTINGS_KEY, settingsFromRow } from './settings-rows';
import { toStorageError } from './storage-error';
import { mediaToRow, userDeckFromRow, userDeckToRow } from './user-deck-rows';
import { contentEventFromRow, contentEventToRow } from './content-rows';
import { replayAuthoredDeck } from './content-repository';
import { touchedDecks } from '../domain/authoring/content-replay';
import type { ContentEvent } from '../domain/authoring/types';
import { asCardId, asDeckId, type CardId, type DeckId } from '../domain/ids';

export type { BackupPreview, BackupProgress } from '../domain/backup/restore-plan';

export type BackupProgressListener = (progress: BackupProgress) => void;

/** How a pass reads and writes; tests shrink both to exercise many slices and chunks on small files. */
export interface StreamOptions {
  readonly onProgress?: BackupProgressListener;
  readonly sliceBytes?: number;
  readonly chunkRows?: number;
}

/**
 * Bytes read per slice: about 6,000 events. Each read of a chosen file has a fixed cost: reading a
 * 195 MiB backup took 1.0-1.5 s in 1 MiB slices and about 0.8 s in 4 MiB ones (Chromium, a worker).
 */
export const READ_SLICE_BYTES = 4 * 1024 * 1024;
/** Rows per bulk call; with two calls in flight IndexedDB works on one while the next is queued. */
export const WRITE_CHUNK_ROWS = 1_000;
const MAX_REPORTED = 20;
const LISTS: ReadonlySet<string> = new Set(['decks', 'media', 'events', 'settingsEvents', 'contentEvents', 'cardStates', 'reviewLog']);
// Backups written before images were kept have no "media" list; every other list of the version is required.
const REQUIRED_LISTS: Readonly<Record<1 | 2, readonly string[]>> = { 1: ['decks', 'cardStates', 'reviewLog'], 2: ['decks', 'events', 'settingsEvents'] };

/**
 * Reads one slice of the file. Inside the restore's transaction nothing but IndexedDB work may be
 * awaited, or the transaction commits half way: in a worker the slice is read synchronously
 * (FileReaderSync), elsewhere (tests, no workers) the read is awaited under Dexie.waitFor, which
 * keeps the transaction alive by queueing requests until the read is done.
 */
type ReadSlice = (slice: Blob) => ArrayBuffer | Promise<ArrayBuffer>;
const readAsync: ReadSlice = (slice) => slice.arrayBuffer();

interface SyncReader {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}
/** FileReaderSync, which only dedicated workers have; null elsewhere. */
function syncReader(): SyncReader | null {
  const Reader = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;
  return Reader === undefined ? null : new Reader();
}
function readInTransaction(): ReadSlice {
  const reader = syncReader();
  return reader === null ? (slice) => Dexie.waitFor(slice.arrayBuffer()) : (slice) => reader.readAsArrayBuffer(slice);
}

/**
 * Reads `file` slice by slice, decoding and scanning it; `consume` gets each slice's outputs and is
 * awaited before the next slice is read, so a slow writer slows the reading, not the other way round.
 */
async function scanFile(file: Blob, source: string, sliceBytes: number, consume: (outputs: ScanOutput[], bytesRead: number) => Promise<void>, read: ReadSlice): Promise<void> {
  const scanner = new BackupScanner(source, LISTS);
  let decoder: TextDecoder | null = null;
  for (let start = 0; start < file.size; start += sliceBytes) {
    let bytes: Uint8Array;
    try {
      const buffer = read(file.slice(start, start + sliceBytes));
      bytes = new Uint8Array(buffer instanceof ArrayBuffer ? buffer : await buffer);
    } catch (error) {
      // Chromium refuses to read a chosen file that was changed or moved on disk since.
      if (error instanceof Error && error.name === 'NotReadableError') {
        throw importError('malformed', source, 'the file could not be read (it may have been changed or moved since it was chosen). Choose it again.');
      }
      throw error;
    }
    if (decoder === null) decoder = openDecoder(bytes, source);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw importError('bad-encoding', source, `the file is not UTF-8 text (near byte ${start.toLocaleString('en')}), so it is not a Flipdeck backup.`);
    }
    await consume(scanner.push(text), Math.min(file.size, start + sliceBytes));
  }
  if (decoder !== null) {
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw importError('bad-encoding', source, 'the file ends in the middle of a character: it was cut short.');
    }
    await consume(scanner.push(tail), file.size);
  }
  scanner.end();
}

function openDecoder(head: Uint8Array, source: string): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  const binary = sniffBinary(head);
  if (binary !== null) throw importError('wrong-type', source, `this is ${binary}, not a Flipdeck backup file.`);
  return new TextDecoder('utf-8', { fatal: true });
}

const ALL_TABLES = ['userDecks', 'media', 'cardStates', 'events', 'settingsEvents', 'contentEvents'] as const;

/** The event ids this browser holds, read once per pass (keys only), so the merge needs no lookup per event. */
interface KnownIds {
  readonly events: ReadonlySet<string>;
  readonly settings: ReadonlySet<string>;
  readonly content: ReadonlySet<string>;
}

const NO_IDS: KnownIds = { events: new Set(), settings: new Set(), content: new Set() };
const idSet = (keys: readonly unknown[]): Set<string> => new Set(keys.filter((key): key is string => typeof key === 'string'));

/**
 * One pass over a backup. In 'write' mode every decision is also written, and the first problem
 * throws (aborting the transaction); in 'preview' mode problems are collected (the first 20 are
 * shown) so the student sees what is wrong in one go.
 */
class BackupPass {
  private readonly issues: ImportIssue[] = [];
  private issueCount = 0;
  private format: unknown = undefined;
  private version: unknown = undefined;
  private exportedAt = 0;
  private settingsValue: unknown = undefined;
  private deckCount = 0;
  private readonly deckDecisions = new Map<string, boolean>();
  private readonly listsSeen = new Set<string>();
  private readonly mediaAwaitingDeck: DeckMediaFile[] = [];
  private known: KnownIds = NO_IDS;
  /** Write mode: the cards with events stored here (cardKey → ids), whose logs replay reads back. */
  private readonly storedCards = new Map<string, readonly [DeckId, CardId]>();
  /** Every event id met in the file, so a copy later in the file counts once. */
  private readonly seenIds = new Set<string>();
  private readonly reviewIds = new Set<string>();
  private readonly undoTargets = new Set<string>();
  private readonly backupCards = new Set<string>();
  /**
   * The cards that get a new event, by cardKey, with those events as replay needs them (write
   * mode only; a preview keeps just the keys). A card is replayed once, at the end, from these (or
   * from its log read back, when it had one here), so nothing written is read back otherwise.
   */
  private readonly touched = new Map<string, StateEvent[]>();
  private pendingCards: CardEventRow[] = [];
  private pendingSettings: SettingsEvent[] = [];
  private pendingContent: ContentEvent[] = [];
  /** The authored decks that get a new content event, replayed into their cached rows at the end. */
  private readonly touchedContentDecks = new Set<DeckId>();
  private legacyStates: CardState[] = [];
  private legacyReviews: LegacyReview[] = [];
  private readonly inFlight: Promise<unknown>[] = [];
  private readonly counts = { decksAdded: 0, decksUpdated: 0, decksKept: 0, reviewsAdded: 0, reviewsAlreadyPresent: 0, imagesRestored: 0, settingsAdded: 0 };
  private readonly log: ReturnType<typeof eventStore>;

  constructor(
    private readonly db: FlipdeckDb,
    private readonly source: string,
    private readonly isWriting: boolean,
    private readonly chunkRows: number,
  ) {
    this.log = eventStore(db, warnCorruptRow);
  }

  /** Reads which events are stored here: three key reads, however long the file. */
  async start(): Promise<void> {
    const [events, settings, content] = await Promise.all([
      this.db.events.toCollection().primaryKeys(),
      this.db.settingsEvents.toCollection().primaryKeys(),
      this.db.contentEvents.toCollection().primaryKeys(),
    ]);
    this.known = { events: idSet(events), settings: idSet(settings), content: idSet(content) };
    if (!this.isWriting || events.length === 0) return;
    for (const key of await this.db.events.orderBy('[deckId+cardId]').uniqueKeys()) {
      if (!Array.isArray(key) || typeof key[0] !== 'string' || typeof key[1] !== 'string') continue;
      const card = [asDeckId(key[0]), asCardId(key[1])] as const;
      this.storedCards.set(cardKey({ deckId: card[0], cardId: card[1] }), card);
    }
  }

  /**
   * Handles one slice's outputs. Rows are checked and queued synchronously; only IndexedDB work is
   * awaited. That matters inside the transaction: Dexie follows it across native awaits for a
   * limited number of them only, and a slice holds about 6,000 rows.
   */
  async consume(outputs: readonly ScanOutput[]): Promise<void> {
    for (const output of outputs) {
      if (output.kind === 'field') this.field(output.name, output.value);
      else if (output.kind === 'list') this.listsSeen.add(output.name);
      else {
        const work = this.item(output.list, output.index, output.value);
        if (work !== null) await work;
      }
    }
  }

  async finish(): Promise<BackupPreview> {
    if (this.format !== BACKUP_FORMAT) throw this.notABackup();
    if (typeof this.version !== 'number') throw this.newerVersion();
    const version = this.version >= 2 ? 2 : 1;
    for (const list of REQUIRED_LISTS[version]) if (!this.listsSeen.has(list)) this.problem(`field "${list}" must be a list`);
    if (version === 1) {
      const { problems } = settingsFromRow({ key: STUDY_SETTINGS_KEY, value: this.settingsValue });
      for (const problem of problems) this.problem(`settings: ${describeProblem(problem)}`);
      const settingsValues = isRecord(this.settingsValue) ? this.settingsValue : {};
      // The same conversion as the database upgrade, so these events carry the ids it gave them.
      const events: ProgressEvent[] = [
        ...legacyCardEvents({ cardStates: this.legacyStates, reviewLog: this.legacyReviews.map(({ id: _id, ...review }) => review) }),
        legacySettingsEvent({ kind: 'study' }, settingsValues, this.exportedAt),
      ];
      this.legacyStates = [];
      this.legacyReviews = [];
      for (const event of events) {
        const work = this.event(event);
        if (work !== null) await work;
      }
    }
    await this.flushEvents();
    await this.flushContent();
    await Promise.all(this.inFlight.splice(0));
    if (this.issueCount > 0) {
      const shown = [...this.issues];
      if (this.issueCount > MAX_REPORTED) shown.push({ message: `${this.source}: ...and ${this.issueCount - MAX_REPORTED} more problems` });
      throw new ImportError('invalid-deck', this.source, [{ message: `${this.source}: the backup is damaged, so nothing was restored.` }, ...shown]);
    }
    const { settingsAdded, ...counts } = this.counts;
    const undoneReviews = [...this.undoTargets].filter((id) => this.reviewIds.has(id)).length;
    const preview: BackupPreview = {
      exportedAt: this.exportedAt,
      deckCount: this.deckCount,
      reviewCount: this.reviewIds.size - undoneReviews,
      summary: {
        ...counts,
        cardStatesWritten: this.touched.size,
        cardStatesKept: this.backupCards.size - this.touched.size,
        isSettingsChanged: settingsAdded > 0,
      },
    };
    if (this.isWriting) {
      await this.replayTouched();
      // After the deck rows: an authored deck is what its merged events say, whichever row came last.
      for (const deckId of this.touchedContentDecks) await replayAuthoredDeck(this.db, deckId);
    }
    return preview;
  }

  private notABackup(): ImportError {
    return importError('wrong-type', this.source, 'this is not a Flipdeck backup file.');
  }

  private newerVersion(): ImportError {
    return importError('wrong-type', this.source, `this backup was written by a newer Flipdeck (format version ${String(this.version)}); update Flipdeck to restore it.`);
  }

  private field(name: string, value: unknown): void {
    if (name === 'format') {
      this.format = value;
      if (value !== BACKUP_FORMAT) throw this.notABackup();
    } else if (name === 'version') {
      this.version = value;
      if (typeof value !== 'number' || value > BACKUP_VERSION) throw this.newerVersion();
    } else if (name === 'exportedAt') {
      if (typeof value === 'number') this.exportedAt = value;
    } else if (name === 'settings') {
      this.settingsValue = value;
    } else if (LISTS.has(name)) {
      this.problem(`field "${name}" must be a list`);
    }
    // Other fields (from a newer build) are read and left alone.
  }

  /** Records a problem; while writing, the first one ends the pass (and aborts the transaction). */
  private problem(message: string, itemNumber?: number): void {
    const issue = { ...(itemNumber === undefined ? {} : { cardNumber: itemNumber }), message: `${this.source}: ${message}` };
    if (this.isWriting) throw new ImportError('invalid-deck', this.source, [{ message: `${this.source}: the backup is damaged, so nothing was restored.` }, issue]);
    this.issueCount += 1;
    if (this.issues.length < MAX_REPORTED) this.issues.push(issue);
  }

  private check<T>(list: string, index: number, result: RowResult<T>): T | null {
    if (result.ok) return result.value;
    this.problem(`${list} item ${index + 1}: ${describeProblem(result.problem)}`, index + 1);
    return null;
  }

  /** Checks and plans one item; returns the IndexedDB work it started, or null when it needs none yet. */
  private item(list: string, index: number, value: unknown): Promise<void> | null {
    switch (list) {
      case 'decks': {
        const deck = this.check(list, index, userDeckFromRow(value));
        return deck === null ? null : this.deck(deck);
      }
      case 'media': {
        const file = this.check(list, index, mediaFileFromJson(value));
        return file === null ? null : this.media(file);
      }
      case 'events': {
        const event = this.check(list, index, cardEventFromRow(value));
        return event === null ? null : this.event(event);
      }
      case 'settingsEvents': {
        const event = this.check(list, index, settingsEventFromRow(value));
        return event === null ? null : this.event(event);
      }
      case 'contentEvents': {
        const event = this.check(list, index, contentEventFromRow(value));
        return event === null ? null : this.contentEvent(event);
      }
      case 'cardStates': {
        const state = this.check(list, index, cardStateFromRow(value));
        if (state !== null) this.legacyStates.push(state);
        return null;
      }
      case 'reviewLog': {
        const entry = this.check(list, index, reviewLogEntryFromRow(value));
        if (entry !== null) this.legacyReviews.push(entry);
        return null;
      }
      default:
        return null;
    }
  }

  private async deck(deck: UserDeck): Promise<void> {
    if (this.deckDecisions.has(deck.id)) {
      this.problem(`decks: the deck id "${deck.id}" appears twice`);
      return;
    }
    this.deckCount += 1;
    // Only the stored deck's updatedAt decides; parsing a 100,000-card row to read it would cost seconds.
    const mine: unknown = await this.db.userDecks.get(deck.id);
    const mineUpdatedAt = isRecord(mine) && typeof mine['updatedAt'] === 'number' ? mine['updatedAt'] : undefined;
    const verdict = deckVerdict(deck, mineUpdatedAt === undefined ? undefined : { updatedAt: mineUpdatedAt });
    this.deckDecisions.set(deck.id, verdict !== 'kept');
    if (verdict === 'added') this.counts.decksAdded += 1;
    else if (verdict === 'updated') this.counts.decksUpdated += 1;
    else this.counts.decksKept += 1;
    if (verdict !== 'kept' && this.isWriting) {
      // One deck at a time: a deck row holds all its cards (tens of MB for 100,000 cards).
      await this.db.userDecks.put(userDeckToRow(deck));
      await this.db.media.where('deckId').equals(deck.id).delete();
    }
    const waiting = this.mediaAwaitingDeck.filter((file) => file.deckId === deck.id);
    for (const file of waiting) {
      const work = this.media(file);
      if (work !== null) await work;
    }
  }

  /** An image goes with its deck: written only when the backup's copy of the deck is taken. */
  private media(file: DeckMediaFile): Promise<void> | null {
    const isTaken = this.deckDecisions.get(file.deckId);
    // A hand-edited file may list an image before its deck: it waits for the deck's verdict.
    if (isTaken === undefined) this.mediaAwaitingDeck.push(file);
    else if (isTaken) {
      this.counts.imagesRestored += 1;
      if (this.isWriting) return this.db.media.put(mediaToRow(file.deckId, file)).then(() => undefined);
    }
    return null;
  }

  /**
   * Merges one event by id: a copy of an id met earlier in the file, or stored here, is counted
   * and dropped; a new one is queued for writing and kept (as replay needs it) for its card's replay.
   */
  private event(event: ProgressEvent): Promise<void> | null {
    if (this.seenIds.has(event.id)) return null;
    this.seenIds.add(event.id);
    if (event.kind === 'settings') {
      if (this.known.settings.has(event.id)) return null;
      this.counts.settingsAdded += 1;
      if (!this.isWriting) return null;
      this.pendingSettings.push(event);
      return this.pendingSettings.length >= this.chunkRows ? this.flushEvents() : null;
    }
    const key = cardKey(event);
    this.backupCards.add(key);
    if (event.kind === 'review') this.reviewIds.add(event.id);
    else if (event.kind === 'undo') this.undoTargets.add(event.targetId);
    if (this.known.events.has(event.id)) {
      if (event.kind === 'review') this.counts.reviewsAlreadyPresent += 1;
      return null;
    }
    if (event.kind === 'review') this.counts.reviewsAdded += 1;
    let card = this.touched.get(key);
    if (card === undefined) {
      card = [];
      this.touched.set(key, card);
    }
    if (!this.isWriting) return null;
    card.push(stateEventOf(event));
    this.pendingCards.push(cardEventToRow(event));
    return this.pendingCards.length >= this.chunkRows ? this.flushEvents() : null;
  }

  /** Queues one content event for the merge; a copy met earlier in the file, or stored here, is skipped. */
  private contentEvent(event: ContentEvent): Promise<void> | null {
    if (this.seenIds.has(event.id) || this.known.content.has(event.id)) return null;
    this.seenIds.add(event.id);
    for (const deckId of touchedDecks([event])) this.touchedContentDecks.add(deckId);
    if (!this.isWriting) return null;
    this.pendingContent.push(event);
    return this.pendingContent.length >= this.chunkRows ? this.flushContent() : null;
  }

  /** Writes the queued content events (all new: merge decided that as each was read). */
  private async flushContent(): Promise<void> {
    const events = this.pendingContent;
    this.pendingContent = [];
    if (events.length > 0) await this.write(() => this.db.contentEvents.bulkAdd(events.map(contentEventToRow)));
  }

  /** Queues a bulk write, keeping at most two in flight. Only Dexie promises are awaited here. */
  private async write(bulk: () => Promise<unknown>): Promise<void> {
    // A write outside the restore's transaction would not roll back with it: refuse rather than risk it.
    if (Dexie.currentTransaction === null) throw new Error('The restore lost its transaction.');
    const pending = bulk();
    // If an earlier bulk fails the transaction aborts and this one rejects too; the first failure
    // is the one reported, so keep this one from also surfacing as unhandled.
    pending.catch(() => undefined);
    this.inFlight.push(pending);
    if (this.inFlight.length >= 2) await this.inFlight.shift();
  }

  /** Writes the queued new card and settings events (bulk adds: each id is known not to be stored). */
  private async flushEvents(): Promise<void> {
    const cards = this.pendingCards;
    const settings = this.pendingSettings;
    this.pendingCards = [];
    this.pendingSettings = [];
    if (settings.length > 0) await this.write(() => this.db.settingsEvents.bulkAdd(settings.map(settingsEventToRow)));
    if (cards.length > 0) await this.write(() => this.db.events.bulkAdd(cards));
  }

  /**
   * Rewrites the cache for what the merge touched, in the same transaction: the cards with new
   * events and, when a settings event was added (it can reschedule any later review), every card
   * with a log here. Each card is replayed once: from its new events, kept since they were read,
   * or, for a card that had a log here, from that log read back.
   */
  private async replayTouched(): Promise<void> {
    const settingsAt = await this.log.settingsTimeline();
    const keys = new Set(this.touched.keys());
    if (this.counts.settingsAdded > 0) for (const key of this.storedCards.keys()) keys.add(key);
    const cards = [...keys];
    for (let start = 0; start < cards.length; start += this.chunkRows) {
      const chunk = cards.slice(start, start + this.chunkRows);
      const stored = await Promise.all(
        chunk.map((key) => {
          const card = this.storedCards.get(key);
          return card === undefined ? [] : this.db.events.where('[deckId+cardId]').equals([...card]).toArray();
        }),
      );
      const toPut: CardStateRow[] = [];
      const toDelete: [string, string][] = [];
      chunk.forEach((key, i) => {
        // A card with a log here reads it back, the events just added included.
        const card = this.storedCards.get(key);
        const events: readonly StateEvent[] = card === undefined ? (this.touched.get(key) ?? []) : this.log.cardEvents(stored[i] ?? []);
        this.touched.set(key, []); // replayed: its events are no longer needed
        const [deckId, cardId] = card ?? [events[0]?.deckId, events[0]?.cardId];
        if (deckId === undefined || cardId === undefined) return;
        const state = replayCardState(events, settingsAt);
        if (state === null) toDelete.push([deckId, cardId]);
        else toPut.push(cardStateToRow(state));
      });
      if (toPut.length > 0) await this.write(() => this.db.cardStates.bulkPut(toPut));
      if (toDelete.length > 0) await this.write(() => this.db.cardStates.bulkDelete(toDelete));
    }
    await Promise.all(this.inFlight.splice(0));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks every row of a backup file and counts what restoring it would change. Writes nothing.
 * @throws ImportError naming the file, the list, the item and the field (or the line and column)
 */
export async function previewBackupStream(db: FlipdeckDb, file: Blob, source: string, options: StreamOptions = {}): Promise<BackupPreview> {
  const { onProgress = () => undefined, sliceBytes = READ_SLICE_BYTES, chunkRows = WRITE_CHUNK_ROWS } = options;
  assertBackupSize(file.size, source);
  const pass = new BackupPass(db, source, false, chunkRows);
  try {
    await pass.start();
    await scanFile(file, source, sliceBytes, async (outputs, bytesRead) => {
      await pass.consume(outputs);
      onProgress({ phase: 'checking', bytesRead, bytesTotal: file.size });
    }, readAsync);
    return await pass.finish();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw toStorageError(error, 'load');
  }
}

/**
 * Restores a backup file in ONE rw transaction: reads, checks and writes slice by slice, replays
 * what it touched, and commits only when the whole file has been read and written.
 * @throws ImportError for a damaged file, StorageError for a failed write; either way nothing changed
 */
export async function restoreBackupStream(db: FlipdeckDb, file: Blob, source: string, options: StreamOptions = {}): Promise<BackupPreview> {
  const { onProgress = () => undefined, sliceBytes = READ_SLICE_BYTES, chunkRows = WRITE_CHUNK_ROWS } = options;
  assertBackupSize(file.size, source);
  try {
    return await db.transaction('rw', ALL_TABLES.map((name) => db.table(name)), async () => {
      const pass = new BackupPass(db, source, true, chunkRows);
      await pass.start();
      await scanFile(file, source, sliceBytes, async (outputs, bytesRead) => {
        await pass.consume(outputs);
        onProgress({ phase: 'writing', bytesRead, bytesTotal: file.size });
      }, readInTransaction());
      return pass.finish();
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw toStorageError(error, 'restore');
  }
}
