import { describe, expect, it } from 'vitest';
import { buildStatsReport, statsWindowStart } from './stats-report';
import { DAY, DAY_START_HOUR, HOUR, NOW, TODAY_START, cardState, review } from './test-fixtures';

describe('buildStatsReport', () => {
  it('needs the review log from the start of the oldest heatmap day on', () => {
    expect(statsWindowStart(NOW, DAY_START_HOUR)).toBe(TODAY_START - 364 * DAY);
  });

  it('computes every view from one log and one list of card states', () => {
    const studied = cardState('a', 'review', 3, { dueAt: TODAY_START + DAY + HOUR });
    const report = buildStatsReport({
      log: [review(TODAY_START + HOUR, 'good', cardState('a', 'review', 2), 6_000)],
      cardStates: [studied, undefined, undefined],
      now: NOW,
      dayStartHour: DAY_START_HOUR,
    });
    expect(report.heatmap.days.at(-1)?.reviews).toBe(1);
    expect(report.forecast[1]?.due).toBe(1);
    expect(report.retention[0]?.young).toEqual({ passed: 1, total: 1 });
    expect(report.counts).toMatchObject({ fresh: 2, young: 1, total: 3 });
    expect(report.today).toEqual({ reviews: 1, studyMs: 6_000, averageSeconds: 6 });
  });
});
