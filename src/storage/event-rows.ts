/**
 * Event rows (schema v3) <-> domain events. An event is stored as the event itself: its fields are
 * already plain data. Read back, a row is `unknown` until it parses; a damaged row is skipped and
 * reported like any other, and replay goes on without it.
 */
import { isEventId } from '../domain/events/event-id';
import { asDeviceId, asEventId, type CardEvent, type SettingsEvent, type SettingsScope } from '../domain/events/types';
import { asCardId, asDeckId } from '../domain/ids';
import { RATINGS } from '../domain/scheduling/types';
import { cardStateToRow, parseCardStateFields, type CardStateRow } from './progress-rows';
import { FieldError, describeValue, finiteNumber, isObject, nonEmptyString, oneOf, toResult, type Fields, type RowResult } from './row-parse';

/** A stored card event: the event, with its states in row shape. Primary key `id`. */
export type CardEventRow = Record<string, unknown> & { id: string; deckId: string; cardId: string; createdAt: number; kind: string };
/** A stored settings event. Primary key `id`. */
export type SettingsEventRow = Record<string, unknown> & { id: string; createdAt: number; kind: 'settings' };

const EVENT_KEY = ['id'] as const;

/** Copies a card event into its stored row. */
export function cardEventToRow(event: CardEvent): CardEventRow {
  const row: CardEventRow = { ...event };
  if (event.kind === 'review' && event.deckAncestors !== undefined) row['deckAncestors'] = [...event.deckAncestors];
  if (event.kind === 'review') {
    row['before'] = event.before === null ? null : cardStateToRow(event.before);
    row['after'] = cardStateToRow(event.after);
  } else if (event.kind === 'snapshot') {
    row['state'] = cardStateToRow(event.state);
  }
  return row;
}

function eventId(fields: Fields, name: string): ReturnType<typeof asEventId> {
  const value = fields[name];
  if (!isEventId(value)) throw new FieldError(name, `expected an event id (26 base32 characters), ${describeValue(value)}`);
  return asEventId(value);
}

function deckIdList(fields: Fields, name: string): ReturnType<typeof asDeckId>[] {
  const value = fields[name];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new FieldError(name, `expected a list of deck ids, ${describeValue(value)}`);
  }
  return value.map((id: string) => asDeckId(id));
}

function sameCardState(value: unknown, prefix: string, deckId: string, cardId: string) {
  const state = parseCardStateFields(value, prefix);
  if (state.deckId !== deckId || state.cardId !== cardId) throw new FieldError(`${prefix}deckId/cardId`, `belongs to ${state.deckId}/${state.cardId}, not to the event's card`);
  return state;
}

/** Parses a stored card event; rejects it if any field is missing or of the wrong type. */
export function cardEventFromRow(row: unknown): RowResult<CardEvent> {
  return toResult('events', row, EVENT_KEY, () => {
    if (!isObject(row)) throw new FieldError('(row)', `expected an object, ${describeValue(row)}`);
    const base = {
      id: eventId(row, 'id'),
      deviceId: asDeviceId(nonEmptyString(row, 'deviceId', '')),
      createdAt: finiteNumber(row, 'createdAt', ''),
      deckId: asDeckId(nonEmptyString(row, 'deckId', '')),
      cardId: asCardId(nonEmptyString(row, 'cardId', '')),
    };
    const kind = oneOf(row, 'kind', '', ['review', 'undo', 'suspend', 'unsuspend', 'reset', 'bury', 'reschedule', 'snapshot'] as const);
    switch (kind) {
      case 'review':
        return {
          ...base,
          kind,
          rating: oneOf(row, 'rating', '', RATINGS),
          answerMs: finiteNumber(row, 'answerMs', ''),
          before: row['before'] === null ? null : sameCardState(row['before'], 'before.', base.deckId, base.cardId),
          after: sameCardState(row['after'], 'after.', base.deckId, base.cardId),
          // Kept: replay needs the day load balancing chose (an older row has none).
          ...(row['balancedDueAt'] === undefined ? {} : { balancedDueAt: finiteNumber(row, 'balancedDueAt', '') }),
          // Kept: replay resolves a parent deck's exam through them (an older or top-level row has none).
          ...(row['deckAncestors'] === undefined ? {} : { deckAncestors: deckIdList(row, 'deckAncestors') }),
        };
      case 'undo':
        return { ...base, kind, targetId: eventId(row, 'targetId') };
      case 'bury':
        return { ...base, kind, untilMs: finiteNumber(row, 'untilMs', '') };
      case 'reschedule':
        return { ...base, kind, dueAt: finiteNumber(row, 'dueAt', '') };
      case 'snapshot':
        return { ...base, kind, state: sameCardState(row['state'], 'state.', base.deckId, base.cardId) };
      default:
        return { ...base, kind };
    }
  });
}

/** Copies a settings event into its stored row. */
export function settingsEventToRow(event: SettingsEvent): SettingsEventRow {
  return { ...event, scope: { ...event.scope }, values: { ...event.values } };
}

/** Parses a stored settings event. Its values stay loose: the settings log checks them when it folds. */
export function settingsEventFromRow(row: unknown): RowResult<SettingsEvent> {
  return toResult('settingsEvents', row, EVENT_KEY, () => {
    if (!isObject(row)) throw new FieldError('(row)', `expected an object, ${describeValue(row)}`);
    const scope = row['scope'];
    if (!isObject(scope)) throw new FieldError('scope', `expected an object, ${describeValue(scope)}`);
    const scopeKind = oneOf(scope, 'kind', 'scope.', ['study', 'deck'] as const);
    const parsedScope: SettingsScope = scopeKind === 'study' ? { kind: 'study' } : { kind: 'deck', deckId: asDeckId(nonEmptyString(scope, 'deckId', 'scope.')) };
    const values = row['values'];
    if (!isObject(values)) throw new FieldError('values', `expected an object, ${describeValue(values)}`);
    oneOf(row, 'kind', '', ['settings'] as const);
    return {
      id: eventId(row, 'id'),
      deviceId: asDeviceId(nonEmptyString(row, 'deviceId', '')),
      createdAt: finiteNumber(row, 'createdAt', ''),
      kind: 'settings',
      scope: parsedScope,
      values: { ...values },
    };
  });
}

export type { CardStateRow };
