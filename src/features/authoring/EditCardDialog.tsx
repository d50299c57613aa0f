import { useEffect, useRef } from 'react';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { CardEditor } from './CardEditor';
import './authoring.css';

export interface EditCardDialogProps {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly onClose: () => void;
}

/**
 * The card editor over the study screen (E on the current card): the session stays as it is
 * underneath, so closing returns to the same card with the same scheduling state.
 */
export function EditCardDialog({ deckId, cardId, onClose }: EditCardDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const deck = useStudyStore((s) => s.authoredDecks.get(deckId)?.deck);
  const openAuthoredDeck = useStudyStore((s) => s.openAuthoredDeck);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    void openAuthoredDeck(deckId);
  }, [openAuthoredDeck, deckId]);

  return (
    <dialog
      ref={dialog}
      className="library-dialog edit-card-dialog"
      aria-labelledby="edit-card-title"
      // Esc goes to the editor, which asks first when something is unsaved.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="edit-card-title">Edit card</h2>
      {deck ? <CardEditor deck={deck} cardId={cardId} onDone={onClose} /> : <p role="status">Loading the card…</p>}
    </dialog>
  );
}
