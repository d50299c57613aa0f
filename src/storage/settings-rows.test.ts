import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { settingsFromRow, settingsToRow } from './settings-rows';

describe('settings rows', () => {
  it('give the defaults for a missing row, as a copy', () => {
    const { settings, problems } = settingsFromRow(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.learningStepsMinutes).not.toBe(DEFAULT_SETTINGS.learningStepsMinutes);
    expect(problems).toEqual([]);
  });

  it('report a row whose value is not an object and use the defaults', () => {
    const { settings, problems } = settingsFromRow({ key: 'study', value: 'garbage' });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toMatchObject([{ table: 'settings', field: 'value' }]);
  });

  it('reject a step list with a non-number', () => {
    const { settings, problems } = settingsFromRow({ key: 'study', value: { learningStepsMinutes: [1, 'ten'] } });
    expect(settings.learningStepsMinutes).toEqual(DEFAULT_SETTINGS.learningStepsMinutes);
    expect(problems).toMatchObject([{ field: 'value.learningStepsMinutes' }]);
  });

  it('keep unknown stored fields when writing', () => {
    const row = settingsToRow(DEFAULT_SETTINGS, { key: 'study', value: { futureOption: 1, newCardsPerDay: 99 } });
    expect(row).toEqual({ key: 'study', value: { ...DEFAULT_SETTINGS, futureOption: 1 } });
  });
});
