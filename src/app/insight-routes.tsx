/**
 * The statistics and card-browser screens, each in its own lazy chunk: neither is needed for the
 * first screen, so neither adds to the first-load bundle.
 */
import { lazy, Suspense } from 'react';
import type { DeckId } from '../domain/ids';
import { routeHash } from '../domain/routes/routes';
import { ErrorBoundary } from './ErrorBoundary';

const StatsScreen = lazy(() => import('../features/stats/StatsScreen').then((m) => ({ default: m.StatsScreen })));
const BrowseScreen = lazy(() => import('../features/browse/BrowseScreen').then((m) => ({ default: m.BrowseScreen })));

const PlanScreen = lazy(() => import('../features/planning/PlanScreen').then((m) => ({ default: m.PlanScreen })));

const loading = <p role="status" className="loading">Loading…</p>;

/** Statistics for one deck (with its title) or, when deckId is null, for all decks. */
export function StatsRoute({ deckId, deckTitle }: { readonly deckId: DeckId | null; readonly deckTitle?: string }) {
  const isAllDecks = deckId === null;
  return (
    <ErrorBoundary area="The statistics screen">
      <Suspense fallback={loading}>
        <StatsScreen
          deckId={deckId}
          title={isAllDecks ? 'Statistics: all decks' : `Statistics: ${deckTitle ?? deckId}`}
          backHref={isAllDecks ? routeHash({ name: 'decks' }) : routeHash({ name: 'deck', deckId })}
          backLabel={isAllDecks ? 'All decks' : 'Back to the deck'}
        />
      </Suspense>
    </ErrorBoundary>
  );
}

/** The card browser for one deck. */
export function BrowseRoute({ deckId }: { readonly deckId: DeckId }) {
  return (
    <ErrorBoundary area="The card browser">
      <Suspense fallback={loading}>
        <BrowseScreen deckId={deckId} deckHref={routeHash({ name: 'deck', deckId })} />
      </Suspense>
    </ErrorBoundary>
  );
}

/** The exam plan for one deck (issue 14). */
export function PlanRoute({ deckId }: { readonly deckId: DeckId }) {
  return (
    <ErrorBoundary area="The exam plan">
      <Suspense fallback={loading}>
        <PlanScreen deckId={deckId} />
      </Suspense>
    </ErrorBoundary>
  );
}
