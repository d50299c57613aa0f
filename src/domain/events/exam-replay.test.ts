import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
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

describe('an exam on a parent deck in replay', () => {
  const COURSE = asDeckId('course');
  const WEEK = asDeckId('week-1');
  const LAB = asDeckId('lab');

  it("schedules a subdeck's review for the parent's exam, and replays it the same on another device in any order", () => {
    const phone = TestDevice.named('phone', 4);
    const examAt = NOW + 5 * DAY;
    phone.settings({ examAt, examTargetRecall: 0.95 }, NOW - 1000, COURSE);
    const review = phone.review('c1', 'easy', NOW, LAB, [WEEK, COURSE]);
    if (review.kind !== 'review') throw new Error('unreachable');
    expect(review.after.dueAt).toBeLessThan(examAt);
    // The same grade in a deck outside the family is not held back.
    const outside = phone.review('c1', 'easy', NOW, asDeckId('other'));
    if (outside.kind !== 'review') throw new Error('unreachable');
    expect(outside.after.dueAt).toBeGreaterThan(examAt);

    // The laptop has only the log: the settings events and the review with its recorded ancestors.
    const settings = phone.events.filter((e): e is SettingsEvent => e.kind === 'settings');
    const cardEvents = phone.events.filter(isCardEvent).filter((e) => e.deckId === LAB);
    expect(replayCard([...cardEvents].reverse(), createSettingsTimeline([...settings].reverse())).state).toEqual(review.after);
    // Removing the parent's exam later does not rewrite the review made under it.
    phone.settings({ examAt: null }, NOW + 1000, COURSE);
    expect(phone.stateOf(asCardId('c1'), LAB)).toEqual(review.after);
    // And a grade after the removal follows normal scheduling.
    const later = phone.review('c2', 'easy', NOW + 2000, LAB, [WEEK, COURSE]);
    if (later.kind !== 'review') throw new Error('unreachable');
    expect(later.after.dueAt).toBeGreaterThan(examAt);
  });

  it("lets the subdeck's own exam ahead win over the parent's, and the nearest ancestor's over a further one", () => {
    const device = TestDevice.named('phone', 5);
    device.settings({ examAt: NOW + 30 * DAY }, NOW - 3000, COURSE);
    device.settings({ examAt: NOW + 5 * DAY }, NOW - 2000, WEEK);
    const underWeek = device.review('c1', 'easy', NOW, LAB, [WEEK, COURSE]);
    if (underWeek.kind !== 'review') throw new Error('unreachable');
    expect(underWeek.after.dueAt).toBeLessThan(NOW + 5 * DAY);
    // The lab's own exam, far ahead, wins: Easy keeps its normal interval.
    device.settings({ examAt: NOW + 60 * DAY }, NOW - 1000, LAB);
    const own = device.review('c2', 'easy', NOW, LAB, [WEEK, COURSE]);
    if (own.kind !== 'review') throw new Error('unreachable');
    expect(own.after.dueAt).toBeGreaterThan(NOW + 5 * DAY);
  });

  it("treats a review without recorded ancestors (an older event) as its own deck's, with no parent's exam", () => {
    const device = TestDevice.named('phone', 6);
    device.settings({ examAt: NOW + 5 * DAY }, NOW - 1000, COURSE);
    const old = device.review('c1', 'easy', NOW, LAB);
    if (old.kind !== 'review') throw new Error('unreachable');
    expect(old.after.dueAt).toBeGreaterThan(NOW + 5 * DAY);
    expect(device.stateOf(asCardId('c1'), LAB)).toEqual(old.after);
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
