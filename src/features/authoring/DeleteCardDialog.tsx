import { useEffect, useState } from 'react';
import { messageOf } from '../../domain/errors';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { ConfirmDialog } from './ConfirmDialog';

export interface DeleteCardDialogProps {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly front: string;
  readonly onClose: () => void;
}

/** Asks before deleting a card and says how many reviews go with it. */
export function DeleteCardDialog({ deckId, cardId, front, onClose }: DeleteCardDialogProps) {
  const countCardReviews = useStudyStore((s) => s.countCardReviews);
  const deleteCard = useStudyStore((s) => s.deleteCard);
  const [reviews, setReviews] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void countCardReviews(deckId, cardId).then(setReviews, (caught: unknown) => setError(messageOf(caught)));
  }, [countCardReviews, deckId, cardId]);

  async function confirm() {
    try {
      await deleteCard(deckId, cardId);
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <ConfirmDialog title="Delete this card?" confirmLabel="Delete card" canConfirm={reviews !== null} onConfirm={() => void confirm()} onCancel={onClose}>
      <p className="delete-card__front">“{front.slice(0, 120)}”</p>
      <p data-testid="delete-card-consequence">
        {reviews === null
          ? 'Counting its reviews…'
          : `${reviews === 0 ? 'It has no reviews yet.' : `Its ${reviews} ${reviews === 1 ? 'review goes' : 'reviews go'} with it: the card leaves the study queue and the statistics keep its history.`}`}
      </p>
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
    </ConfirmDialog>
  );
}
