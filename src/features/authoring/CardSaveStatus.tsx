import { useState } from 'react';
import { useStudyStore } from '../../store';

/**
 * Whether the editor's changes are on the device yet. A card shows, and the editor is ready for the
 * next, before its write completes, so this line is what says "saved". It subscribes on its own: a
 * write finishing re-renders this line, not the editor or the card list. "Saving…" shows only when a
 * write is slow to finish (authoring.css).
 */
export function CardSaveStatus() {
  const pending = useStudyStore((s) => s.pendingCardSaves);
  const [hasSaved, setHasSaved] = useState(false);
  if (pending > 0 && !hasSaved) setHasSaved(true);
  const text = pending > 0 ? `Saving ${pending === 1 ? 'a change' : `${pending} changes`}…` : hasSaved ? 'All changes saved' : '';
  return (
    <p className="card-save-status" role="status" data-state={pending > 0 ? 'saving' : 'saved'} data-testid="card-save-status">
      {text}
    </p>
  );
}
