import type { ReactNode } from 'react';
import { routeHash } from '../../domain/routes/routes';
import { plural } from '../../domain/stats/format';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { DeckCounts } from './DeckCounts';
import './decks.css';

export interface DeckPageProps {
  readonly deckId: DeckId;
  /** The Share button, shown once the deck is ready; the app passes it in from the share feature. */
  readonly share?: ReactNode;
}

/** One deck: what it is, what is due, and the way into a study session. */
export function DeckPage({ deckId, share }: DeckPageProps) {
  const entry = useStudyStore((s) => s.deckEntries.find((e) => e.listing.id === deckId));
  if (!entry) return null;
  const { listing } = entry;
  const hasWork = entry.status === 'ready' && entry.counts.fresh + entry.counts.learning + entry.counts.review > 0;

  return (
    <section className="deck-page" aria-labelledby="deck-page-title">
      <p>
        <a href={routeHash({ name: 'decks' })}>
          <span aria-hidden="true">←</span> All decks
        </a>
      </p>
      <h1 id="deck-page-title">{listing.title}</h1>
      <p className="deck-page__description">{listing.description}</p>
      <p className="deck-page__meta">{plural(listing.cardCount, 'card')}</p>
      {entry.status === 'ready' ? (
        <>
          <DeckCounts counts={entry.counts} />
          <p>
            <a className="button button--primary button--wide" href={routeHash({ name: 'study', deckId })}>
              {hasWork ? 'Study now' : 'Open study session'}
            </a>
          </p>
          {share}
          {!hasWork ? <p>Nothing is due right now. Come back later, or open the session to see when the next card is due.</p> : null}
        </>
      ) : null}
      <p className="deck-page__links">
        <a className="button" href={routeHash({ name: 'deck-stats', deckId })}>Statistics</a>{' '}
        <a className="button" href={routeHash({ name: 'browse', deckId })}>Browse cards</a>{' '}
        <a className="button" href={routeHash({ name: 'deck-plan', deckId })}>Exam plan</a>
        {listing.origin === 'authored' ? (
          <>
            {' '}
            <a className="button" href={routeHash({ name: 'deck-edit', deckId })}>Edit cards</a>
          </>
        ) : null}
      </p>
      {entry.status === 'loading' ? <p role="status" className="loading">Loading…</p> : null}
      {entry.status === 'error' ? <p role="alert" className="notice notice--error">This deck cannot be studied: {entry.error}</p> : null}
    </section>
  );
}
