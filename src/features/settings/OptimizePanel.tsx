import { useMemo, useState } from 'react';
import { cardHistories, DEFAULT_FSRS_WEIGHTS, MIN_REVIEWS_TO_OPTIMIZE } from '../../domain/scheduling/memory-model';
import type { ReviewLogEntry } from '../../domain/scheduling/types';
import { useStudyStore } from '../../store';
import { OptimizerProgress } from './OptimizerProgress';
import { ParameterComparison } from './ParameterComparison';
import { useOptimizer } from './use-optimizer';

/** Fits FSRS parameters to the user's own reviews, shows them beside the current ones, applies on request. */
export function OptimizePanel({ reviewLog }: { readonly reviewLog: readonly ReviewLogEntry[] | null }) {
  const settings = useStudyStore((s) => s.settings);
  const applyFsrsWeights = useStudyStore((s) => s.applyFsrsWeights);
  const restorePreviousFsrsWeights = useStudyStore((s) => s.restorePreviousFsrsWeights);
  const { status, run, reset } = useOptimizer();
  const [message, setMessage] = useState<string | null>(null);
  const histories = useMemo(() => (reviewLog ? cardHistories(reviewLog, settings.dayStartHour) : null), [reviewLog, settings.dayStartHour]);

  const reviewCount = reviewLog?.length ?? 0;
  const isEnough = reviewCount >= MIN_REVIEWS_TO_OPTIMIZE;
  const currentWeights = settings.fsrsWeights ?? DEFAULT_FSRS_WEIGHTS;
  const canRestore = settings.previousFsrsWeights !== null || settings.fsrsWeights !== null;

  async function apply(weights: readonly number[]) {
    const failure = await applyFsrsWeights(weights);
    setMessage(failure ?? 'Your fitted parameters are now in use.');
    if (!failure) reset();
  }

  async function restore() {
    const failure = await restorePreviousFsrsWeights();
    setMessage(failure ?? 'The previous parameters are back in use.');
  }

  return (
    <section className="settings-section" aria-labelledby="optimize-title">
      <h2 id="optimize-title">Personal FSRS parameters</h2>
      <p>
        Now using <strong>{settings.fsrsWeights ? 'parameters fitted to your reviews' : 'the default parameters'}</strong>. Optimize fits the
        memory model to your own review history, on this device. It needs at least {MIN_REVIEWS_TO_OPTIMIZE} reviews; you have{' '}
        <span data-testid="review-count">{reviewLog ? reviewCount : '…'}</span>.
      </p>
      <div className="settings-actions">
        <button type="button" className="button button--primary" disabled={!isEnough || status.kind === 'running' || !histories}
          onClick={() => {
            setMessage(null);
            if (histories) run(histories, settings.fsrsWeights);
          }}>
          Optimize
        </button>
        {canRestore && (
          <button type="button" className="button" disabled={status.kind === 'running'} onClick={() => void restore()}>
            Restore the previous parameters
          </button>
        )}
      </div>
      {status.kind === 'running' && <OptimizerProgress stage={status.stage} startedAt={status.startedAt} />}
      {status.kind === 'error' && <p role="alert" className="notice notice--error">{status.message}</p>}
      {status.kind === 'done' && (
        <>
          <p>Fitted {status.result.itemCount} review histories in {(status.totalMs / 1000).toFixed(1)} s.</p>
          <ParameterComparison currentWeights={currentWeights} result={status.result} />
          <div className="settings-actions">
            <button type="button" className="button button--primary" onClick={() => void apply(status.result.weights)}>
              Use the fitted parameters
            </button>
            <button type="button" className="button" onClick={reset}>
              Keep the current ones
            </button>
          </div>
        </>
      )}
      <p role="status" className="settings-status">{message}</p>
    </section>
  );
}
