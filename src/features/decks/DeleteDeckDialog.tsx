import { useEffect, useRef, useState } from 'react';
import type { DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';
import type { DeckDeletionCount } from '../../store/library-slice';
import { ImportFailure } from '../../components/ImportProblems';

export interface DeleteDeckDialogProps {
  readonly deckId: DeckId;
  readonly title: string;
  readonly onClose: () => void;
}

/** Asks before deleting, and says which subdecks and how much progress go with the deck. */
export function DeleteDeckDialog({ deckId, title, onClose }: DeleteDeckDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const countDeckProgress = useStudyStore((s) => s.countDeckProgress);
  const deleteUserDeck = useStudyStore((s) => s.deleteUserDeck);
  const [count, setCount] = useState<DeckDeletionCount | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void countDeckProgress(deckId).then(setCount, setError);
  }, [countDeckProgress, deckId]);

  async function confirm() {
    try {
      await deleteUserDeck(deckId);
      window.location.hash = routeHash({ name: 'decks' });
    } catch (caught) {
      setError(caught);
    }
  }

  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <dialog ref={dialog} className="library-dialog" aria-labelledby="delete-deck-title" onClose={onClose}>
      <h2 id="delete-deck-title">Delete “{title}”?</h2>
      {count !== null && count.subdecks.length > 0 ? (
        <>
          <p id="delete-deck-subdecks">{count.subdecks.length === 1 ? 'Its subdeck goes with it:' : `Its ${count.subdecks.length} subdecks go with it:`}</p>
          <ul aria-labelledby="delete-deck-subdecks">
            {count.subdecks.map((subdeck, index) => (
              <li key={index}>{subdeck}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p data-testid="delete-deck-consequence">
        {count === null
          ? 'Counting the progress that goes with it…'
          : `This also deletes ${plural(count.reviews, 'review')} and the progress of ${plural(count.cardsStudied, 'card')}. It cannot be undone; a backup keeps a copy.`}
      </p>
      {error ? <ImportFailure error={error} outcome="The deck was not deleted" /> : null}
      <div className="action-row">
        <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={count === null}>
          Delete deck
        </button>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
