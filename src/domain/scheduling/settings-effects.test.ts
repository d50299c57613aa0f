import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { effectiveSettings } from '../settings/deck-overrides';
import { DEFAULT_FSRS_WEIGHTS } from './memory-model';
import { createScheduler, newCardState } from './scheduler';
import type { CardState } from './types';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const deckId = asDeckId('c3');

/** A card in review, last seen 10 days ago with 10 days' stability. */
const reviewCard: CardState = {
  ...newCardState(deckId, asCardId('card-1'), NOW),
  phase: 'review',
  stability: 10,
  difficulty: 5,
  scheduledDays: 10,
  reps: 4,
  dueAt: NOW,
  lastReviewedAt: NOW - 10 * DAY,
};

const goodInterval = (settings: StudySettings) => createScheduler({ ...settings, isFuzzEnabled: false }).preview(reviewCard, NOW).good.dueAt - NOW;

describe('settings change what the scheduler does', () => {
  it('gives shorter intervals at a higher desired retention', () => {
    const at80 = goodInterval({ ...DEFAULT_SETTINGS, desiredRetention: 0.8 });
    const at90 = goodInterval({ ...DEFAULT_SETTINGS, desiredRetention: 0.9 });
    const at97 = goodInterval({ ...DEFAULT_SETTINGS, desiredRetention: 0.97 });
    expect(at90).toBeLessThan(at80);
    expect(at97).toBeLessThan(at90);
  });

  it('uses the learning steps as set', () => {
    const scheduler = createScheduler({ ...DEFAULT_SETTINGS, learningStepsMinutes: [5, 30] });
    const preview = scheduler.preview(newCardState(deckId, asCardId('new'), NOW), NOW);
    expect(preview.again.dueAt - NOW).toBe(5 * MINUTE);
    expect(preview.good.dueAt - NOW).toBe(30 * MINUTE);
  });

  it('uses the relearning steps after a lapse', () => {
    const scheduler = createScheduler({ ...DEFAULT_SETTINGS, relearningStepsMinutes: [15] });
    expect(scheduler.preview(reviewCard, NOW).again.dueAt - NOW).toBe(15 * MINUTE);
  });

  it('gives the same interval twice without fuzz, and varies it by card with fuzz', () => {
    const plain = goodInterval(DEFAULT_SETTINGS);
    expect(goodInterval(DEFAULT_SETTINGS)).toBe(plain);
    const fuzzed = createScheduler({ ...DEFAULT_SETTINGS, isFuzzEnabled: true });
    const intervals = new Set(
      Array.from({ length: 12 }, (_, i) => fuzzed.preview({ ...reviewCard, cardId: asCardId(`card-${i}`) }, NOW).good.dueAt - NOW),
    );
    expect(intervals.size).toBeGreaterThan(1);
  });

  it('schedules with personal FSRS weights when they are set', () => {
    // Weights whose Good stability grows much faster after a successful review (w8 raised).
    const eager = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i === 8 ? w + 1 : w));
    expect(goodInterval({ ...DEFAULT_SETTINGS, fsrsWeights: eager })).toBeGreaterThan(goodInterval(DEFAULT_SETTINGS));
  });

  it('applies a deck override of the retention to that deck only', () => {
    const deckSettings = effectiveSettings(DEFAULT_SETTINGS, { desiredRetention: 0.97 });
    expect(goodInterval(deckSettings)).toBeLessThan(goodInterval(DEFAULT_SETTINGS));
  });
});
