import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { formatInterval } from './format-interval';
import { createScheduler, newCardState } from './scheduler';
import type { CardState } from './types';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const deckId = asDeckId('c3');
const fresh = (id = 'card-1') => newCardState(deckId, asCardId(id), NOW);

describe('createScheduler with the default settings', () => {
  const scheduler = createScheduler(DEFAULT_SETTINGS);

  it('starts a new card as new and due now, with no reviews', () => {
    const state = fresh();
    expect(state).toMatchObject({ phase: 'new', dueAt: NOW, reps: 0, lapses: 0, lastReviewedAt: null });
  });

  it('puts a new card through the 1m and 10m learning steps', () => {
    const preview = scheduler.preview(fresh(), NOW);
    expect(formatInterval(NOW, preview.again.dueAt)).toBe('1m');
    expect(formatInterval(NOW, preview.good.dueAt)).toBe('10m');
    expect(preview.again.state.phase).toBe('learning');
    expect(preview.good.state.phase).toBe('learning');
    // Hard on the first step waits between the two steps, as in Anki.
    expect(preview.hard.dueAt - NOW).toBeGreaterThan(1 * MINUTE);
    expect(preview.hard.dueAt - NOW).toBeLessThan(10 * MINUTE);
    // Easy skips the steps and graduates straight to review, days away.
    expect(preview.easy.state.phase).toBe('review');
    expect(preview.easy.dueAt - NOW).toBeGreaterThanOrEqual(DAY);
  });

  it('graduates a learning card to review after Good on the last step', () => {
    const afterFirst = scheduler.grade(fresh(), 'good', NOW);
    const later = afterFirst.dueAt;
    const graduated = scheduler.grade(afterFirst, 'good', later);
    expect(graduated.phase).toBe('review');
    expect(graduated.dueAt - later).toBeGreaterThanOrEqual(DAY);
    expect(graduated.reps).toBe(2);
    expect(graduated.lastReviewedAt).toBe(later);
  });

  it('sends a forgotten review card to relearning for 10 minutes and counts a lapse', () => {
    const review = scheduler.grade(fresh(), 'easy', NOW);
    const reviewTime = review.dueAt;
    const lapsed = scheduler.grade(review, 'again', reviewTime);
    expect(lapsed.phase).toBe('relearning');
    expect(lapsed.dueAt - reviewTime).toBe(10 * MINUTE);
    expect(lapsed.lapses).toBe(1);
  });

  it('orders review intervals Again < Hard < Good < Easy', () => {
    const review = scheduler.grade(fresh(), 'easy', NOW);
    const preview = scheduler.preview(review, review.dueAt);
    expect(preview.again.dueAt).toBeLessThan(preview.hard.dueAt);
    expect(preview.hard.dueAt).toBeLessThan(preview.good.dueAt);
    expect(preview.good.dueAt).toBeLessThan(preview.easy.dueAt);
  });

  it('keeps the deck and card ids on every state it returns', () => {
    const state = scheduler.grade(fresh('x-9'), 'hard', NOW);
    expect(state.deckId).toBe(deckId);
    expect(state.cardId).toBe('x-9');
  });

  it('is reproducible: the same card, rating and now give the same state (fuzz is seeded)', () => {
    const review = scheduler.grade(fresh(), 'easy', NOW);
    const t = review.dueAt + 30 * DAY;
    expect(createScheduler(DEFAULT_SETTINGS).grade(review, 'good', t)).toEqual(scheduler.grade(review, 'good', t));
  });
});

describe('scheduler settings', () => {
  /** A mature review card: graduated, then reviewed Good a few times. */
  function matureCard(settings = DEFAULT_SETTINGS): { state: CardState; at: number } {
    const scheduler = createScheduler(settings);
    let state = scheduler.grade(fresh(), 'easy', NOW);
    for (let i = 0; i < 3; i += 1) state = scheduler.grade(state, 'good', state.dueAt);
    return { state, at: state.dueAt };
  }

  it('spreads intervals with fuzz, seeded by card id, and not without it', () => {
    const noFuzz = { ...DEFAULT_SETTINGS, isFuzzEnabled: false };
    const { state, at } = matureCard(noFuzz);
    const intervals = (settings: typeof DEFAULT_SETTINGS) =>
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => createScheduler(settings).grade({ ...state, cardId: asCardId(id) }, 'good', at).scheduledDays);
    expect(new Set(intervals(noFuzz)).size).toBe(1);
    expect(new Set(intervals(DEFAULT_SETTINGS)).size).toBeGreaterThan(1);
  });

  it('gives shorter intervals for a higher desired retention', () => {
    const noFuzz = { ...DEFAULT_SETTINGS, isFuzzEnabled: false };
    const { state, at } = matureCard(noFuzz);
    const at90 = createScheduler(noFuzz).grade(state, 'good', at).scheduledDays;
    const at97 = createScheduler({ ...noFuzz, desiredRetention: 0.97 }).grade(state, 'good', at).scheduledDays;
    expect(at97).toBeLessThan(at90);
  });

  it('uses the configured learning steps', () => {
    const scheduler = createScheduler({ ...DEFAULT_SETTINGS, learningStepsMinutes: [5, 30] });
    const preview = scheduler.preview(fresh(), NOW);
    expect(formatInterval(NOW, preview.again.dueAt)).toBe('5m');
    expect(formatInterval(NOW, preview.good.dueAt)).toBe('30m');
  });
});
