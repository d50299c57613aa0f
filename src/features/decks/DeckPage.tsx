import { useEffect, type ReactNode } from 'react';
import { routeHash } from '../../domain/routes/routes';
import { plural } from '../../domain/stats/format';
import type { DeckId } from '../../domain/ids';
import { deckFamily } from '../../domain/deck/deck-tree';
import { deckTreeOf, useStudyStore } from '../../store';
import { DeckCounts } from './DeckCounts';
import './decks.css';

export interface DeckPageProps {
  readonly deckId: DeckId;
  /** The Share button, shown once the deck is ready; the app passes it in from the share feature. */
  readonly share?: ReactNode;
}

/** One deck: what it is, what is due, and the way into a study session. */
export function DeckPage({ deckId, share }: DeckPageProps) {
  const entries = useStudyStore((s) => s.deckEntries);
  const entry = entries.find((e) => e.listing.id === deckId);
  const changedCount = useBundledChanges(deckId, entry?.listing.origin === undefined && entry?.status === 'ready');
  if (!entry) return null;
  const tree = deckTreeOf({ deckEntries: entries });
  const family = deckFamily(tree, deckId);
  const subdecks = (tree.children.get(deckId) ?? []).flatMap((id) => entries.filter((e) => e.listing.id === id));
  const familyCards = family.reduce((sum, id) => sum + (entries.find((e) => e.listing.id === id)?.listing.cardCount ?? 0), 0);
  const parent = tree.parentOf.get(deckId);
  const parentEntry = parent === undefined ? undefined : entries.find((e) => e.listing.id === parent);
  const { listing } = entry;
  const isBundled = listing.origin === undefined;
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
      {parentEntry ? (
        <p className="deck-page__meta">
          Subdeck of <a href={routeHash({ name: 'deck', deckId: parentEntry.listing.id })}>{parentEntry.listing.title}</a>
        </p>
      ) : null}
      <p className="deck-page__meta">
        {subdecks.length === 0
          ? plural(listing.cardCount, 'card')
          : `${plural(familyCards, 'card')} with its ${plural(family.length - 1, 'subdeck')}; studying it includes them`}
      </p>
      {subdecks.length > 0 ? (
        <nav aria-label="Subdecks">
          <ul className="deck-page__subdecks">
            {subdecks.map((sub) => (
              <li key={sub.listing.id}>
                <a href={routeHash({ name: 'deck', deckId: sub.listing.id })}>{sub.listing.title}</a> ({plural(sub.listing.cardCount, 'card')})
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {changedCount > 0 ? (
        <p role="status" className="notice notice--warning">
          The lecturer has updated {plural(changedCount, 'card')} you had edited. You still see your versions.{' '}
          <a href={routeHash({ name: 'deck-edit', deckId })}>Compare and choose</a>
        </p>
      ) : null}
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
        {listing.origin === 'authored' || isBundled ? (
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

/**
 * How many cards of a bundled deck the lecturer changed since the student edited them: their
 * versions are read when the deck page opens (the deck list never needs them).
 */
function useBundledChanges(deckId: DeckId, isBundled: boolean): number {
  const openBundledOverlay = useStudyStore((s) => s.openBundledOverlay);
  const count = useStudyStore((s) => s.bundledOverlays.get(deckId)?.overlay.changed.length ?? 0);
  useEffect(() => {
    // An unreadable overlay only means no notice here; study and the card list say why.
    if (isBundled) openBundledOverlay(deckId).catch(() => undefined);
  }, [isBundled, deckId, openBundledOverlay]);
  return count;
}
