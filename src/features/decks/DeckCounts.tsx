import type { QueueCounts } from '../../domain/queue/queue';

export interface DeckCountsProps {
  readonly counts: QueueCounts;
}

/** New, learning and due-today counts, labelled in words as well as colour. */
export function DeckCounts({ counts }: DeckCountsProps) {
  return (
    <dl className="deck-counts">
      <div className="deck-counts__item deck-counts__item--new">
        <dt>New</dt>
        <dd>{counts.fresh}</dd>
      </div>
      <div className="deck-counts__item deck-counts__item--learning">
        <dt>Learning</dt>
        <dd>{counts.learning}</dd>
      </div>
      <div className="deck-counts__item deck-counts__item--review">
        <dt>Due</dt>
        <dd>{counts.review}</dd>
      </div>
    </dl>
  );
}
