import { useState, type FormEvent, type ReactNode } from 'react';
import { isUserDeckId, portableDeckId } from '../../domain/deck/user-deck';
import { deckToCsv, deckToJson } from '../../domain/export/deck-export';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { DeleteDeckDialog } from './DeleteDeckDialog';
import { downloadText } from '../../components/download';
import { ImportFailure } from '../../components/ImportProblems';
import './deck-actions.css';

export interface DeckLibraryActionsProps {
  readonly deckId: DeckId;
  /** What "Share by link" opens; the app passes it in from the share feature. */
  readonly sharePanel?: ReactNode;
  /** "Export to Anki (.apkg)"; the app passes it in from the import feature. */
  readonly ankiExport?: ReactNode;
}

/** Under a deck's page: export for every deck; rename and delete for the user's own decks. */
export function DeckLibraryActions({ deckId, sharePanel, ankiExport }: DeckLibraryActionsProps) {
  const deck = useStudyStore((s) => s.decks.get(deckId));
  const title = deck?.title;
  const renameUserDeck = useStudyStore((s) => s.renameUserDeck);
  const [draft, setDraft] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const [isSharing, setIsSharing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (deck === undefined || title === undefined) return null;
  const isMine = isUserDeckId(deckId);
  const fileBase = portableDeckId(deckId);

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      await renameUserDeck(deckId, draft ?? '');
      setDraft(null);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-label="Manage this deck">
      <div className="action-row">
        <button type="button" className="button" onClick={() => downloadText(`${fileBase}.csv`, deckToCsv(deck), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => downloadText(`${fileBase}.json`, deckToJson(deck), 'application/json')}>
          Export JSON
        </button>
        {ankiExport}
      </div>
      {!isMine ? null : draft === null ? (
        <div className="action-row">
          <button type="button" className="button" aria-expanded={isSharing} onClick={() => setIsSharing(!isSharing)}>
            Share by link
          </button>
          <button type="button" className="button" onClick={() => setDraft(title)}>
            Rename
          </button>
          <button type="button" className="button" onClick={() => setIsDeleting(true)}>
            Delete…
          </button>
        </div>
      ) : (
        <form className="rename-form" onSubmit={(event) => void rename(event)}>
          <label>
            New name
            <input value={draft} onChange={(event) => setDraft(event.target.value)} maxLength={200} required autoFocus />
          </label>
          <button type="submit" className="button button--primary">
            Save name
          </button>
          <button type="button" className="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
      {isMine && isSharing ? sharePanel : null}
      {error ? <ImportFailure error={error} outcome="The deck was not renamed" /> : null}
      {isDeleting ? <DeleteDeckDialog deckId={deckId} title={title} onClose={() => setIsDeleting(false)} /> : null}
    </section>
  );
}
