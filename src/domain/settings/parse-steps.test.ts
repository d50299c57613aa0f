import { describe, expect, it } from 'vitest';
import { SettingsError } from './errors';
import { formatSteps, parseSteps } from './parse-steps';

const errorOf = (run: () => unknown): SettingsError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
};

describe('parseSteps', () => {
  it('reads Anki-style steps into minutes', () => {
    expect(parseSteps('1m 10m')).toEqual([1, 10]);
    expect(parseSteps('10m, 1h 1d')).toEqual([10, 60, 1440]);
    expect(parseSteps('  5  15 ')).toEqual([5, 15]);
  });

  it('rounds seconds up to a whole minute so no step is zero', () => {
    expect(parseSteps('30s 2m')).toEqual([1, 2]);
  });

  it('accepts no steps at all', () => {
    expect(parseSteps('')).toEqual([]);
  });

  it('names the step that does not parse', () => {
    const error = errorOf(() => parseSteps('1m ten 1h', 'learningSteps'));
    expect(error.code).toBe('settings/bad-step');
    expect(error.field).toBe('learningSteps');
    expect(error.message).toContain('Step 2, "ten"');
  });

  it('refuses a unit it does not know and a zero step', () => {
    expect(errorOf(() => parseSteps('5w')).code).toBe('settings/bad-step');
    expect(errorOf(() => parseSteps('0m')).code).toBe('settings/bad-step');
  });

  it('refuses steps that do not grow', () => {
    const error = errorOf(() => parseSteps('10m 5m'));
    expect(error.code).toBe('settings/steps-not-increasing');
    expect(error.message).toContain('step 2');
  });

  it('formats minutes back into text it reads again', () => {
    expect(formatSteps([1, 10, 60, 1440, 90])).toBe('1m 10m 1h 1d 90m');
    expect(parseSteps(formatSteps([1, 10, 60, 1440]))).toEqual([1, 10, 60, 1440]);
  });
});
