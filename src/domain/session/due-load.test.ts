import { describe, expect, it } from 'vitest';
import { studyDayStart } from '../queue/study-day';
import { dueLoadOf, loadOn, withMovedDue } from './due-load';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(2026, 11, 1, 10, 0, 0).getTime();

describe('due load', () => {
  it('counts cards by study day: 2 am belongs to the day before when days start at 4', () => {
    const today = studyDayStart(NOW, 4);
    const load = dueLoadOf([today + 1 * HOUR, today + 20 * HOUR, today + 23 * HOUR, today + DAY + 1 * HOUR], 4);
    // 4 am + 23 h is 3 am the next calendar day: still today's study day.
    expect(loadOn(load, NOW, 0, 4)).toBe(3);
    expect(loadOn(load, NOW, 1, 4)).toBe(1);
    expect(loadOn(load, NOW, 2, 4)).toBe(0);
  });

  it('moves a card from one day to another, and drops a day left empty', () => {
    const load = dueLoadOf([NOW + DAY], 4);
    const moved = withMovedDue(load, NOW + DAY, NOW + 3 * DAY, 4);
    expect(loadOn(moved, NOW, 1, 4)).toBe(0);
    expect(loadOn(moved, NOW, 3, 4)).toBe(1);
    expect(moved.size).toBe(1);
    expect(withMovedDue(moved, null, NOW + 3 * DAY, 4).get(studyDayStart(NOW + 3 * DAY, 4))).toBe(2);
    expect(withMovedDue(moved, NOW + 3 * DAY, null, 4).size).toBe(0);
    // The original is unchanged: sessions are values.
    expect(loadOn(load, NOW, 1, 4)).toBe(1);
  });
});
