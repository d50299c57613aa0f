import { describe, expect, it } from 'vitest';
import { contentEventId, createEventIdGenerator, isEventId } from './event-id';
import { NOW, seededBytes } from './test-events';

describe('createEventIdGenerator', () => {
  it('makes ULIDs whose order follows their time', () => {
    const next = createEventIdGenerator(seededBytes(1));
    const early = next(NOW);
    const late = next(NOW + 1);
    expect(isEventId(early)).toBe(true);
    expect(early < late).toBe(true);
    // The first 10 characters are the time: ids of another generator at a later time sort after.
    expect(createEventIdGenerator(seededBytes(2))(NOW + 2) > late).toBe(true);
  });

  it('never repeats or goes backwards within one millisecond or when the clock steps back', () => {
    const next = createEventIdGenerator(seededBytes(3));
    const ids = [next(NOW), next(NOW), next(NOW), next(NOW - 5_000), next(NOW)];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives two devices different ids for the same millisecond', () => {
    expect(createEventIdGenerator(seededBytes(4))(NOW)).not.toBe(createEventIdGenerator(seededBytes(5))(NOW));
  });
});

describe('contentEventId', () => {
  it('is the same for the same content and time, and differs when either differs', () => {
    const id = contentEventId(NOW, '["review","c3","a"]');
    expect(isEventId(id)).toBe(true);
    expect(contentEventId(NOW, '["review","c3","a"]')).toBe(id);
    expect(contentEventId(NOW, '["review","c3","b"]')).not.toBe(id);
    expect(contentEventId(NOW + 1, '["review","c3","a"]')).not.toBe(id);
    expect(id.slice(0, 10)).toBe(createEventIdGenerator(seededBytes(6))(NOW).slice(0, 10));
  });
});

describe('isEventId', () => {
  it('accepts only 26 Crockford base32 characters', () => {
    expect(isEventId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
    for (const bad of ['', '01ARZ3NDEKTSV4RRFFQ69G5FA', '01ARZ3NDEKTSV4RRFFQ69G5FAI', 42, null, '<img src=x onerror=alert(1)>']) {
      expect(isEventId(bad)).toBe(false);
    }
  });
});
