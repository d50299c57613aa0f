import { describe, expect, it } from 'vitest';
import { HEATMAP_DAYS, reviewHeatmap } from './heatmap';
import { DAY, DAY_START_HOUR, HOUR, NOW, TODAY_START, cardState, review } from './test-fixtures';

const card = cardState('a', 'review', 5);

describe('reviewHeatmap', () => {
  it('has one cell per day for the past year, today last, each with its weekday', () => {
    const { days } = reviewHeatmap([], NOW, DAY_START_HOUR);
    expect(days).toHaveLength(HEATMAP_DAYS);
    expect(days.at(-1)).toEqual({ dayStart: TODAY_START, weekday: 1, reviews: 0 });
    expect(days[0]?.dayStart).toBe(TODAY_START - (HEATMAP_DAYS - 1) * DAY);
  });

  it('counts reviews per study day, ignoring reviews older than a year or after now', () => {
    const log = [
      review(TODAY_START + HOUR, 'good', card),
      review(TODAY_START - 3 * HOUR, 'again', card), // 1 am: still yesterday's study day
      review(TODAY_START - 2 * DAY, 'good', card),
      review(TODAY_START - 400 * DAY, 'good', card),
      review(NOW + HOUR, 'good', card),
    ];
    const heatmap = reviewHeatmap(log, NOW, DAY_START_HOUR);
    expect(heatmap.days.slice(-3).map((d) => d.reviews)).toEqual([1, 1, 1]);
    expect(heatmap.totalReviews).toBe(3);
    expect(heatmap.activeDays).toBe(3);
  });

  it('counts the streak of consecutive days up to today', () => {
    const log = [0, 1, 2, 4].map((daysAgo) => review(TODAY_START - daysAgo * DAY + HOUR, 'good', card));
    expect(reviewHeatmap(log, NOW, DAY_START_HOUR).streakDays).toBe(3);
  });

  it('keeps yesterday’s streak while today has no review yet, and is 0 once a day was missed', () => {
    const fromYesterday = [1, 2].map((daysAgo) => review(TODAY_START - daysAgo * DAY + HOUR, 'good', card));
    expect(reviewHeatmap(fromYesterday, NOW, DAY_START_HOUR).streakDays).toBe(2);
    const gap = [2, 3].map((daysAgo) => review(TODAY_START - daysAgo * DAY + HOUR, 'good', card));
    expect(reviewHeatmap(gap, NOW, DAY_START_HOUR).streakDays).toBe(0);
  });
});
