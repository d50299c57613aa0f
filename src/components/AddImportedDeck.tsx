import { useState, type ReactNode } from 'react';
import type { Deck } from '../domain/deck/types';
import type { DeckId } from '../domain/ids';
import { compareWithExisting, type ImportedDeck } from '../domain/import/imported-deck';
import { routeHash } from '../domain/routes/routes';
import { ImportFailure } from './ImportProblems';
import { ImportPreview } from './ImportPreview';

export interface AddImportedDeckProps {
  readonly deck: ImportedDeck;
  /** The user's deck this import would update (same id), if there is one. */
  readonly existing: Deck | undefined;
  /** Stores the deck; resolves to its id, rejects with what went wrong. */
  readonly onAdd: (deck: ImportedDeck) => Promise<DeckId>;
  /** Shown under the preview, e.g. what an .apkg import leaves out. */
  readonly note?: string;
  /** Choices about what comes along, shown above the button (the Anki history switch). */
  readonly children?: ReactNode;
}

/** The preview plus the one button that writes it; on success it opens the deck. */
export function AddImportedDeck({ deck, existing, onAdd, note, children }: AddImportedDeckProps) {
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = compareWithExisting(deck, existing);

  async function add() {
    setIsSaving(true);
    setError(null);
    try {
      const id = await onAdd(deck);
      window.location.hash = routeHash({ name: 'deck', deckId: id });
    } catch (caught) {
      setError(caught);
      setIsSaving(false);
    }
  }

  return (
    <>
      <ImportPreview deck={deck} change={change} {...(existing ? { existingTitle: existing.title } : {})} />
      {note ? <p className="notice">{note}</p> : null}
      {children}
      {error ? <ImportFailure error={error} outcome="The deck was not added" /> : null}
      <p>
        <button type="button" className="button button--primary button--wide" onClick={() => void add()} disabled={isSaving}>
          {change.isNewDeck ? 'Add to my decks' : 'Update my deck'}
        </button>
      </p>
    </>
  );
}
