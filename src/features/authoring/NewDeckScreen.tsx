import { useState, type FormEvent } from 'react';
import { messageOf } from '../../domain/errors';
import type { DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';
import { ParentDeckPicker } from './ParentDeckPicker';
import './authoring.css';

/** "New deck": a title and a description, then straight on to writing its cards. */
export function NewDeckScreen() {
  const createAuthoredDeck = useStudyStore((s) => s.createAuthoredDeck);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [parent, setParent] = useState<DeckId | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const deckId = await createAuthoredDeck(title, description, parent);
      window.location.hash = routeHash({ name: 'deck-edit', deckId });
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <section className="authoring" aria-labelledby="new-deck-title">
      <p>
        <a href={routeHash({ name: 'decks' })}>
          <span aria-hidden="true">←</span> All decks
        </a>
      </p>
      <h1 id="new-deck-title">New deck</h1>
      <form className="deck-details" onSubmit={(event) => void submit(event)}>
        <label htmlFor="new-deck-name">Title</label>
        <input id="new-deck-name" value={title} maxLength={200} required autoFocus onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor="new-deck-description">Description</label>
        <textarea id="new-deck-description" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        <ParentDeckPicker id="new-deck-parent" deckId={null} value={parent} onChange={setParent} />
        {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
        <div className="action-row">
          <button type="submit" className="button button--primary">
            Create deck
          </button>
          <a className="button" href={routeHash({ name: 'decks' })}>
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
