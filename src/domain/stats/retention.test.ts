import { describe, expect, it } from 'vitest';
import { passRate, trueRetention } from './retention';
import { DAY, DAY_START_HOUR, HOUR, NOW, TODAY_START, cardState, review } from './test-fixtures';

const young = cardState('y', 'review', 20);
const mature = cardState('m', 'review', 21);

describe('trueRetention', () => {
  it('splits review-phase reviews into young (< 21 days) and mature, counting Again as failed', () => {
    const log = [
      review(NOW - HOUR, 'good', young),
      review(NOW - HOUR, 'again', young),
      review(NOW - HOUR, 'hard', mature),
      review(NOW - HOUR, 'easy', mature),
      review(NOW - HOUR, 'again', mature),
    ];
    const [week] = trueRetention(log, NOW, DAY_START_HOUR);
    expect(week).toEqual({
      days: 7,
      young: { passed: 1, total: 2 },
      mature: { passed: 2, total: 3 },
      all: { passed: 3, total: 5 },
    });
  });

  it('leaves out first views and (re)learning steps', () => {
    const log = [
      review(NOW - HOUR, 'again', null),
      review(NOW - HOUR, 'again', cardState('l', 'learning', 0)),
      review(NOW - HOUR, 'good', cardState('r', 'relearning', 0)),
    ];
    const [week] = trueRetention(log, NOW, DAY_START_HOUR);
    expect(week?.all.total).toBe(0);
    expect(passRate(week!.all)).toBeNull();
  });

  it('counts each review in every period that contains its study day', () => {
    const log = [
      review(TODAY_START + HOUR, 'good', young), // today
      review(TODAY_START - 6 * DAY, 'again', young), // first day of the 7-day period
      review(TODAY_START - 6 * DAY - HOUR, 'good', mature), // day 8: 30-day period only
      review(TODAY_START - 100 * DAY, 'good', mature), // 365-day period only
      review(TODAY_START - 365 * DAY, 'good', mature), // older than a year
    ];
    const totals = trueRetention(log, NOW, DAY_START_HOUR).map((p) => [p.days, p.all.total, p.all.passed]);
    expect(totals).toEqual([
      [7, 2, 1],
      [30, 3, 2],
      [365, 4, 3],
    ]);
  });

  it('gives the pass rate as a fraction', () => {
    expect(passRate({ passed: 9, total: 10 })).toBeCloseTo(0.9);
  });
});
