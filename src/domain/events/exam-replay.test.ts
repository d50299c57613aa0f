import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { replayCard } from './replay';
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
