import { useEffect, useState } from 'react';
import { downloadText } from '../../components/download';
import { studyDeckOf } from '../../domain/authoring/cloze-notes';
import { portableDeckId } from '../../domain/deck/user-deck';
import { deckToJson } from '../../domain/export/deck-export';
import { messageOf } from '../../domain/errors';
import type { CardId, DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';
import { BulkAdd } from './BulkAdd';
import { BundledDeckScreen } from './BundledDeckScreen';
import { CardEditor } from './CardEditor';
import { CardList } from './CardList';
import { DeckDetails } from './DeckDetails';
import { DeleteCardDialog } from './DeleteCardDialog';
import { MoveCard } from './MoveCard';
import './authoring.css';

export interface DeckEditorScreenProps {
  readonly deckId: DeckId;
}

/** Write a deck of one's own: its details, a card editor, the list of its cards and bulk add. */
export function DeckEditorScreen({ deckId }: DeckEditorScreenProps) {
  const authored = useStudyStore((s) => s.authoredDecks.get(deckId));
  const deck = useStudyStore((s) => s.decks.get(deckId));
  const openAuthoredDeck = useStudyStore((s) => s.openAuthoredDeck);
  // A bundled deck (no origin) is edited as the student's own versions over the lecturer's cards.
  const isBundled = useStudyStore((s) => s.deckEntries.some((e) => e.listing.id === deckId && e.listing.origin === undefined));
  const reorderCard = useStudyStore((s) => s.reorderCard);
  const [editing, setEditing] = useState<CardId | null>(null);
  const [deleting, setDeleting] = useState<CardId | null>(null);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'not-authored' | string>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void openAuthoredDeck(deckId).then(
      (found) => setLoadState(found ? 'ready' : 'not-authored'),
      (caught: unknown) => setLoadState(messageOf(caught)),
    );
  }, [openAuthoredDeck, deckId]);

  const back = (
    <p>
      <a href={routeHash({ name: 'deck', deckId })}>
        <span aria-hidden="true">←</span> Back to the deck
      </a>
    </p>
  );
  if (loadState === 'not-authored' && isBundled) {
    return (
      <section className="authoring" aria-labelledby="deck-editor-title">
        {back}
        <BundledDeckScreen deckId={deckId} />
      </section>
    );
  }
  if (loadState === 'not-authored') {
    return (
      <section className="authoring">
        {back}
        <p className="notice notice--warning">This deck was not written in Flipdeck, so its cards cannot be edited here. Decks you create with “New deck” can.</p>
      </section>
    );
  }
  if (loadState !== 'ready' && loadState !== 'loading') return <p role="alert" className="notice notice--error">The deck could not be opened: {loadState}</p>;
  if (!authored || !deck) return <p role="status" className="loading">Loading the deck…</p>;

  const card = editing === null ? undefined : authored.deck.cards.find((c) => c.id === editing);
  const deletingCard = deleting === null ? undefined : authored.deck.cards.find((c) => c.id === deleting);
  const move = (cardId: CardId, toIndex: number) => void reorderCard(deckId, cardId, toIndex).then(() => setError(null), (caught: unknown) => setError(messageOf(caught)));

  return (
    <section className="authoring" aria-labelledby="deck-editor-title">
      {back}
      <h1 id="deck-editor-title">Edit “{authored.deck.title}”</h1>
      <DeckDetails
        key={`${authored.deck.title}\u0000${authored.deck.description}\u0000${authored.deck.parent ?? ''}`}
        deckId={deckId}
        title={authored.deck.title}
        description={authored.deck.description}
        parent={authored.deck.parent ?? null}
      />
      <div className="action-row">
        <a className="button button--primary" href={routeHash({ name: 'study', deckId })}>Study this deck</a>
        <button type="button" className="button" disabled={authored.deck.cards.length === 0} onClick={() => downloadText(`${portableDeckId(deckId)}.json`, deckToJson(studyDeckOf(authored.deck)), 'application/json')}>
          Export as deck file
        </button>
      </div>
      <h2>{card ? 'Edit card' : 'New card'}</h2>
      <CardEditor
        key={editing ?? 'new'}
        deck={authored.deck}
        cardId={card ? card.id : null}
        onDone={(outcome, isNext) => {
          if (card && (outcome === 'cancelled' || isNext || outcome === 'saved')) setEditing(null);
        }}
      />
      {card ? <MoveCard fromDeckId={deckId} cardId={card.id} onMoved={() => setEditing(null)} /> : null}
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
      <h2>Cards</h2>
      <CardList cards={authored.deck.cards} onEdit={setEditing} onDelete={setDeleting} onMove={move} />
      <BulkAdd deckId={deckId} />
      {deletingCard ? <DeleteCardDialog deckId={deckId} cardId={deletingCard.id} front={deletingCard.front} onClose={() => setDeleting(null)} /> : null}
    </section>
  );
}
