/**
 * Content-event rows (schema v4) <-> domain content events. Stored as the event itself; read back,
 * a row is `unknown` until it parses, and a damaged row is skipped and reported like any other.
 */
import { isEventId } from '../domain/events/event-id';
import { asDeviceId, asEventId } from '../domain/events/types';
import { CONTENT_EVENT_KINDS, type ContentEvent } from '../domain/authoring/types';
import { USER_DECK_ORIGINS, type ImportedOrigin } from '../domain/deck/user-deck';
import { asCardId, asDeckId } from '../domain/ids';
import { FieldError, describeValue, finiteNumber, isObject, nonEmptyString, oneOf, toResult, type Fields, type RowResult } from './row-parse';

const IMPORTED_ORIGINS = USER_DECK_ORIGINS.filter((origin): origin is ImportedOrigin => origin !== 'authored');

/** A stored content event. Primary key `id`; indexed by deckId and createdAt. */
export type ContentEventRow = Record<string, unknown> & { id: string; deckId: string; createdAt: number; kind: string };

/** Copies a content event into its stored row. */
export function contentEventToRow(event: ContentEvent): ContentEventRow {
  const row: ContentEventRow = { ...event };
  if ('tags' in event && event.tags !== undefined) row['tags'] = [...event.tags];
  return row;
}

function text(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw new FieldError(name, `expected text, ${describeValue(value)}`);
  return value;
}

function optionalText(fields: Fields, name: string): { [key: string]: string } {
  return fields[name] === undefined ? {} : { [name]: text(fields, name) };
}

function tags(fields: Fields): string[] {
  const value = fields['tags'];
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) throw new FieldError('tags', `expected a list of text, ${describeValue(value)}`);
  return value as string[];
}

/** Parses a stored content event; rejects it if a field is missing or of the wrong type. */
export function contentEventFromRow(row: unknown): RowResult<ContentEvent> {
  return toResult('contentEvents', row, ['id'], (): ContentEvent => {
    if (!isObject(row)) throw new FieldError('(row)', `expected an object, ${describeValue(row)}`);
    const id = row['id'];
    if (!isEventId(id)) throw new FieldError('id', `expected an event id (26 base32 characters), ${describeValue(id)}`);
    const base = {
      id: asEventId(id),
      deviceId: asDeviceId(nonEmptyString(row, 'deviceId', '')),
      createdAt: finiteNumber(row, 'createdAt', ''),
      deckId: asDeckId(nonEmptyString(row, 'deckId', '')),
    };
    const kind = oneOf(row, 'kind', '', CONTENT_EVENT_KINDS);
    const cardId = () => asCardId(nonEmptyString(row, 'cardId', ''));
    switch (kind) {
      case 'deck-created':
        return {
          ...base,
          kind,
          title: text(row, 'title'),
          description: text(row, 'description'),
          ...(row['parent'] === undefined ? {} : { parent: asDeckId(nonEmptyString(row, 'parent', '')) }),
          ...(row['origin'] === undefined ? {} : { origin: oneOf(row, 'origin', '', IMPORTED_ORIGINS) }),
        };
      case 'deck-edited':
        return {
          ...base,
          kind,
          ...optionalText(row, 'title'),
          ...optionalText(row, 'description'),
          ...(row['parent'] === undefined ? {} : { parent: row['parent'] === null ? null : asDeckId(nonEmptyString(row, 'parent', '')) }),
        };
      case 'card-created':
        return { ...base, kind, cardId: cardId(), front: text(row, 'front'), back: text(row, 'back'), tags: tags(row), position: finiteNumber(row, 'position', '') };
      case 'card-edited':
        return {
          ...base,
          kind,
          cardId: cardId(),
          ...optionalText(row, 'front'),
          ...optionalText(row, 'back'),
          ...(row['tags'] === undefined ? {} : { tags: tags(row) }),
          ...optionalText(row, 'overHash'),
        };
      case 'card-kept':
      case 'card-reset':
        return { ...base, kind, cardId: cardId(), overHash: text(row, 'overHash') };
      case 'card-deleted':
        return { ...base, kind, cardId: cardId() };
      case 'deck-deleted':
        return { ...base, kind };
      case 'card-moved':
        return {
          ...base,
          kind,
          cardId: cardId(),
          position: finiteNumber(row, 'position', ''),
          ...(row['toDeckId'] === undefined ? {} : { toDeckId: asDeckId(nonEmptyString(row, 'toDeckId', '')) }),
        };
    }
  });
}
