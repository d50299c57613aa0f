import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Card } from '../../domain/deck/types';
import { leechCount, searchCards, type CardFilter } from '../../domain/browse/card-search';
import type { CardId, DeckId } from '../../domain/ids';
import type { CardState } from '../../domain/scheduling/types';
import { plural } from '../../domain/stats/format';
import { useStudyStore } from '../../store';
import { CardDetails } from './CardDetails';
import { useRowHeight } from './use-row-height';
import { VirtualCardList } from './VirtualCardList';
import './browse.css';

export interface BrowseScreenProps {
  readonly deckId: DeckId;
  readonly deckHref: string;
}

const EMPTY_STATES: ReadonlyMap<CardId, CardState> = new Map();

/** A deck's cards: search, filter to leeches or suspended cards, suspend, reset and see each card's history. */
export function BrowseScreen({ deckId, deckHref }: BrowseScreenProps) {
  const deck = useStudyStore((s) => s.decks.get(deckId));
  const browsed = useStudyStore((s) => (s.browsed?.deckId === deckId ? s.browsed : null));
  const browseError = useStudyStore((s) => s.browseError);
  const history = useStudyStore((s) => s.cardHistory);
  const isHydrated = useStudyStore((s) => s.isHydrated);
  const loadBrowser = useStudyStore((s) => s.loadBrowser);
  const setCardSuspended = useStudyStore((s) => s.setCardSuspended);
  const resetCardProgress = useStudyStore((s) => s.resetCardProgress);
  const loadCardHistory = useStudyStore((s) => s.loadCardHistory);
  const closeCardHistory = useStudyStore((s) => s.closeCardHistory);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<CardFilter>('all');
  const [openCardId, setOpenCardId] = useState<CardId | null>(null);
  const rowHeightPx = useRowHeight();
  // Typing stays responsive on a 10,000-card deck: the list catches up a frame later.
  const deferredQuery = useDeferredValue(query);

  useEffect(() => {
    if (isHydrated) void loadBrowser(deckId);
  }, [isHydrated, deckId, loadBrowser]);

  const states = browsed?.states ?? EMPTY_STATES;
  const cards = deck?.cards;
  const matches = useMemo(() => (cards ? searchCards(cards, states, { query: deferredQuery, filter }) : []), [cards, states, deferredQuery, filter]);
  const leeches = useMemo(() => (cards ? leechCount(cards, states) : 0), [cards, states]);

  const onToggleSuspend = useCallback((card: Card, isSuspended: boolean) => void setCardSuspended(deckId, card.id, isSuspended), [deckId, setCardSuspended]);
  const onOpen = useCallback(
    (card: Card) => {
      setOpenCardId(card.id);
      void loadCardHistory(deckId, card.id);
    },
    [deckId, loadCardHistory],
  );
  const onClose = () => {
    const id = openCardId;
    setOpenCardId(null);
    closeCardHistory();
    // Back to the button that opened the details, when its row is still rendered.
    if (id !== null) document.querySelector<HTMLElement>(`[data-details-for="${CSS.escape(id)}"]`)?.focus();
  };

  if (!deck) return <p role="status" className="loading">Loading…</p>;
  const openCard = openCardId === null ? undefined : deck.cards.find((c) => c.id === openCardId);
  const openHistory = history?.deckId === deckId && history.cardId === openCardId ? history.entries : null;

  return (
    <section className="browse" aria-labelledby="browse-title">
      <p>
        <a href={deckHref}>
          <span aria-hidden="true">←</span> Back to the deck
        </a>
      </p>
      <h1 id="browse-title">Cards: {deck.title}</h1>
      <div className="browse__toolbar" role="search">
        <label className="browse__field">
          <span>Search cards</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words from the front, back or tags" />
        </label>
        <label className="browse__field">
          <span>Show</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as CardFilter)}>
            <option value="all">All cards</option>
            <option value="leeches">Leeches ({leeches})</option>
            <option value="suspended">Suspended cards</option>
          </select>
        </label>
      </div>
      {leeches > 0 && filter !== 'leeches' ? (
        <p className="notice notice--warning">
          {plural(leeches, 'leech', 'leeches')} in this deck: cards forgotten 8 or more times. Choose “Leeches” above to list them.
        </p>
      ) : null}
      {browseError ? <p role="alert" className="notice notice--error">{browseError}</p> : null}
      <p role="status" className="browse__count">
        {browsed === null ? 'Loading cards…' : `Showing ${plural(matches.length, 'card')} of ${deck.cards.length.toLocaleString('en')}`}
      </p>
      {openCard ? (
        <CardDetails
          card={openCard}
          state={states.get(openCard.id)}
          history={openHistory}
          onReset={() => void resetCardProgress(deckId, openCard.id).then(() => loadCardHistory(deckId, openCard.id))}
          onClose={onClose}
        />
      ) : null}
      {browsed !== null ? (
        <VirtualCardList cards={matches} states={states} rowHeightPx={rowHeightPx} onToggleSuspend={onToggleSuspend} onOpen={onOpen} />
      ) : null}
    </section>
  );
}
