import { describe, expect, it } from 'vitest';
import { DAY, NOW, TestDevice } from '../domain/events/test-events';
import { asDeviceId, type CardEvent } from '../domain/events/types';
import { asDeckId } from '../domain/ids';
import { cardEventFromRow, cardEventToRow } from './event-rows';

const roundTrip = (event: CardEvent) => {
  const parsed = cardEventFromRow(JSON.parse(JSON.stringify(cardEventToRow(event))));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
};

describe('card event rows', () => {
  it('keep every field replay reads, a balanced due time and a reschedule among them', () => {
    const device = new TestDevice(asDeviceId('phone'), 1);
    const review = device.review('a', 'good', NOW);
    const balanced: CardEvent = { ...review, balancedDueAt: NOW + 3 * DAY } as CardEvent;
    expect(roundTrip(balanced)).toEqual(balanced);
    const moved = device.card('a', NOW + DAY, { kind: 'reschedule', dueAt: NOW + 2 * DAY });
    expect(roundTrip(moved)).toEqual(moved);
    expect(roundTrip(review)).toEqual(review);
    // A subdeck's review keeps the decks above it, nearest first: replay reads their exam.
    const inSubdeck = { ...review, deckAncestors: [asDeckId('week-1'), asDeckId('course')] } as CardEvent;
    expect(roundTrip(inSubdeck)).toEqual(inSubdeck);
  });

  it('refuse a review whose recorded ancestors are not a list of deck ids', () => {
    const review = new TestDevice(asDeviceId('phone'), 3).review('a', 'good', NOW);
    const parsed = cardEventFromRow({ ...cardEventToRow(review), deckAncestors: 'course' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ table: 'events', field: 'deckAncestors' });
  });

  it('refuse a reschedule without a usable due time, naming the field', () => {
    const device = new TestDevice(asDeviceId('phone'), 2);
    const moved = device.card('a', NOW, { kind: 'reschedule', dueAt: NOW });
    const row = { ...cardEventToRow(moved), dueAt: 'soon' };
    const parsed = cardEventFromRow(row);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ table: 'events', field: 'dueAt' });
  });
});
