import type { Card } from '../../domain/deck/types';
import type { CardId } from '../../domain/ids';
import type { CardState } from '../../domain/scheduling/types';
import { CardRow } from './CardRow';
import { useVirtualRows } from './use-virtual-rows';

export interface VirtualCardListProps {
  readonly cards: readonly Card[];
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly rowHeightPx: number;
  readonly onToggleSuspend: (card: Card, isSuspended: boolean) => void;
  readonly onOpen: (card: Card) => void;
}

/** The matching cards, windowed: only the rows in view are rendered, however large the deck. */
export function VirtualCardList({ cards, states, rowHeightPx, onToggleSuspend, onOpen }: VirtualCardListProps) {
  const { scrollRef, onScroll, onFocus, indexes, totalHeightPx } = useVirtualRows(cards.length, rowHeightPx);
  return (
    // Focusable so the list can be scrolled by keyboard (arrows, Page Down) as well as tabbed through.
    <div ref={scrollRef} className="card-list" onScroll={onScroll} onFocus={onFocus} tabIndex={0} role="region" aria-label="Card list">
      <ul className="card-list__rows" style={{ height: totalHeightPx }}>
        {indexes.map((index) => {
          const card = cards[index]!;
          return (
            // Most rows are not in the DOM, so each says where it sits in the whole list.
            <li
              key={card.id}
              className="card-row"
              style={{ top: index * rowHeightPx, height: rowHeightPx }}
              aria-posinset={index + 1}
              aria-setsize={cards.length}
              aria-labelledby={`card-front-${index}`}
            >
              <CardRow card={card} state={states.get(card.id)} frontId={`card-front-${index}`} onToggleSuspend={onToggleSuspend} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
