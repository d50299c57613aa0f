import { afterEach, describe, expect, it } from 'vitest';
import { dayIndexOf, recentStudyDayStarts, shiftStudyDay } from './days';
import { DAY, DAY_START_HOUR, NOW, TODAY_START } from './test-fixtures';

describe('study days', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = zone;
  });

  it('lists the last N study days, oldest first, ending with today', () => {
    expect(recentStudyDayStarts(NOW, DAY_START_HOUR, 3)).toEqual([TODAY_START - 2 * DAY, TODAY_START - DAY, TODAY_START]);
  });

  it('counts 1 am as part of the previous study day', () => {
    const starts = recentStudyDayStarts(NOW, DAY_START_HOUR, 3);
    expect(dayIndexOf(starts, Date.UTC(2026, 10, 30, 1))).toBe(1);
    expect(dayIndexOf(starts, TODAY_START)).toBe(2);
    expect(dayIndexOf(starts, TODAY_START - 3 * DAY)).toBe(-1);
  });

  it('keeps the local day-start hour across a daylight-saving change (25-hour day)', () => {
    process.env['TZ'] = 'Europe/Berlin';
    // Berlin leaves summer time on 25 October 2026; 4 am local is 02:00Z before, 03:00Z after.
    const before = Date.UTC(2026, 9, 24, 2);
    expect(shiftStudyDay(before, 1)).toBe(Date.UTC(2026, 9, 25, 3));
    expect(shiftStudyDay(before, 1) - before).toBe(25 * 3_600_000);
  });
});
