import { useEffect, useRef } from 'react';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { BundledCardEditor } from './BundledCardEditor';
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
  // A bundled deck (no origin): the edit is the student's own version over the lecturer's card.
  const isBundled = useStudyStore((s) => s.deckEntries.some((e) => e.listing.id === deckId && e.listing.origin === undefined));
  const openAuthoredDeck = useStudyStore((s) => s.openAuthoredDeck);
  const openBundledOverlay = useStudyStore((s) => s.openBundledOverlay);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    void (isBundled ? openBundledOverlay(deckId) : openAuthoredDeck(deckId)).catch(() => undefined);
  }, [openAuthoredDeck, openBundledOverlay, isBundled, deckId]);

  return (
    <dialog
      ref={dialog}
      className="library-dialog edit-card-dialog"
      aria-labelledby="edit-card-title"
      // Esc goes to the editor, which asks first when something is unsaved.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="edit-card-title">Edit card</h2>
      {isBundled ? (
        <BundledCardEditor deckId={deckId} cardId={cardId} onDone={onClose} />
      ) : deck ? (
        <CardEditor deck={deck} cardId={cardId} onDone={onClose} />
      ) : (
        <p role="status">Loading the card…</p>
      )}
    </dialog>
  );
}
