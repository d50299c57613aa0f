import { useState } from 'react';
import { messageOf } from '../../domain/errors';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';

export interface MoveCardProps {
  readonly fromDeckId: DeckId;
  readonly cardId: CardId;
  readonly onMoved: () => void;
}

/** Moves the card being edited to another of the student's own decks, with its progress. */
export function MoveCard({ fromDeckId, cardId, onMoved }: MoveCardProps) {
  const targets = useStudyStore((s) => s.deckEntries).filter((e) => e.listing.origin === 'authored' && e.listing.id !== fromDeckId);
  const moveCardToDeck = useStudyStore((s) => s.moveCardToDeck);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (targets.length === 0) return null;

  async function move() {
    const to = targets.find((e) => e.listing.id === target)?.listing.id;
    if (to === undefined) return;
    try {
      await moveCardToDeck(fromDeckId, to, cardId);
      onMoved();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <div className="action-row move-card">
      <label htmlFor="move-card-target">Move this card to</label>
      <select id="move-card-target" value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">Choose a deck…</option>
        {targets.map((entry) => (
          <option key={entry.listing.id} value={entry.listing.id}>
            {entry.listing.title}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={target === ''} onClick={() => void move()}>
        Move
      </button>
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
    </div>
  );
}
