import { describe, expect, it } from 'vitest';
import { cardStateFromRow, cardStateToRow, isSameCardState, reviewLogEntryFromRow, reviewLogEntryToRow } from './progress-rows';
import { makeReview, makeState } from './test-fixtures';

describe('card state rows', () => {
  it('round-trip a state', () => {
    const state = makeState('c1', { lastReviewedAt: null, phase: 'relearning', learningStep: 1 });
    expect(cardStateFromRow(cardStateToRow(state))).toEqual({ ok: true, value: state });
  });

  it.each([
    ['a missing field', { dueAt: undefined }, 'dueAt', 'expected a finite number, missing'],
    ['an unknown phase', { phase: 'limbo' }, 'phase', 'expected one of new, learning, review, relearning, got "limbo"'],
    ['a fractional rep count', { reps: 1.5 }, 'reps', 'expected a non-negative integer, got 1.5'],
    ['an empty card id', { cardId: '' }, 'cardId', 'expected a non-empty string, got ""'],
    ['a NaN stability', { stability: Number.NaN }, 'stability', 'expected a finite number, got null'],
  ])('reject %s, naming the row and field', (_label, patch, field, message) => {
    const result = cardStateFromRow({ ...cardStateToRow(makeState('c1')), ...patch });
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ table: 'cardStates', field, message }) });
  });

  it('carry suspension, and read rows written before it existed as not suspended', () => {
    const suspended = makeState('c1', { isSuspended: true });
    expect(cardStateToRow(suspended)).toMatchObject({ isSuspended: true });
    expect(cardStateFromRow(cardStateToRow(suspended))).toEqual({ ok: true, value: suspended });
    expect('isSuspended' in cardStateToRow(makeState('c1', { isSuspended: false }))).toBe(false);
    const result = cardStateFromRow(cardStateToRow(makeState('c1')));
    expect(result.ok && result.value.isSuspended).toBeFalsy();
  });

  it('reject a suspension flag that is not a boolean', () => {
    const result = cardStateFromRow({ ...cardStateToRow(makeState('c1')), isSuspended: 'yes' });
    expect(result).toMatchObject({ ok: false, problem: { field: 'isSuspended', message: 'expected true, false or nothing, got "yes"' } });
  });

  it('reject something that is not an object', () => {
    expect(cardStateFromRow(null)).toMatchObject({ ok: false, problem: { rowKey: '(unknown)', field: '(row)' } });
  });

  it('compare field by field', () => {
    expect(isSameCardState(makeState('c1'), makeState('c1'))).toBe(true);
    expect(isSameCardState(makeState('c1'), makeState('c1', { difficulty: 5.100000001 }))).toBe(false);
    // Undo must notice a suspension made after the review, whichever side carries the flag.
    expect(isSameCardState(makeState('c1'), makeState('c1', { isSuspended: true }))).toBe(false);
    expect(isSameCardState(makeState('c1', { isSuspended: true }), makeState('c1'))).toBe(false);
    expect(isSameCardState(makeState('c1', { isSuspended: false }), makeState('c1'))).toBe(true);
  });
});

describe('review log rows', () => {
  it('round-trip an entry once it has an id', () => {
    const entry = makeReview(makeState('c1'), makeState('c1', { reps: 2 }));
    expect(reviewLogEntryFromRow({ ...reviewLogEntryToRow(entry), id: 7 })).toEqual({ ok: true, value: { ...entry, id: 7 } });
  });

  it('reject an after state that belongs to another card', () => {
    const row = { ...reviewLogEntryToRow(makeReview(null, makeState('c1'))), id: 3, cardId: 'c2' };
    expect(reviewLogEntryFromRow(row)).toMatchObject({ ok: false, problem: { table: 'reviewLog', rowKey: '3', field: 'after.deckId/cardId' } });
  });

  it('name the nested field that is wrong', () => {
    const row = { ...reviewLogEntryToRow(makeReview(makeState('c1'), makeState('c1'))), id: 3 };
    const broken = { ...row, before: { ...row.before, lapses: -1 } };
    expect(reviewLogEntryFromRow(broken)).toMatchObject({ ok: false, problem: { field: 'before.lapses' } });
  });
});
