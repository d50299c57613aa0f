import { useState, type FormEvent } from 'react';
import { messageOf } from '../../domain/errors';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { ParentDeckPicker } from './ParentDeckPicker';

export interface DeckDetailsProps {
  readonly deckId: DeckId;
  readonly title: string;
  readonly description: string;
  readonly parent: DeckId | null;
}

/** The deck's title and description, folded away until wanted. */
export function DeckDetails({ deckId, title, description, parent }: DeckDetailsProps) {
  const editAuthoredDeck = useStudyStore((s) => s.editAuthoredDeck);
  const [draftTitle, setDraftTitle] = useState(title);
  const [draftDescription, setDraftDescription] = useState(description);
  const [draftParent, setDraftParent] = useState(parent);
  const [message, setMessage] = useState<{ readonly isError: boolean; readonly text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await editAuthoredDeck(deckId, draftTitle, draftDescription, draftParent);
      setMessage({ isError: false, text: 'Deck details saved.' });
    } catch (caught) {
      setMessage({ isError: true, text: messageOf(caught) });
    }
  }

  return (
    <details className="deck-details-panel">
      <summary>Title, description and parent deck</summary>
      <form className="deck-details" onSubmit={(event) => void submit(event)}>
        <label htmlFor="deck-details-title">Title</label>
        <input id="deck-details-title" value={draftTitle} maxLength={200} required onChange={(event) => setDraftTitle(event.target.value)} />
        <label htmlFor="deck-details-description">Description</label>
        <textarea id="deck-details-description" rows={2} value={draftDescription} onChange={(event) => setDraftDescription(event.target.value)} />
        <ParentDeckPicker id="deck-details-parent" deckId={deckId} value={draftParent} onChange={setDraftParent} />
        <div className="action-row">
          <button type="submit" className="button">Save deck details</button>
        </div>
        {message ? <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'notice notice--error' : undefined}>{message.text}</p> : null}
      </form>
    </details>
  );
}
