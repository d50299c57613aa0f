/**
 * The exam form's text (a calendar date, a target in percent, minutes a day) to exam settings and
 * back. An exam date is stored as the start of its study day (local time), the moment the
 * scheduler and the planner count to.
 */
import { SettingsError } from '../settings/errors';
import type { StudySettings } from '../settings/study-settings';

export type ExamSettings = Pick<StudySettings, 'examAt' | 'examTargetRecall' | 'examDailyMinutes'>;

export interface ExamDraft {
  /** 'YYYY-MM-DD', as a date input gives it; empty turns exam mode off. */
  readonly date: string;
  /** Percent, 70–99. */
  readonly targetPercent: string;
  /** Whole minutes; empty means no cap. */
  readonly dailyMinutes: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date (local) of a stored exam moment, as 'YYYY-MM-DD'. */
export function examDateText(examAt: number): string {
  const date = new Date(examAt);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of the study day of a 'YYYY-MM-DD' date (local time), or null when it is not such a date. */
export function calendarDateAt(text: string, dayStartHour: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), dayStartHour);
  return examDateText(date.getTime()) === text.trim() ? date.getTime() : null;
}

/** The form's starting text for the current settings. */
export function toExamDraft(settings: ExamSettings): ExamDraft {
  return {
    date: settings.examAt === null ? '' : examDateText(settings.examAt),
    targetPercent: String(Math.round(settings.examTargetRecall * 100)),
    dailyMinutes: settings.examDailyMinutes === null ? '' : String(settings.examDailyMinutes),
  };
}

/**
 * Checks the draft against `now`; throws SettingsError naming the field ('date', 'targetPercent'
 * or 'dailyMinutes'). The exam must be after today: on its own day there is nothing left to plan.
 */
export function parseExamDraft(draft: ExamDraft, now: number, dayStartHour: number): ExamSettings {
  let examAt: number | null = null;
  const dateText = draft.date.trim();
  if (dateText !== '') {
    examAt = calendarDateAt(dateText, dayStartHour);
    if (examAt === null) throw new SettingsError('settings/out-of-range', 'date', 'The exam date must be a date such as 2027-01-31.');
    if (examAt <= now) throw new SettingsError('settings/out-of-range', 'date', 'The exam date must be after today.');
  }
  const target = Number(draft.targetPercent.trim());
  if (draft.targetPercent.trim() === '' || !Number.isFinite(target)) throw new SettingsError('settings/not-a-number', 'targetPercent', 'The target recall must be a number.');
  if (target < 70 || target > 99) throw new SettingsError('settings/out-of-range', 'targetPercent', 'The target recall must be between 70% and 99%.');
  let examDailyMinutes: number | null = null;
  const minutesText = draft.dailyMinutes.trim();
  if (minutesText !== '') {
    const minutes = Number(minutesText);
    if (!Number.isInteger(minutes)) throw new SettingsError('settings/not-an-integer', 'dailyMinutes', 'Minutes a day must be a whole number.');
    if (minutes < 1 || minutes > 1440) throw new SettingsError('settings/out-of-range', 'dailyMinutes', 'Minutes a day must be between 1 and 1440.');
    examDailyMinutes = minutes;
  }
  return { examAt, examTargetRecall: target / 100, examDailyMinutes };
}
