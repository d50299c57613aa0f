import { useEffect, useState } from 'react';
import type { Card } from '../../domain/deck/types';
import type { CardOverlay } from '../../domain/authoring/overlay';
import { messageOf } from '../../domain/errors';
import type { CardId, DeckId } from '../../domain/ids';
import { plural } from '../../domain/stats/format';
import { useStudyStore } from '../../store';
import { BundledCardEditor } from './BundledCardEditor';
import { PAGE_SIZE } from './CardList';

export interface BundledDeckScreenProps {
  readonly deckId: DeckId;
}

const summary = (text: string) => text.replace(/[#*_`>|]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);

const STATUS_LABEL: Record<CardOverlay['status'], string> = {
  edited: 'Your version',
  'lecturer-changed': 'Lecturer changed it',
  'removed-by-lecturer': 'Removed by the lecturer',
};

/**
 * The cards of a bundled deck, a page at a time, each with Edit: what the student saves is their
 * own version over the lecturer's. Cards the lecturer changed since are listed first.
 */
export function BundledDeckScreen({ deckId }: BundledDeckScreenProps) {
  const opened = useStudyStore((s) => s.bundledOverlays.get(deckId));
  const openBundledOverlay = useStudyStore((s) => s.openBundledOverlay);
  const [editing, setEditing] = useState<CardId | null>(null);
  const [page, setPage] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Once the lecturer's deck is loaded (a deep link can get here first).
  const isDeckLoaded = useStudyStore((s) => s.decks.has(deckId));
  useEffect(() => {
    if (isDeckLoaded) openBundledOverlay(deckId).catch((caught: unknown) => setError(messageOf(caught)));
  }, [openBundledOverlay, deckId, isDeckLoaded]);

  if (error) return <p role="alert" className="notice notice--error">Your versions of this deck’s cards could not be read: {error}</p>;
  if (!opened) return <p role="status" className="loading">Loading the deck…</p>;
  const { deck, changed, removed, cards } = opened.overlay;
  const pageCount = Math.max(1, Math.ceil(deck.cards.length / PAGE_SIZE));
  const shownPage = Math.min(page, pageCount - 1);
  const rows = deck.cards.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);
  const row = (card: Card) => <CardRow key={card.id} card={card} overlay={cards.get(card.id)} onEdit={() => setEditing(card.id)} />;

  return (
    <>
      <h1 id="deck-editor-title">Edit “{deck.title}”</h1>
      <p>This deck comes with the app. Edit any card to fix it or add a mnemonic: your version is kept over the lecturer’s, your progress stays, and a later update of the deck never overwrites it.</p>
      {editing !== null ? (
        <section aria-labelledby="bundled-edit-title">
          <h2 id="bundled-edit-title">Edit card</h2>
          <BundledCardEditor
            key={editing}
            deckId={deckId}
            cardId={editing}
            // A save ends after its commit: if Edit was pressed on another card meanwhile, that card stays open.
            onDone={() => setEditing((current) => (current === editing ? null : current))}
          />
        </section>
      ) : null}
      {changed.length > 0 ? (
        <section aria-labelledby="lecturer-changed-title">
          <h2 id="lecturer-changed-title">Changed by the lecturer since you edited them</h2>
          <ul className="card-list__rows">{changed.map((overlay) => row(overlay.mine))}</ul>
        </section>
      ) : null}
      <h2>Cards</h2>
      <p role="status">
        {plural(deck.cards.length, 'card')}; you have your own version of {(cards.size - removed.length).toLocaleString('en')}.
      </p>
      <ol className="card-list__rows" start={shownPage * PAGE_SIZE + 1}>{rows.map(row)}</ol>
      {pageCount > 1 ? (
        <nav className="action-row" aria-label="Card pages">
          <button type="button" className="button" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>Previous page</button>
          <span>Page {shownPage + 1} of {pageCount}</span>
          <button type="button" className="button" disabled={shownPage === pageCount - 1} onClick={() => setPage(shownPage + 1)}>Next page</button>
        </nav>
      ) : null}
      {removed.length > 0 ? (
        <section aria-labelledby="removed-title">
          <h2 id="removed-title">Removed by the lecturer</h2>
          <p>You had edited these cards. They are no longer studied; their review history stays.</p>
          <ul>{removed.map((overlay) => <li key={overlay.cardId}>{summary(overlay.mine.front) || overlay.cardId}</li>)}</ul>
        </section>
      ) : null}
    </>
  );
}

function CardRow({ card, overlay, onEdit }: { readonly card: Card; readonly overlay: CardOverlay | undefined; readonly onEdit: () => void }) {
  const name = summary(card.front) || 'this card';
  return (
    <li className="card-list__row">
      <span className="card-list__front">{summary(card.front)}</span>
      {overlay ? <span className={`card-list__tags overlay-status overlay-status--${overlay.status}`}>{STATUS_LABEL[overlay.status]}</span> : null}
      <span className="card-list__actions">
        <button type="button" className="button" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
      </span>
    </li>
  );
}
