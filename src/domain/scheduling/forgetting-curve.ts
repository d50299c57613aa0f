/**
 * The FSRS-6 forgetting curve and stability update, exposed in our own terms so planning code can
 * predict recall at any date without importing ts-fsrs. Days are fractional 24-hour days.
 */
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import type { CardState } from './types';

const DAY_MS = 86_400_000;

/** What the planner needs from the memory model, for one set of weights. */
export interface MemoryModel {
  /** Probability of recall `elapsedDays` after a review that left `stability` (days). */
  retrievability(elapsedDays: number, stability: number): number;
  /** Stability after a successful (Good) review `elapsedDays` after the previous one. */
  stabilityAfterRecall(stability: number, difficulty: number, elapsedDays: number): number;
  /** The memory after a review graded 1–4 (Again–Easy); `null` memory is a first review. */
  nextMemory(memory: Memory | null, elapsedDays: number, grade: 1 | 2 | 3 | 4): Memory;
}

/** Stability (days) and difficulty (1–10) of one card. */
export interface Memory {
  readonly stability: number;
  readonly difficulty: number;
}

const models = new Map<string, MemoryModel>();

/** The memory model for `weights` (null: the published FSRS-6 defaults); cached per weight set. */
export function memoryModel(weights: readonly number[] | null): MemoryModel {
  const key = weights === null ? 'default' : weights.join(',');
  let model = models.get(key);
  if (!model) {
    const algorithm = new FSRSAlgorithm(generatorParameters({ enable_short_term: true, ...(weights ? { w: [...weights] } : {}) }));
    model = {
      retrievability: (elapsedDays, stability) => (stability > 0 ? algorithm.forgetting_curve(Math.max(0, elapsedDays), stability) : 0),
      stabilityAfterRecall: (stability, difficulty, elapsedDays) => algorithm.next_state({ stability, difficulty }, elapsedDays, 3).stability,
      nextMemory: (memory, elapsedDays, grade) => algorithm.next_state(memory, elapsedDays, grade),
    };
    models.set(key, model);
  }
  return model;
}

/**
 * A card's probability of recall at `at` (epoch ms): 0 for a card never reviewed, so a deck's
 * mean counts new cards as not known.
 */
export function retrievabilityAt(model: MemoryModel, state: CardState | null, at: number): number {
  if (state === null || state.lastReviewedAt === null || state.reps === 0) return 0;
  return model.retrievability((at - state.lastReviewedAt) / DAY_MS, state.stability);
}

const intervalPolicies = new Map<string, (stability: number) => number>();

/**
 * The interval FSRS gives a stability at a desired retention, in whole days (at least 1, at most
 * `maximumIntervalDays`, no fuzz): ts-fsrs's own `next_interval`. Cached per weights and retention,
 * for simulations that ask it millions of times.
 */
export function intervalPolicy(weights: readonly number[] | null, desiredRetention: number, maximumIntervalDays: number): (stability: number) => number {
  const key = `${weights === null ? 'default' : weights.join(',')}|${desiredRetention}|${maximumIntervalDays}`;
  let policy = intervalPolicies.get(key);
  if (!policy) {
    const algorithm = new FSRSAlgorithm(
      generatorParameters({ request_retention: desiredRetention, maximum_interval: maximumIntervalDays, enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) }),
    );
    policy = (stability) => Math.max(1, algorithm.next_interval(stability, 0));
    intervalPolicies.set(key, policy);
  }
  return policy;
}
