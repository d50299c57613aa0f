import type { CardHistory } from '../../../domain/scheduling/memory-model';
import type { FitResult } from './fit-weights';

/** Page → worker: fit weights to these histories and score them against the current weights. */
export interface FitRequest {
  readonly histories: readonly CardHistory[];
  readonly currentWeights: readonly number[] | null;
}

/** What the optimizer is doing, for the progress indicator. */
export type FitStage = 'loading' | 'fitting';

/** Worker → page. */
export type FitMessage =
  | { readonly type: 'stage'; readonly stage: FitStage }
  | { readonly type: 'done'; readonly result: FitResult }
  | { readonly type: 'error'; readonly reason: 'no-shared-memory' | 'failed'; readonly message: string };
