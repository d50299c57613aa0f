import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { asDeckId } from '../../../domain/ids';
import { cardHistories, DEFAULT_FSRS_WEIGHTS } from '../../../domain/scheduling/memory-model';
import { syntheticReviewLog } from '../../../test-support/synthetic-log';
import { fitWeights, type ComputeParameters } from './fit-weights';

// Parameters of a harder-than-average student: low initial stabilities, faster forgetting.
const TRUE_WEIGHTS = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.3 : i === 20 ? 0.45 : w));
const START = Date.UTC(2026, 0, 5, 8);

let compute: ComputeParameters;

beforeAll(async () => {
  // fsrs-browser's thread-pool helper listens on `self` at import; Node has no worker global.
  (globalThis as { self?: unknown }).self ??= new EventTarget();
  const fsrs = await import('fsrs-browser');
  const wasmPath = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
  fsrs.initSync({ module: readFileSync(wasmPath) });
  const engine = new fsrs.Fsrs();
  compute = (ratings, deltas, lengths) => engine.computeParameters(ratings, deltas, lengths, undefined, true);
}, 60_000);

describe('fitWeights', () => {
  it('fits a log generated from known parameters better than the defaults do', () => {
    const log = syntheticReviewLog({
      weights: TRUE_WEIGHTS,
      deckId: asDeckId('synthetic'),
      cardIds: Array.from({ length: 300 }, (_, i) => `card-${i}`),
      newCardsPerDay: 10,
      days: 60,
      startAt: START,
      seed: 7,
    });
    expect(log.length).toBeGreaterThan(1500);
    const histories = cardHistories(log, 4);
    const result = fitWeights(compute, histories, null, () => 0);

    expect(result.weights).toHaveLength(21);
    expect(result.weights.every(Number.isFinite)).toBe(true);
    expect(result.itemCount).toBeGreaterThan(800);
    expect(result.fitted.reviewCount).toBe(result.current.reviewCount);
    expect(result.fitted.logLoss).toBeLessThan(result.current.logLoss);
    // The fit recovers the student's low first-review stability (Good: w2), far below the default.
    expect(result.weights[2]!).toBeLessThan(DEFAULT_FSRS_WEIGHTS[2]! * 0.6);
  }, 60_000);
});
