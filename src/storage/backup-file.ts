/**
 * The full-backup file: the user's decks and their images, and the whole event log (card events,
 * settings events and the content events of decks written in the app), as one JSON document. Format version 2; a version-1 backup (states, review
 * rows and settings, from before the event log) is converted to events here, at the read edge,
 * with the same legacy conversion as the database upgrade, so restoring it merges by event id
 * with what an upgraded browser already holds. Events are written from, and read back through,
 * the same row mappers as IndexedDB, so a field added to stored rows travels in backups without a
 * second schema to keep in step. Reading validates everything before anything is written: one bad
 * row refuses the whole file, with messages naming the row and the field.
 * Loaded lazily (only the backup screen needs it).
 */
import type { DeckMediaFile, ProgressSnapshot } from '../domain/backup/restore-plan';
import { isUserDeckId } from '../domain/deck/user-deck';
import { isCardMediaType } from '../domain/deck/media-types';
import { asDeckId } from '../domain/ids';
import { formatBytes } from '../domain/format-bytes';
import { ImportError, importError, type ImportIssue } from '../domain/import/import-error';
import { BACKUP_FORMAT } from '../domain/import/parse-deck-json';
import { decodeText } from '../domain/import/decode-text';
import { parseJsonText } from '../domain/deck/json-text';
import { DeckError } from '../domain/deck/errors';
import { legacyCardEvents, legacySettingsEvent } from '../domain/events/legacy';
import { replayAll } from '../domain/events/replay';
import { createSettingsTimeline, foldSettings, studySettingsFromValues } from '../domain/events/settings-log';
import type { CardEvent, ProgressEvent, SettingsEvent } from '../domain/events/types';
import { cardEventFromRow, cardEventToRow, settingsEventFromRow, settingsEventToRow } from './event-rows';
import { effectiveReviews } from './progress-repository';
import { cardStateFromRow, reviewLogEntryFromRow } from './progress-rows';
import { STUDY_SETTINGS_KEY, settingsFromRow } from './settings-rows';
import type { RowProblem, RowResult } from './row-parse';
import { userDeckFromRow, userDeckToRow } from './user-deck-rows';
import { contentEventFromRow, contentEventToRow } from './content-rows';

/** The backup format version this build writes and reads. */
export const BACKUP_VERSION = 2;
/**
 * The largest backup a restore reads: 256 MiB. A backup carries every review with the card state
 * before and after it, so it grows with history, not with the deck: a 100,000-card deck after a
 * year of daily study (about 270,000 reviews) is a 176 MiB file (bench/run.mjs writes one), which
 * the earlier 100 MB limit refused. The app's restore streams the file (streamed-restore.ts), so
 * its memory follows the largest row; `parseBackupFile` below decodes it into one string (V8 caps
 * a string at 2^29 - 24 characters, 512 MiB, so the limit must stay well below that) and serves as
 * the whole-file reading the streamed one is tested against. Should a browser run out, the tab
 * fails before the restore's transaction commits, so nothing changes.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/**
 * Refuses a backup over MAX_BACKUP_BYTES, by its size alone, so a huge file is refused before
 * it is read into memory.
 * @throws ImportError `too-large`
 */
export function assertBackupSize(byteLength: number, source: string): void {
  if (byteLength > MAX_BACKUP_BYTES) {
    throw importError(
      'too-large',
      source,
      `the file is ${formatBytes(byteLength)}; the largest backup Flipdeck can restore is ${formatBytes(MAX_BACKUP_BYTES)}. Check that this is a Flipdeck backup.`,
    );
  }
}
const MAX_REPORTED = 20;

/** The backup document for a snapshot; `exportedAt` is epoch ms. */
export function serializeBackup(snapshot: ProgressSnapshot, exportedAt: number): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    decks: snapshot.decks.map(userDeckToRow),
    media: (snapshot.media ?? []).map((file) => ({ deckId: file.deckId, name: file.name, mimeType: file.mimeType, base64: toBase64(file.bytes) })),
    events: snapshot.events.flatMap((event) => (event.kind === 'settings' ? [] : [cardEventToRow(event)])),
    settingsEvents: snapshot.events.flatMap((event) => (event.kind === 'settings' ? [settingsEventToRow(event)] : [])),
    contentEvents: (snapshot.contentEvents ?? []).map(contentEventToRow),
  });
}

/** A parsed backup and when it was made. */
export interface ParsedBackup {
  readonly snapshot: ProgressSnapshot;
  readonly exportedAt: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and validates a backup file.
 * @throws ImportError naming the file, the list, the item and the field
 */
export function parseBackupFile(bytes: Uint8Array, source: string): ParsedBackup {
  assertBackupSize(bytes.byteLength, source);
  const text = decodeText(bytes, source, MAX_BACKUP_BYTES);
  let json: unknown;
  try {
    json = parseJsonText(text, source);
  } catch (error) {
    if (error instanceof DeckError) throw new ImportError('malformed', source, error.issues, { cause: error });
    throw error;
  }
  if (!isRecord(json) || json['format'] !== BACKUP_FORMAT) {
    const isDeck = isRecord(json) && 'cards' in json;
    throw importError('wrong-type', source, isDeck ? 'this is a deck file, not a backup. Import it on the Import page instead.' : 'this is not a Flipdeck backup file.');
  }
  const version = json['version'];
  if (typeof version !== 'number' || version > BACKUP_VERSION) {
    throw importError('wrong-type', source, `this backup was written by a newer Flipdeck (format version ${String(version)}); update Flipdeck to restore it.`);
  }

  const issues: ImportIssue[] = [];
  const list = <T>(field: string, parse: (row: unknown) => RowResult<T>): T[] => {
    const rows = json[field];
    if (!Array.isArray(rows)) {
      issues.push({ message: `${source}: field "${field}" must be a list` });
      return [];
    }
    const values: T[] = [];
    rows.forEach((row, index) => {
      const result = parse(row);
      if (result.ok) values.push(result.value);
      else issues.push({ cardNumber: index + 1, message: `${source}: ${field} item ${index + 1}: ${describeProblem(result.problem)}` });
    });
    return values;
  };

  const decks = list('decks', userDeckFromRow);
  // Older backups written before images were kept have no "media" list.
  const media = json['media'] === undefined ? [] : list('media', mediaFileFromJson);
  // Backups made before decks could be written in the app have no "contentEvents" list.
  const contentEvents = json['contentEvents'] === undefined ? [] : list('contentEvents', contentEventFromRow);
  const exportedAtMs = typeof json['exportedAt'] === 'number' ? json['exportedAt'] : 0;
  let events: ProgressEvent[];
  if (version >= 2) {
    events = [...list('events', cardEventFromRow), ...list('settingsEvents', settingsEventFromRow)];
  } else {
    // Version 1: states, review rows and settings become events, with the ids the upgrade gives them.
    const cardStates = list('cardStates', cardStateFromRow);
    const reviewLog = list('reviewLog', reviewLogEntryFromRow);
    const { problems } = settingsFromRow({ key: STUDY_SETTINGS_KEY, value: json['settings'] });
    for (const problem of problems) issues.push({ message: `${source}: settings: ${describeProblem(problem)}` });
    const settingsValues = isRecord(json['settings']) ? json['settings'] : {};
    events = [
      ...legacyCardEvents({ cardStates, reviewLog: reviewLog.map(({ id: _id, ...review }) => review) }),
      legacySettingsEvent({ kind: 'study' }, settingsValues, exportedAtMs),
    ];
  }

  const seen = new Set<string>();
  for (const deck of decks) {
    if (seen.has(deck.id)) issues.push({ message: `${source}: decks: the deck id "${deck.id}" appears twice` });
    seen.add(deck.id);
  }
  const exportedAt = exportedAtMs;
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_REPORTED);
    if (issues.length > MAX_REPORTED) shown.push({ message: `${source}: ...and ${issues.length - MAX_REPORTED} more problems` });
    throw new ImportError('invalid-deck', source, [{ message: `${source}: the backup is damaged, so nothing was restored.` }, ...shown]);
  }
  return { snapshot: { decks, media, contentEvents, ...derivedFrom(events) }, exportedAt };
}

/** What a backup's events add up to, for the confirmation screen: replayed states, effective reviews, folded settings. */
function derivedFrom(events: ProgressEvent[]): Pick<ProgressSnapshot, 'events' | 'cardStates' | 'reviewLog' | 'settings'> {
  const cardEvents = events.filter((event): event is CardEvent => event.kind !== 'settings');
  const settingsEvents = events.filter((event): event is SettingsEvent => event.kind === 'settings');
  const replayed = replayAll(cardEvents, createSettingsTimeline(settingsEvents));
  return {
    events,
    cardStates: [...replayed.values()].flatMap(({ state }) => (state === null ? [] : [state])),
    reviewLog: effectiveReviews(cardEvents),
    settings: studySettingsFromValues(foldSettings(settingsEvents).study),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One backup `media` item, checked. */
export function mediaFileFromJson(row: unknown): RowResult<DeckMediaFile> {
  const record = isRecord(row) ? row : {};
  const { deckId, name, mimeType, base64 } = record;
  const rowKey = JSON.stringify([deckId, name]) ?? '(unknown)';
  const fail = (field: string, message: string): RowResult<DeckMediaFile> => ({ ok: false, problem: { table: 'media', rowKey, field, message } });
  if (typeof deckId !== 'string' || !isUserDeckId(deckId)) return fail('deckId', 'expected a "user." deck id');
  if (typeof name !== 'string' || name === '') return fail('name', 'expected a file name');
  if (typeof mimeType !== 'string' || !isCardMediaType(mimeType)) return fail('mimeType', 'expected an image type other than SVG, or a sound');
  if (typeof base64 !== 'string') return fail('base64', 'expected base64 text');
  try {
    return { ok: true, value: { deckId: asDeckId(deckId), name, mimeType, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) } };
  } catch {
    return fail('base64', 'is not valid base64');
  }
}

/** A row problem in the words a backup's error list uses. */
export function describeProblem(problem: RowProblem): string {
  return `${problem.rowKey === '(unknown)' ? '' : `(key ${problem.rowKey}) `}field "${problem.field}" ${problem.message}`;
}
