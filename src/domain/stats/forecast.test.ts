import { describe, expect, it } from 'vitest';
import { FORECAST_DAYS, dueForecast } from './forecast';
import { DAY, DAY_START_HOUR, HOUR, NOW, TODAY_START, cardState } from './test-fixtures';

describe('dueForecast', () => {
  it('has the next 30 study days, starting today', () => {
    const forecast = dueForecast([], NOW, DAY_START_HOUR);
    expect(forecast).toHaveLength(FORECAST_DAYS);
    expect(forecast[0]).toEqual({ dayStart: TODAY_START, due: 0 });
    expect(forecast[29]?.dayStart).toBe(TODAY_START + 29 * DAY);
  });

  it('puts overdue cards on today and each other card on the study day it falls due', () => {
    const states = [
      cardState('overdue', 'review', 3, { dueAt: NOW - 5 * DAY }),
      cardState('later-today', 'learning', 0, { dueAt: NOW + HOUR }),
      cardState('tomorrow-1am', 'review', 1, { dueAt: TODAY_START + DAY - 3 * HOUR }),
      cardState('tomorrow', 'review', 1, { dueAt: TODAY_START + DAY }),
      cardState('day-29', 'review', 29, { dueAt: TODAY_START + 29 * DAY + HOUR }),
      cardState('too-late', 'review', 40, { dueAt: TODAY_START + 30 * DAY }),
    ];
    const due = dueForecast(states, NOW, DAY_START_HOUR).map((d) => d.due);
    expect(due[0]).toBe(3);
    expect(due[1]).toBe(1);
    expect(due[29]).toBe(1);
    expect(due.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('leaves out new and suspended cards', () => {
    const states = [
      cardState('new', 'new', 0, { dueAt: NOW }),
      cardState('suspended', 'review', 1, { dueAt: NOW, isSuspended: true }),
    ];
    expect(dueForecast(states, NOW, DAY_START_HOUR).every((d) => d.due === 0)).toBe(true);
  });
});
