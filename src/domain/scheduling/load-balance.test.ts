import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { balancedDueAt, elapsedWholeDays, fuzzRange, honourBalancedDueAt } from './load-balance';
import { createScheduler, newCardState } from './scheduler';
import type { CardState } from './types';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 30, 9, 0, 0).getTime();
const deckId = asDeckId('c3');
const scheduler = createScheduler(DEFAULT_SETTINGS);

/** A card reviewed a few times, then graded Good at `now`: an interval of weeks, with a wide fuzz range. */
function matureCard(id: string): { before: CardState; after: CardState; now: number } {
  let state = scheduler.grade(newCardState(deckId, asCardId(id), NOW - 60 * DAY), 'easy', NOW - 60 * DAY, `${id}-0`);
  for (let i = 1; i <= 2; i += 1) state = scheduler.grade(state, 'good', state.dueAt, `${id}-${i}`);
  const now = state.dueAt;
  return { before: state, after: scheduler.grade(state, 'good', now, `${id}-3`), now };
}

describe('load balancing', () => {
  const { before, after, now } = matureCard('m1');
  const elapsed = elapsedWholeDays(before, now);
  const range = fuzzRange(after, elapsed, DEFAULT_SETTINGS)!;

  it('gives the graded card a fuzz range of several days around its interval', () => {
    expect(range.maxDays - range.minDays).toBeGreaterThanOrEqual(2);
    expect(after.scheduledDays).toBeGreaterThanOrEqual(range.minDays);
    expect(after.scheduledDays).toBeLessThanOrEqual(range.maxDays);
  });

  it('moves the review to the least busy day, and never outside the fuzz range', () => {
    const quietDay = range.minDays;
    const loads = (days: number) => (days === quietDay ? 1 : 50);
    const dueAt = balancedDueAt({ state: after, now, elapsedDays: elapsed, settings: DEFAULT_SETTINGS, loadOn: loads, easyWeekdays: [] });
    expect(dueAt).toBe(now + quietDay * DAY);
    // Whatever the loads, the chosen day stays inside the range.
    for (let seed = 0; seed < 30; seed += 1) {
      const chosen = balancedDueAt({ state: after, now, elapsedDays: elapsed, settings: DEFAULT_SETTINGS, loadOn: (d) => (d * 7919 + seed * 104729) % 13, easyWeekdays: [] });
      const days = chosen === null ? after.scheduledDays : (chosen - now) / DAY;
      expect(days).toBeGreaterThanOrEqual(range.minDays);
      expect(days).toBeLessThanOrEqual(range.maxDays);
    }
  });

  it('keeps the scheduled day when the loads are even, and keeps an exam-shortened interval', () => {
    expect(balancedDueAt({ state: after, now, elapsedDays: elapsed, settings: DEFAULT_SETTINGS, loadOn: () => 10, easyWeekdays: [] })).toBeNull();
    const shortened = { ...after, scheduledDays: 1, dueAt: now + DAY };
    expect(balancedDueAt({ state: shortened, now, elapsedDays: elapsed, settings: DEFAULT_SETTINGS, loadOn: (d) => d, easyWeekdays: [] })).toBeNull();
  });

  it('gives easy weekdays fewer reviews: an equally busy easy day loses to a normal one', () => {
    const weekdayOf = (days: number) => new Date(now + days * DAY).getDay();
    const easyWeekdays = [weekdayOf(after.scheduledDays)];
    const chosen = balancedDueAt({ state: after, now, elapsedDays: elapsed, settings: DEFAULT_SETTINGS, loadOn: () => 10, easyWeekdays });
    expect(chosen).not.toBeNull();
    expect(easyWeekdays).not.toContain(new Date(chosen!).getDay());
  });

  it('honours a recorded due time only inside the fuzz range', () => {
    const inside = now + range.minDays * DAY;
    expect(honourBalancedDueAt(after, now, elapsed, DEFAULT_SETTINGS, inside)).toEqual({ ...after, dueAt: inside, scheduledDays: range.minDays });
    expect(honourBalancedDueAt(after, now, elapsed, DEFAULT_SETTINGS, now + (range.maxDays + 5) * DAY)).toBe(after);
    expect(honourBalancedDueAt(after, now, elapsed, DEFAULT_SETTINGS, inside + 1234)).toBe(after);
  });
});
