import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { cardHistories, DEFAULT_FSRS_WEIGHTS, estimateReviewLoad, logLoss, toOptimizerInput } from './memory-model';
import { newCardState } from './scheduler';
import { syntheticReviewLog } from '../../test-support/synthetic-log';
import type { CardState, Rating, ReviewLogEntry } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 UTC (the tests run with TZ=UTC), study days start at 4 am.
const DAY0 = Date.UTC(2026, 0, 5, 10);
const deckId = asDeckId('d');

function entry(cardId: string, rating: Rating, reviewedAt: number, id: number): ReviewLogEntry {
  const state = newCardState(deckId, asCardId(cardId), reviewedAt);
  return { id: String(id).padStart(4, '0'), deckId, cardId: asCardId(cardId), rating, reviewedAt, answerMs: 1000, before: null, after: state };
}

describe('cardHistories', () => {
  it('groups by card, orders by time and counts study days between reviews', () => {
    const log = [
      entry('b', 'good', DAY0 + HOUR, 3),
      entry('a', 'again', DAY0, 1),
      entry('a', 'good', DAY0 + 10 * 60_000, 2),
      // 3 am the next calendar day still belongs to day 0's study day (it starts at 4 am).
      entry('a', 'good', DAY0 + 17 * HOUR, 4),
      entry('a', 'hard', DAY0 + 3 * DAY, 5),
    ];
    expect(cardHistories(log, 4)).toEqual([
      { ratings: [3], dayDeltas: [0] },
      { ratings: [1, 3, 3, 2], dayDeltas: [0, 0, 0, 3] },
    ]);
  });
});

describe('toOptimizerInput', () => {
  it('makes one item per review prefix that ends a day or more after the previous review', () => {
    const input = toOptimizerInput([
      { ratings: [3, 3, 1, 3], dayDeltas: [0, 2, 5, 0] },
      { ratings: [4], dayDeltas: [0] },
    ]);
    expect(input.itemCount).toBe(2);
    expect(Array.from(input.lengths)).toEqual([2, 3]);
    expect(Array.from(input.ratings)).toEqual([3, 3, 3, 3, 1]);
    expect(Array.from(input.dayDeltas)).toEqual([0, 2, 0, 2, 5]);
  });
});

describe('logLoss', () => {
  it('scores only reviews a day or more after the previous one', () => {
    const result = logLoss([{ ratings: [3, 3, 3, 1], dayDeltas: [0, 0, 3, 10] }], DEFAULT_FSRS_WEIGHTS);
    expect(result.reviewCount).toBe(2);
    expect(result.logLoss).toBeGreaterThan(0);
  });

  it('prefers the parameters a log was generated from over the defaults', () => {
    const truth = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.3 : i === 20 ? 0.45 : w));
    const log = syntheticReviewLog({
      weights: truth,
      deckId,
      cardIds: Array.from({ length: 150 }, (_, i) => `c${i}`),
      newCardsPerDay: 10,
      days: 60,
      startAt: DAY0,
      seed: 3,
    });
    const histories = cardHistories(log, 4);
    expect(logLoss(histories, truth).logLoss).toBeLessThan(logLoss(histories, DEFAULT_FSRS_WEIGHTS).logLoss);
  });
});

describe('estimateReviewLoad', () => {
  const reviewState = (stability: number): CardState => ({
    ...newCardState(deckId, asCardId(`s${stability}`), DAY0),
    phase: 'review',
    stability,
    lastReviewedAt: DAY0,
  });
  const base = { newCardsPerDay: 20, weights: null, states: [reviewState(5), reviewState(30), reviewState(200)], maximumIntervalDays: 36500 };

  it('grows with the desired retention, for studied cards and for a year of new cards', () => {
    const low = estimateReviewLoad({ ...base, desiredRetention: 0.8 });
    const mid = estimateReviewLoad({ ...base, desiredRetention: 0.9 });
    const high = estimateReviewLoad({ ...base, desiredRetention: 0.97 });
    expect(low.currentCardsPerDay).toBeLessThan(mid.currentCardsPerDay);
    expect(mid.currentCardsPerDay).toBeLessThan(high.currentCardsPerDay);
    expect(low.afterOneYearPerDay).toBeLessThan(mid.afterOneYearPerDay);
    expect(mid.afterOneYearPerDay).toBeLessThan(high.afterOneYearPerDay);
  });

  it('counts each studied card as one review per interval', () => {
    // At 0.9 retention a card's interval equals its stability (rounded), by FSRS's definition.
    const load = estimateReviewLoad({ ...base, newCardsPerDay: 0, desiredRetention: 0.9 });
    expect(load.currentCardsPerDay).toBeCloseTo(1 / 5 + 1 / 30 + 1 / 200, 3);
    expect(load.afterOneYearPerDay).toBe(0);
  });

  it('scales the future load with the number of new cards a day', () => {
    const ten = estimateReviewLoad({ ...base, newCardsPerDay: 10, desiredRetention: 0.9 });
    const twenty = estimateReviewLoad({ ...base, newCardsPerDay: 20, desiredRetention: 0.9 });
    expect(twenty.afterOneYearPerDay).toBeCloseTo(ten.afterOneYearPerDay * 2, 6);
  });
});
