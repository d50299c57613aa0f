import { useId, useState } from 'react';
import type { DeckTree } from '../../domain/deck/deck-tree';
import type { DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { deckTreeOf, useStudyStore, type DeckEntry } from '../../store';
import { DeckCounts } from './DeckCounts';
import './decks.css';

/** The home screen: every deck with its counts; a broken deck shows its error, the rest still work. */
export function DeckList() {
  const entries = useStudyStore((s) => s.deckEntries);
  const listError = useStudyStore((s) => s.deckListError);
  const isListLoaded = useStudyStore((s) => s.isDeckListLoaded);
  const tree = deckTreeOf({ deckEntries: entries });
  const byId = new Map(entries.map((entry) => [entry.listing.id, entry]));

  return (
    <section aria-labelledby="deck-list-title">
      <h1 id="deck-list-title">Your decks</h1>
      {listError ? <p role="alert" className="notice notice--error">The deck list could not be loaded: {listError}</p> : null}
      {!isListLoaded && entries.length === 0 ? <p role="status" className="loading">Loading decks…</p> : null}
      {isListLoaded && !listError && entries.length === 0 ? <p>No decks yet.</p> : null}
      <ul className="deck-list">
        {tree.roots.map((id) => (
          <DeckBranch key={id} id={id} tree={tree} byId={byId} />
        ))}
      </ul>
      <p className="library-links">
        <a className="button" href={routeHash({ name: 'new-deck' })}>
          New deck
        </a>{' '}
        <a className="button" href={routeHash({ name: 'import' })}>
          Import a deck
        </a>{' '}
        <a className="button" href={routeHash({ name: 'backup' })}>
          Backup and restore
        </a>
      </p>
    </section>
  );
}

interface DeckBranchProps {
  readonly id: DeckId;
  readonly tree: DeckTree;
  readonly byId: ReadonlyMap<DeckId, DeckEntry>;
}

/** A deck and, grouped under it, its subdecks (collapsible, as in Anki). */
function DeckBranch({ id, tree, byId }: DeckBranchProps) {
  const [isOpen, setIsOpen] = useState(true);
  const groupId = useId();
  const entry = byId.get(id);
  if (!entry) return null;
  const children = tree.children.get(id) ?? [];
  return (
    <li>
      <DeckListItem entry={entry} />
      {children.length > 0 ? (
        <>
          <button type="button" className="button deck-list__toggle" aria-expanded={isOpen} aria-controls={groupId} onClick={() => setIsOpen(!isOpen)}>
            {isOpen ? 'Hide' : 'Show'} {children.length === 1 ? 'the subdeck' : `${children.length} subdecks`} of {entry.listing.title}
          </button>
          <ul id={groupId} className="deck-list deck-list--sub" aria-label={`Subdecks of ${entry.listing.title}`} hidden={!isOpen}>
            {children.map((child) => (
              <DeckBranch key={child} id={child} tree={tree} byId={byId} />
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function DeckListItem({ entry }: { readonly entry: DeckEntry }) {
  const { listing } = entry;
  const titleId = `deck-title-${listing.id}`;
  return (
    <article className="deck-tile" aria-labelledby={titleId} data-status={entry.status}>
      <h2 id={titleId} className="deck-tile__title">
        <a href={routeHash({ name: 'deck', deckId: listing.id })}>{listing.title}</a>
      </h2>
      {listing.origin ? <p className="deck-page__meta">Your deck</p> : null}
      <p className="deck-tile__description">{listing.description}</p>
      {/* A loading tile keeps the ready tile's footer, so nothing moves when the counts arrive. */}
      {entry.status === 'error' ? null : (
        <div className="deck-tile__footer">
          {entry.status === 'ready' ? <DeckCounts counts={entry.counts} /> : <p className="loading deck-tile__pending">Loading your progress…</p>}
          <a className="button button--primary" href={routeHash({ name: 'study', deckId: listing.id })} aria-label={`Study ${listing.title}`}>
            Study
          </a>
        </div>
      )}
      {entry.status === 'error' ? (
        <p role="alert" className="notice notice--error">
          This deck cannot be studied: {entry.error}
        </p>
      ) : null}
    </article>
  );
}
