import { describe, expect, it } from 'vitest';
import { todayStats } from './today';
import { DAY_START_HOUR, HOUR, NOW, TODAY_START, cardState, review } from './test-fixtures';

describe('todayStats', () => {
  it('counts every answer since the day started, the time spent and the average per card', () => {
    const log = [
      review(TODAY_START, 'good', null, 4_000),
      review(TODAY_START + HOUR, 'again', cardState('l', 'learning', 0), 8_000),
      review(NOW, 'easy', cardState('r', 'review', 3), 3_000),
      review(TODAY_START - 1, 'good', null, 60_000), // yesterday's study day
    ];
    expect(todayStats(log, NOW, DAY_START_HOUR)).toEqual({ reviews: 3, studyMs: 15_000, averageSeconds: 5 });
  });

  it('has no average before the first review', () => {
    expect(todayStats([], NOW, DAY_START_HOUR)).toEqual({ reviews: 0, studyMs: 0, averageSeconds: null });
  });
});
