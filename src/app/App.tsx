import { lazy, Suspense, useEffect } from 'react';
import type { DeckId } from '../domain/ids';
import { routeHash } from '../domain/routes/routes';
import { DeckList } from '../features/decks/DeckList';
import { DeckPage } from '../features/decks/DeckPage';
import { studyStore, useStudyStore } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFound } from './NotFound';
import { StorageBanner } from './StorageBanner';
import { useRoute } from './use-route';

// The study screen (and react-markdown with it) loads on demand; it is prefetched once the list shows.
const loadStudyScreen = () => import('../features/study/StudyScreen');
const StudyScreen = lazy(() => loadStudyScreen().then((m) => ({ default: m.StudyScreen })));

/** The shell: header, storage banner, and the screen for the current hash route. */
export function App() {
  const route = useRoute();

  useEffect(() => {
    void studyStore.getState().hydrate();
    const idle = window.setTimeout(() => void loadStudyScreen(), 500);
    return () => window.clearTimeout(idle);
  }, []);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <a className="app-header__brand" href={routeHash({ name: 'decks' })}>Flipdeck</a>
      </header>
      <StorageBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'decks' ? (
          <ErrorBoundary area="The deck list">
            <DeckList />
          </ErrorBoundary>
        ) : route.name === 'not-found' ? (
          <NotFound what="Page" />
        ) : (
          <DeckRoute deckId={route.deckId} isStudy={route.name === 'study'} />
        )}
      </main>
    </>
  );
}

function DeckRoute({ deckId, isStudy }: { readonly deckId: DeckId; readonly isStudy: boolean }) {
  const isKnown = useStudyStore((s) => s.deckEntries.some((e) => e.listing.id === deckId));
  const isListLoaded = useStudyStore((s) => s.isHydrated && (s.deckEntries.length > 0 || s.deckListError !== null));
  const isEmptyList = useStudyStore((s) => s.isHydrated && s.deckEntries.length === 0);

  if (!isKnown) {
    if (!isListLoaded && !isEmptyList) return <p role="status" className="loading">Loading…</p>;
    return <NotFound what="Deck" />;
  }
  if (!isStudy) {
    return (
      <ErrorBoundary area="The deck page">
        <DeckPage deckId={deckId} />
      </ErrorBoundary>
    );
  }
  return (
    <ErrorBoundary area="The study screen">
      <Suspense fallback={<p role="status" className="loading">Loading…</p>}>
        <StudyScreen deckId={deckId} deckHref={routeHash({ name: 'deck', deckId })} />
      </Suspense>
    </ErrorBoundary>
  );
}
