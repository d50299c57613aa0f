import { describe, expect, it } from 'vitest';
import { SettingsError } from '../settings/errors';
import { examDateText, parseExamDraft, toExamDraft } from './exam-form';

const NOW = new Date(2026, 10, 30, 9, 0, 0).getTime();

describe('the exam form', () => {
  it('stores a date as the start of its study day, and shows it back as the same date', () => {
    const parsed = parseExamDraft({ date: '2026-12-05', targetPercent: '95', dailyMinutes: '30' }, NOW, 4);
    expect(parsed).toEqual({ examAt: new Date(2026, 11, 5, 4).getTime(), examTargetRecall: 0.95, examDailyMinutes: 30 });
    expect(toExamDraft(parsed)).toEqual({ date: '2026-12-05', targetPercent: '95', dailyMinutes: '30' });
    expect(examDateText(parsed.examAt!)).toBe('2026-12-05');
  });

  it('turns exam mode off with no date, and leaves the minutes uncapped when empty', () => {
    expect(parseExamDraft({ date: '', targetPercent: '95', dailyMinutes: '' }, NOW, 4)).toEqual({ examAt: null, examTargetRecall: 0.95, examDailyMinutes: null });
  });

  it('refuses a past date, an impossible date, a target out of range and fractional minutes, naming the field', () => {
    const fieldOf = (draft: { date: string; targetPercent: string; dailyMinutes: string }) => {
      try {
        parseExamDraft(draft, NOW, 4);
        return null;
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        return [error.field, error.message];
      }
    };
    expect(fieldOf({ date: '2026-11-30', targetPercent: '95', dailyMinutes: '' })).toEqual(['date', 'The exam date must be after today.']);
    expect(fieldOf({ date: '2026-02-30', targetPercent: '95', dailyMinutes: '' })?.[0]).toBe('date');
    expect(fieldOf({ date: '2026-12-05', targetPercent: '100', dailyMinutes: '' })).toEqual(['targetPercent', 'The target recall must be between 70% and 99%.']);
    expect(fieldOf({ date: '2026-12-05', targetPercent: 'x', dailyMinutes: '' })?.[0]).toBe('targetPercent');
    expect(fieldOf({ date: '2026-12-05', targetPercent: '95', dailyMinutes: '2.5' })?.[0]).toBe('dailyMinutes');
  });
});
