import { useState } from 'react';
import { messageOf } from '../../domain/errors';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { CardCompare } from './CardCompare';
import { CardEditor } from './CardEditor';
import { ConfirmDialog } from './ConfirmDialog';

export interface BundledCardEditorProps {
  readonly deckId: DeckId;
  readonly cardId: CardId;
  readonly onDone: () => void;
}

/**
 * The editor for a card of a bundled deck: what the student saves becomes their own version over
 * the lecturer's (progress stays). Says when the lecturer has changed the card since, offers the
 * comparison, and always offers a reset to the lecturer's version once the card is edited.
 */
export function BundledCardEditor({ deckId, cardId, onDone }: BundledCardEditorProps) {
  const opened = useStudyStore((s) => s.bundledOverlays.get(deckId));
  const editBundledCard = useStudyStore((s) => s.editBundledCard);
  const keepMyCard = useStudyStore((s) => s.keepMyCard);
  const resetBundledCard = useStudyStore((s) => s.resetBundledCard);
  const [dialog, setDialog] = useState<'compare' | 'reset' | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!opened) return <p role="status">Loading the card…</p>;

  const overlay = opened.overlay.cards.get(cardId);
  const card = opened.overlay.deck.cards.find((c) => c.id === cardId);
  if (!card) return <p className="notice notice--warning">The lecturer has removed this card from the deck.</p>;

  async function choose(action: () => Promise<void>) {
    setIsBusy(true);
    try {
      await action();
      setError(null);
      setDialog(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <>
      {overlay?.status === 'lecturer-changed' ? (
        <p className="notice notice--warning" role="status">
          The lecturer has changed this card since you edited it. You still see your version.{' '}
          <button type="button" className="button" onClick={() => setDialog('compare')}>
            Compare versions
          </button>
        </p>
      ) : null}
      <p className="card-editor__hint">
        {overlay ? 'This is your own version of the lecturer’s card.' : 'This card comes with the app. What you save is kept as your own version; the lecturer’s stays underneath.'}{' '}
        Your progress on it is unchanged.
      </p>
      {overlay ? (
        <p>
          <button type="button" className="button" onClick={() => setDialog('reset')}>
            Reset to the lecturer’s version
          </button>
        </p>
      ) : null}
      {error && dialog === null ? <p role="alert" className="notice notice--error">{error}</p> : null}
      <CardEditor
        // A choice or a reset changes the card under the editor: start again from what it shows now.
        key={`${card.front}\u0000${card.back}\u0000${card.tags.join('\u0000')}`}
        deck={opened.overlay.deck}
        cardId={cardId}
        save={(draft) => editBundledCard(deckId, cardId, draft)}
        onDone={onDone}
      />
      {dialog === 'compare' && overlay?.lecturer ? (
        <CardCompare
          mine={overlay.mine}
          lecturer={overlay.lecturer}
          isBusy={isBusy}
          error={error}
          onKeepMine={() => void choose(() => keepMyCard(deckId, cardId))}
          onTakeLecturers={() => void choose(() => resetBundledCard(deckId, cardId))}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'reset' ? (
        <ConfirmDialog
          title="Reset to the lecturer’s version?"
          confirmLabel="Reset the card"
          cancelLabel="Keep my version"
          canConfirm={!isBusy}
          onConfirm={() => void choose(() => resetBundledCard(deckId, cardId))}
          onCancel={() => setDialog(null)}
        >
          <p>Your version of this card goes, and you see the lecturer’s again. Your progress on it stays.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
