/**
 * The optimizer's work, apart from how the WASM is loaded: flatten the histories, fit, and score
 * both parameter sets on the same log. The worker runs this; tests run it in Node on the same WASM.
 */
import {
  DEFAULT_FSRS_WEIGHTS,
  logLoss,
  toOptimizerInput,
  type CardHistory,
  type LogLossResult,
} from '../../../domain/scheduling/memory-model';

/** fsrs-browser's Fsrs#computeParameters, narrowed to what the fit uses. */
export type ComputeParameters = (ratings: Uint32Array, dayDeltas: Uint32Array, lengths: Uint32Array) => Float32Array;

export interface FitResult {
  readonly weights: readonly number[];
  /** The parameters in use now (the defaults when null was passed), scored on the log. */
  readonly current: LogLossResult;
  readonly fitted: LogLossResult;
  /** How many optimizer items (review prefixes) the log gave. */
  readonly itemCount: number;
  readonly fitMs: number;
}

/** Rounds to the 4 decimals FSRS parameters are shown and stored with elsewhere. */
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Fits FSRS weights to `histories` and scores them against `currentWeights` (null: defaults). */
export function fitWeights(
  compute: ComputeParameters,
  histories: readonly CardHistory[],
  currentWeights: readonly number[] | null,
  clock: () => number,
): FitResult {
  const input = toOptimizerInput(histories);
  const startedAt = clock();
  const weights = Array.from(compute(input.ratings, input.dayDeltas, input.lengths), round4);
  const fitMs = clock() - startedAt;
  return {
    weights,
    current: logLoss(histories, currentWeights ?? DEFAULT_FSRS_WEIGHTS),
    fitted: logLoss(histories, weights),
    itemCount: input.itemCount,
    fitMs,
  };
}
