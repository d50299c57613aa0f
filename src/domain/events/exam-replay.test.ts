import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { balancedDueAt, elapsedWholeDays, fuzzRange } from '../scheduling/load-balance';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { replayCard, schedulerFor } from './replay';
import { createSettingsTimeline } from './settings-log';
import { DAY, DECK, NOW, TestDevice, isCardEvent } from './test-events';
import type { SettingsEvent } from './types';

// Issue 14: exam mode is a deck setting, so its shortened intervals travel as settings events and
// every device that replays the reviews schedules them as the grading device did.
describe('exam mode in replay', () => {
  it('replays an exam-capped review exactly, and a later removal of the date does not rewrite it', () => {
    const phone = TestDevice.named('phone', 1);
    const examAt = NOW + 5 * DAY;
    phone.settings({ examAt, examTargetRecall: 0.95 }, NOW - 1000, DECK);
    const review = phone.review('c1', 'easy', NOW);
    if (review.kind !== 'review') throw new Error('unreachable');
    expect(review.after.dueAt).toBeLessThan(examAt);
    phone.settings({ examAt: null }, NOW + 1000, DECK);

    const laptop = TestDevice.named('laptop', 2);
    const settings = phone.events.filter((e): e is SettingsEvent => e.kind === 'settings');
    const replayed = replayCard(phone.events.filter(isCardEvent).reverse(), createSettingsTimeline([...settings].reverse()));
    expect(replayed.state).toEqual(review.after);
    // Graded after the date was removed, the same grade goes past the old exam date.
    laptop.events.push(...phone.events);
    const later = laptop.review('c2', 'easy', NOW + 2000);
    if (later.kind !== 'review') throw new Error('unreachable');
    expect(later.after.dueAt).toBeGreaterThan(examAt);
    expect(laptop.stateOf(asCardId('c1'))).toEqual(review.after);
  });
});

describe('load balancing in replay', () => {
  it('reproduces the balanced due time recorded on a review, in any event order, and ignores one outside the fuzz range', () => {
    const device = TestDevice.named('phone', 3);
    let review = device.review('c1', 'easy', NOW);
    for (let i = 0; i < 2; i += 1) review = device.review('c1', 'good', review.kind === 'review' ? review.after.dueAt : NOW);
    if (review.kind !== 'review') throw new Error('unreachable');
    const at = review.after.dueAt;
    const before = review.after;
    // Grade as the session would, then balance against a busy calendar with one quiet day.
    const id = device.id(at);
    const graded = schedulerFor(DEFAULT_SETTINGS).grade(before, 'good', at, id);
    const range = fuzzRange(graded, elapsedWholeDays(before, at), DEFAULT_SETTINGS)!;
    const dueAt = balancedDueAt({ state: graded, now: at, elapsedDays: elapsedWholeDays(before, at), settings: DEFAULT_SETTINGS, loadOn: (d) => (d === range.maxDays ? 0 : 9), easyWeekdays: [] });
    expect(dueAt).toBe(at + range.maxDays * DAY);
    const balanced = { id, deviceId: device.deviceId, createdAt: at, deckId: DECK, cardId: asCardId('c1'), kind: 'review' as const, rating: 'good' as const, answerMs: 4000, before, after: { ...graded, dueAt: dueAt!, scheduledDays: range.maxDays }, balancedDueAt: dueAt! };
    const events = [...device.events.filter(isCardEvent), balanced];
    const timeline = createSettingsTimeline([]);
    const forward = replayCard(events, timeline).state;
    expect(forward).toEqual(balanced.after);
    expect(replayCard([...events].reverse(), timeline).state).toEqual(forward);
    // A recorded time outside the card's fuzz range is not honoured: the grade stands as scheduled.
    const hostile = { ...balanced, balancedDueAt: at + (range.maxDays + 30) * DAY };
    expect(replayCard([...device.events.filter(isCardEvent), hostile], timeline).state).toEqual(graded);
  });
});
