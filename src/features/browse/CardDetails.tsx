import { useEffect, useRef, useState } from 'react';
import type { Card } from '../../domain/deck/types';
import { plainPreview } from '../../domain/browse/card-search';
import type { CardState, ReviewLogEntry } from '../../domain/scheduling/types';
import { isLeech, LEECH_LAPSES } from '../../domain/stats/maturity';
import { cardFacts } from './card-facts';
import { ReviewHistory } from './ReviewHistory';

export interface CardDetailsProps {
  readonly card: Card;
  readonly state: CardState | undefined;
  /** Null while the history loads. */
  readonly history: readonly ReviewLogEntry[] | null;
  readonly onReset: () => void;
  readonly onClose: () => void;
}

/** One card's facts and review history, with reset progress behind a confirmation. */
export function CardDetails({ card, state, history, onReset, onClose }: CardDetailsProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const hasProgress = state !== undefined && !(state.phase === 'new' && state.reps === 0 && state.isSuspended !== true);

  useEffect(() => headingRef.current?.focus(), [card.id]);
  useEffect(() => {
    if (isConfirming) cancelRef.current?.focus();
  }, [isConfirming]);

  return (
    <section className="card-details" aria-labelledby="card-details-title">
      <h2 id="card-details-title" ref={headingRef} tabIndex={-1}>{plainPreview(card.front, 80)}</h2>
      <p className="card-details__back">{plainPreview(card.back, 240)}</p>
      {isLeech(state) ? (
        <p className="notice notice--warning">
          This card is a leech: it was forgotten {state?.lapses} times ({LEECH_LAPSES} or more). Consider suspending it, or rewriting it in the deck.
        </p>
      ) : null}
      <dl className="card-details__facts">
        {cardFacts(state).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Review history</h3>
      {history === null ? <p role="status" className="loading">Loading history…</p> : <ReviewHistory entries={history} />}
      {isConfirming ? (
        <div className="notice notice--warning" role="group" aria-labelledby="reset-question">
          <p id="reset-question">Reset this card’s progress? It becomes a new card again. Its review history is kept.</p>
          <div className="card-details__actions">
            <button type="button" className="button button--primary" onClick={() => { setIsConfirming(false); onReset(); }}>
              Yes, reset progress
            </button>
            <button ref={cancelRef} type="button" className="button" onClick={() => setIsConfirming(false)}>Cancel</button>
          </div>
        </div>
      ) : (
        <div className="card-details__actions">
          <button type="button" className="button" disabled={!hasProgress} onClick={() => setIsConfirming(true)}>Reset progress…</button>
          <button type="button" className="button button--ghost" onClick={onClose}>Close details</button>
        </div>
      )}
    </section>
  );
}
