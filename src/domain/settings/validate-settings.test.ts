import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './study-settings';
import { toDraft, validateDraft, type SchedulerDraft } from './validate-settings';

const draft = (changes: Partial<SchedulerDraft> = {}): SchedulerDraft => ({ ...toDraft(DEFAULT_SETTINGS), ...changes });

describe('validateDraft', () => {
  it('turns the default settings into text and back unchanged', () => {
    const result = validateDraft(draft());
    expect(result).toEqual({
      ok: true,
      value: {
        desiredRetention: 0.9,
        newCardsPerDay: 20,
        reviewsPerDay: 200,
        learningStepsMinutes: [1, 10],
        relearningStepsMinutes: [10],
        dayStartHour: 4,
        isFuzzEnabled: true,
        isLoadBalanced: true,
        easyWeekdays: [],
        isBuryingNewSiblings: true,
        isBuryingReviewSiblings: false,
      },
    });
  });

  it('carries the sibling-burying checkboxes through as they are', () => {
    const result = validateDraft(draft({ isBuryingNewSiblings: false, isBuryingReviewSiblings: true }));
    expect(result.ok && [result.value.isBuryingNewSiblings, result.value.isBuryingReviewSiblings]).toEqual([false, true]);
  });

  it('accepts retention at both ends of 0.70–0.99', () => {
    expect(validateDraft(draft({ desiredRetention: '0.7' })).ok).toBe(true);
    expect(validateDraft(draft({ desiredRetention: '0.99' })).ok).toBe(true);
  });

  it.each(['0.69', '1', '90', 'abc', ''])('refuses retention %j with a message on that field', (text) => {
    const result = validateDraft(draft({ desiredRetention: text }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['desiredRetention']);
    expect(result.errors.desiredRetention?.message).toMatch(/Desired retention must be (a number|between 0.70 and 0.99)/);
  });

  it('reports every bad field at once', () => {
    const result = validateDraft(draft({ learningSteps: '1m x', relearningSteps: '10m 1m', newCardsPerDay: '-1', reviewsPerDay: '2.5', dayStartHour: '24' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['dayStartHour', 'learningSteps', 'newCardsPerDay', 'relearningSteps', 'reviewsPerDay']);
    expect(result.errors.reviewsPerDay?.code).toBe('settings/not-an-integer');
    expect(result.errors.dayStartHour?.message).toBe('The study day start must be between 0 and 23.');
  });

  it('keeps the fuzz switch as set', () => {
    const result = validateDraft(draft({ isFuzzEnabled: false }));
    expect(result.ok && result.value.isFuzzEnabled).toBe(false);
  });
});
