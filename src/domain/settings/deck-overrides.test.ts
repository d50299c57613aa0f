import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './study-settings';
import { effectiveSettings, overridesFor } from './deck-overrides';

describe('deck overrides', () => {
  it('uses the all-deck settings object itself when a deck has no overrides', () => {
    expect(effectiveSettings(DEFAULT_SETTINGS, undefined)).toBe(DEFAULT_SETTINGS);
    expect(effectiveSettings(DEFAULT_SETTINGS, {})).toBe(DEFAULT_SETTINGS);
  });

  it('lays a deck override over the all-deck settings and returns the same object for the same inputs', () => {
    const overrides = { desiredRetention: 0.8, newCardsPerDay: 5 };
    const merged = effectiveSettings(DEFAULT_SETTINGS, overrides);
    expect(merged).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.8, newCardsPerDay: 5 });
    expect(effectiveSettings(DEFAULT_SETTINGS, overrides)).toBe(merged);
  });

  it('stores only the fields that differ, never the day start', () => {
    const wanted = { ...DEFAULT_SETTINGS, desiredRetention: 0.85, learningStepsMinutes: [1, 10], relearningStepsMinutes: [5], dayStartHour: 6 };
    expect(overridesFor(DEFAULT_SETTINGS, wanted)).toEqual({ desiredRetention: 0.85, relearningStepsMinutes: [5] });
  });
});
