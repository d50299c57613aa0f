import { describe, expect, it } from 'vitest';
import type { ProgressSnapshot } from '../domain/backup/restore-plan';
import { userDeckId } from '../domain/deck/user-deck';
import { ImportError } from '../domain/import/import-error';
import { asCardId } from '../domain/ids';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { MAX_BACKUP_BYTES, assertBackupSize, parseBackupFile, serializeBackup } from './backup-file';
import { makeReview, makeState } from './test-fixtures';
import { legacyCardEvents, legacySettingsEvent } from '../domain/events/legacy';
import { cardStateToRow, reviewLogEntryToRow } from './progress-rows';

const bytes = (text: string) => new TextEncoder().encode(text);

const snapshot: ProgressSnapshot = {
  decks: [
    {
      schemaVersion: 1,
      id: userDeckId('bio'),
      title: 'Bio',
      description: '',
      cards: [{ id: asCardId('a'), front: 'A?', back: 'A', tags: ['x'] }],
      origin: 'markdown',
      createdAt: 10,
      updatedAt: 20,
    },
  ],
  media: [{ deckId: userDeckId('bio'), name: 'cell 1.png', mimeType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0, 255]) }],
  // What a version-1 backup of this progress converts to, and what those events replay to.
  ...legacySnapshot(),
};

function legacySnapshot(): Pick<ProgressSnapshot, 'events' | 'cardStates' | 'reviewLog' | 'settings'> {
  const state = makeState('c1', { lastReviewedAt: 1_000 });
  const review = makeReview(null, state);
  const events = [...legacyCardEvents({ cardStates: [state], reviewLog: [review] }), legacySettingsEvent({ kind: 'study' }, { desiredRetention: 0.85 }, 99)];
  const reviewEvent = events.find((event) => event.kind === 'review')!;
  return { events, cardStates: [state], reviewLog: [{ ...review, id: reviewEvent.id }], settings: { ...DEFAULT_SETTINGS, desiredRetention: 0.85 } };
}

/** The same progress as a format-1 backup, as builds before the event log wrote it. */
const versionOneBackup = (): string =>
  JSON.stringify({
    format: 'flipdeck-backup',
    version: 1,
    exportedAt: 99,
    settings: { desiredRetention: 0.85 },
    decks: [],
    cardStates: [cardStateToRow(makeState('c1', { lastReviewedAt: 1_000 }))],
    reviewLog: [{ ...reviewLogEntryToRow(makeReview(null, makeState('c1', { lastReviewedAt: 1_000 }))), id: 4 }],
  });

function failure(text: string): ImportError {
  try {
    parseBackupFile(bytes(text), 'backup.json');
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('backup file', () => {
  it('accepts the 176 MiB backup of a 100,000-card deck with a year of reviews, and refuses one over the limit', () => {
    // The size the benchmark's 100,000-card backup has (bench/run.mjs); the old 100 MB limit refused it.
    expect(() => assertBackupSize(176 * 1024 * 1024, 'big.json')).not.toThrow();
    expect(() => assertBackupSize(MAX_BACKUP_BYTES, 'big.json')).not.toThrow();
    const error = (() => {
      try {
        assertBackupSize(MAX_BACKUP_BYTES + 10 * 1024 * 1024, 'huge.json');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('too-large');
    expect((error as ImportError).message).toMatch(/huge\.json: the file is 266 MB; the largest backup Flipdeck can restore is 256 MB/);
  });

  it('round-trips decks, images and the event log (format 2)', () => {
    const parsed = parseBackupFile(bytes(serializeBackup(snapshot, 99)), 'backup.json');
    expect(parsed).toEqual({ snapshot: { ...snapshot, contentEvents: [] }, exportedAt: 99 });
    expect(JSON.parse(serializeBackup(snapshot, 99))).toMatchObject({ version: 2 });
  });

  it('converts a format-1 backup to the events the database upgrade makes, so restoring it merges as duplicates', () => {
    const { snapshot: converted } = parseBackupFile(bytes(versionOneBackup()), 'old.json');
    expect(converted.events).toEqual(snapshot.events);
    expect(converted.cardStates).toEqual(snapshot.cardStates);
    expect(converted.settings).toEqual(snapshot.settings);
  });

  it('reads a backup written before images were kept', () => {
    const document = JSON.parse(serializeBackup(snapshot, 99)) as Record<string, unknown>;
    delete document['media'];
    expect(parseBackupFile(bytes(JSON.stringify(document)), 'old.json').snapshot.media).toEqual([]);
  });

  it('refuses an SVG smuggled into the images', () => {
    const document = JSON.parse(serializeBackup(snapshot, 99)) as { media: { mimeType: string }[] };
    document.media[0]!.mimeType = 'image/svg+xml';
    expect(failure(JSON.stringify(document)).message).toMatch(/media item 1: \(key \["user\.bio","cell 1\.png"\]\) field "mimeType" expected an image type other than SVG/);
  });

  it('refuses the whole file when one row is damaged, naming the list, item and field', () => {
    const document = JSON.parse(versionOneBackup()) as { reviewLog: { after: { stability: unknown } }[] };
    document.reviewLog[0]!.after.stability = 'lots';
    const error = failure(JSON.stringify(document));
    expect(error.issues.map((i) => i.message)).toEqual([
      'backup.json: the backup is damaged, so nothing was restored.',
      'backup.json: reviewLog item 1: (key 4) field "after.stability" expected a finite number, got "lots"',
    ]);
    const events = JSON.parse(serializeBackup(snapshot, 99)) as { events: { kind: string; rating?: unknown }[] };
    events.events.find((event) => event.kind === 'review')!.rating = 'meh';
    expect(failure(JSON.stringify(events)).issues[1]?.message).toMatch(/events item \d+: \(key "[0-9A-Z]{26}"\) field "rating" expected one of again, hard, good, easy/);
  });

  it('tells a deck file, a newer backup, truncated JSON and missing lists apart', () => {
    expect(failure('{"schemaVersion":1,"cards":[]}').message).toMatch(/this is a deck file, not a backup/);
    expect(failure('{"format":"flipdeck-backup","version":7}').message).toMatch(/written by a newer Flipdeck \(format version 7\)/);
    expect(failure(serializeBackup(snapshot, 1).slice(0, 60)).code).toBe('malformed');
    const missing = failure('{"format":"flipdeck-backup","version":1,"settings":{}}');
    expect(missing.issues.map((i) => i.message)).toContain('backup.json: field "decks" must be a list');
  });
});
