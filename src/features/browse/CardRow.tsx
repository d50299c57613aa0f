import type { Card } from '../../domain/deck/types';
import { plainPreview } from '../../domain/browse/card-search';
import type { CardState } from '../../domain/scheduling/types';
import { isLeech } from '../../domain/stats/maturity';
import { cardFacts } from './card-facts';

export interface CardRowProps {
  readonly card: Card;
  readonly state: CardState | undefined;
  /** Id for the card's text, which names the row and describes its buttons. */
  readonly frontId: string;
  readonly onToggleSuspend: (card: Card, isSuspended: boolean) => void;
  readonly onOpen: (card: Card) => void;
}

/** One card in the browser (the content of its list item): its text, its scheduling facts and the per-card actions. */
export function CardRow({ card, state, frontId, onToggleSuspend, onOpen }: CardRowProps) {
  const isSuspended = state?.isSuspended === true;
  return (
    <>
      <p className="card-row__front">
        <span id={frontId}>{plainPreview(card.front)}</span>
        {isLeech(state) ? <span className="badge badge--leech">Leech</span> : null}
        {isSuspended ? <span className="badge">Suspended</span> : null}
      </p>
      <p className="card-row__facts">
        {cardFacts(state).map(([label, value]) => (
          <span key={label} className="card-row__fact">
            <span className="card-row__label">{label}</span> {value}
          </span>
        ))}
      </p>
      <div className="card-row__actions">
        <button type="button" className="button" aria-describedby={frontId} onClick={() => onToggleSuspend(card, !isSuspended)}>
          {isSuspended ? 'Unsuspend' : 'Suspend'}
        </button>
        <button type="button" className="button button--ghost" aria-describedby={frontId} data-details-for={card.id} onClick={() => onOpen(card)}>
          Details and history
        </button>
      </div>
    </>
  );
}
