import { useDeferredValue, useMemo, useState } from 'react';
import { noteClozeNumbers } from '../../domain/authoring/cloze-notes';
import type { Card } from '../../domain/deck/types';
import type { CardId } from '../../domain/ids';

export interface CardListProps {
  readonly cards: readonly Card[];
  readonly onEdit: (cardId: CardId) => void;
  readonly onDelete: (cardId: CardId) => void;
  readonly onMove: (cardId: CardId, toIndex: number) => void;
}

/** Cards per page: a 10,000-card deck renders 50 rows, never all of them. */
export const PAGE_SIZE = 50;

/** One line of a card's Markdown as plain text, for the list. */
const summary = (text: string) => text.replace(/[#*_`>|]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);

/** The deck's cards, a page at a time, each with edit, reorder and delete. */
export function CardList({ cards, onEdit, onDelete, onMove }: CardListProps) {
  const [page, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(cards.length / PAGE_SIZE));
  const shownPage = Math.min(page, pageCount - 1);
  const start = shownPage * PAGE_SIZE;
  const rows = cards.slice(start, start + PAGE_SIZE);
  // A cloze note studies as one card per number: the list says how many cards study gets.
  // Counted behind the render that shows a new card, as it reads every card's text.
  const counted = useDeferredValue(cards);
  const studiedCount = useMemo(() => counted.reduce((sum, card) => sum + Math.max(1, noteClozeNumbers(card).length), 0), [counted]);
  if (cards.length === 0) return <p>No cards yet. Write the first one above, or paste many at once below.</p>;

  return (
    <div className="card-list">
      <p role="status">
        Cards {(start + 1).toLocaleString('en')}–{(start + rows.length).toLocaleString('en')} of {cards.length.toLocaleString('en')}
        {studiedCount === counted.length ? null : `; ${studiedCount.toLocaleString('en')} to study, counting each cloze number`}
      </p>
      <ol className="card-list__rows" start={start + 1}>
        {rows.map((card, i) => {
          const index = start + i;
          const name = summary(card.front) || 'this card';
          const clozeCount = noteClozeNumbers(card).length;
          return (
            <li key={card.id} className="card-list__row">
              <span className="card-list__front">{summary(card.front)}</span>
              {clozeCount > 0 ? <span className="card-list__tags">{`Cloze: ${clozeCount === 1 ? '1 card' : `${clozeCount} cards`}`}</span> : null}
              {card.tags.length > 0 ? <span className="card-list__tags">{card.tags.join(', ')}</span> : null}
              <span className="card-list__actions">
                <button type="button" className="button" aria-label={`Edit ${name}`} onClick={() => onEdit(card.id)}>
                  Edit
                </button>
                <button type="button" className="button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(card.id, index - 1)}>
                  ↑
                </button>
                <button type="button" className="button" aria-label={`Move ${name} down`} disabled={index === cards.length - 1} onClick={() => onMove(card.id, index + 1)}>
                  ↓
                </button>
                <button type="button" className="button" aria-label={`Delete ${name}`} onClick={() => onDelete(card.id)}>
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {pageCount > 1 ? (
        <nav className="action-row" aria-label="Card pages">
          <button type="button" className="button" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            Previous page
          </button>
          <span>
            Page {shownPage + 1} of {pageCount}
          </span>
          <button type="button" className="button" disabled={shownPage === pageCount - 1} onClick={() => setPage(shownPage + 1)}>
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}
