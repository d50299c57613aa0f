import { useState } from 'react';
import { userDeckId } from '../../domain/deck/user-deck';
import { compareWithExisting, type ImportedDeck } from '../../domain/import/imported-deck';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';
import { ImportFailure } from '../../components/ImportProblems';
import { ImportPreview } from '../../components/ImportPreview';

export interface AddImportedDeckProps {
  readonly deck: ImportedDeck;
  /** Shown under the preview, e.g. what an .apkg import leaves out. */
  readonly note?: string;
}

/** The preview plus the one button that writes it; on success it opens the deck. */
export function AddImportedDeck({ deck, note }: AddImportedDeckProps) {
  const existing = useStudyStore((s) => s.decks.get(userDeckId(deck.slug)));
  const addImportedDeck = useStudyStore((s) => s.addImportedDeck);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = compareWithExisting(deck, existing);

  async function add() {
    setIsSaving(true);
    setError(null);
    try {
      const id = await addImportedDeck(deck);
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
      {error ? <ImportFailure error={error} outcome="The deck was not added" /> : null}
      <p>
        <button type="button" className="button button--primary button--wide" onClick={() => void add()} disabled={isSaving}>
          {change.isNewDeck ? 'Add to my decks' : 'Update my deck'}
        </button>
      </p>
    </>
  );
}
