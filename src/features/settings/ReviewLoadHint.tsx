import { useMemo } from 'react';
import { estimateReviewLoad } from '../../domain/scheduling/memory-model';
import type { CardState } from '../../domain/scheduling/types';

export interface ReviewLoadHintProps {
  /** Null while the typed retention is not valid. */
  readonly desiredRetention: number | null;
  readonly newCardsPerDay: number | null;
  readonly weights: readonly number[] | null;
  readonly maximumIntervalDays: number;
  /** Null while the cards' states are loading. */
  readonly states: readonly CardState[] | null;
}

/** The daily review load the retention being typed implies, recomputed as it changes. */
export function ReviewLoadHint({ desiredRetention, newCardsPerDay, weights, maximumIntervalDays, states }: ReviewLoadHintProps) {
  const estimate = useMemo(() => {
    if (desiredRetention === null || states === null) return null;
    return estimateReviewLoad({ desiredRetention, newCardsPerDay: newCardsPerDay ?? 0, weights, maximumIntervalDays, states });
  }, [desiredRetention, newCardsPerDay, weights, maximumIntervalDays, states]);

  if (estimate === null) return null;
  const percent = Math.round((desiredRetention ?? 0) * 100);
  return (
    <p className="settings-field__hint" id="review-load" aria-live="polite">
      At {percent}% retention: about <strong data-testid="load-now">{Math.round(estimate.currentCardsPerDay)}</strong> reviews a day for the
      cards you have studied so far, and about <strong data-testid="load-year">{Math.round(estimate.afterOneYearPerDay)}</strong> a day after a
      year of {newCardsPerDay ?? 0} new cards a day. Higher retention means more reviews.
    </p>
  );
}
