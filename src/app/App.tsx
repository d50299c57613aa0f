import { lazy, Suspense, useEffect } from 'react';
import type { DeckId } from '../domain/ids';
import { routeHash, type Route } from '../domain/routes/routes';
import { DeckList } from '../features/decks/DeckList';
import { DeckPage } from '../features/decks/DeckPage';
import { DataSafety } from '../features/device/DataSafety';
import { studyStore, useStudyStore } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFound } from './NotFound';
import { InstallButton } from './pwa/InstallButton';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { StorageBanner } from './StorageBanner';
import { useRoute } from './use-route';

// The study screen (and react-markdown with it) loads on demand; it is prefetched once the list shows.
const loadStudyScreen = () => import('../features/study/StudyScreen');
const StudyScreen = lazy(() => loadStudyScreen().then((m) => ({ default: m.StudyScreen })));
// Images of imported decks are only needed once a card is on screen.
const DeckMediaProvider = lazy(() => import('./DeckMediaProvider').then((m) => ({ default: m.DeckMediaProvider })));
// Import, export, sharing and backup load only when used, so first load stays the same size.
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const BackupScreen = lazy(() => import('../features/import/BackupScreen').then((m) => ({ default: m.BackupScreen })));
const SharedDeckScreen = lazy(() => import('../features/import/SharedDeckScreen').then((m) => ({ default: m.SharedDeckScreen })));
const DeckLibraryActions = lazy(() => import('../features/import/DeckLibraryActions').then((m) => ({ default: m.DeckLibraryActions })));

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
      {/* Not a plain #main link: with hash routes that would navigate away from the screen. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="app-header__brand" href={routeHash({ name: 'decks' })}>Flipdeck</a>
        <InstallButton />
      </header>
      <UpdatePrompt />
      <StorageBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}

/** The screen for a route. Each screen has its own error boundary. */
function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'decks':
      return (
        <ErrorBoundary area="The deck list">
          <DeckList />
          <DataSafety />
        </ErrorBoundary>
      );
    case 'deck':
    case 'study':
      return <DeckRoute deckId={route.deckId} isStudy={route.name === 'study'} />;
    case 'import':
      return (
        <ErrorBoundary area="The import screen">
          <Suspense fallback={<Loading />}>
            <ImportScreen />
          </Suspense>
        </ErrorBoundary>
      );
    case 'shared-deck':
      return (
        <ErrorBoundary area="The shared deck">
          <Suspense fallback={<Loading />}>
            <SharedDeckScreen payload={route.payload} />
          </Suspense>
        </ErrorBoundary>
      );
    case 'backup':
      return (
        <ErrorBoundary area="The backup screen">
          <Suspense fallback={<Loading />}>
            <BackupScreen />
          </Suspense>
        </ErrorBoundary>
      );
    default:
      return <NotFound what="Page" />;
  }
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
        <Suspense fallback={null}>
          <DeckLibraryActions deckId={deckId} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  return (
    <ErrorBoundary area="The study screen">
      <Suspense fallback={<p role="status" className="loading">Loading…</p>}>
        <DeckMediaProvider deckId={deckId}>
          <StudyScreen deckId={deckId} deckHref={routeHash({ name: 'deck', deckId })} />
        </DeckMediaProvider>
      </Suspense>
    </ErrorBoundary>
  );
}

function Loading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}
