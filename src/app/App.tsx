import { lazy, Suspense, useEffect } from 'react';
import type { DeckId } from '../domain/ids';
import { routeHash, type DeckScreen, type Route } from '../domain/routes/routes';
import { DeckList } from '../features/decks/DeckList';
import { DeckPage } from '../features/decks/DeckPage';
import { DataSafety } from '../features/device/DataSafety';
import { isDeckListSettled, studyStore, useStudyStore } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { BrowseRoute, PlanRoute, StatsRoute } from './insight-routes';
import { NotFound } from './NotFound';
import { KeyboardHelp } from './KeyboardHelp';
import { InstallButton } from './pwa/InstallButton';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { StorageBanner } from './StorageBanner';
import { useAppearance } from './use-appearance';
import { useRoute } from './use-route';

// The study screen (and react-markdown with it) loads on demand; it is prefetched once the list shows.
const loadStudyScreen = () => import('../features/study/StudyScreen');
const StudyScreen = lazy(() => loadStudyScreen().then((m) => ({ default: m.StudyScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
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
  useAppearance();

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
        <nav aria-label="Main">
          <a className="button button--ghost" href={routeHash({ name: 'stats' })} aria-current={route.name === 'stats' ? 'page' : undefined}>
            Statistics
          </a>
          <a className="button button--ghost" href={routeHash({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <InstallButton />
      </header>
      <KeyboardHelp />
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
          <HomeScreen />
        </ErrorBoundary>
      );
    case 'stats':
      return <StatsRoute deckId={null} />;
    case 'settings':
      return (
        <ErrorBoundary area="The settings screen">
          <Suspense fallback={<p role="status" className="loading">Loading…</p>}>
            <SettingsScreen />
          </Suspense>
        </ErrorBoundary>
      );
    case 'deck':
    case 'study':
    case 'deck-stats':
    case 'browse':
    case 'deck-plan':
      return <DeckRoute deckId={route.deckId} screen={route.name} />;
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

/**
 * The deck list, then the Data safety panel once every deck has its counts: rendered earlier, the
 * panel would be pushed down as the tiles fill in (a layout shift on every start).
 */
function HomeScreen() {
  const isListSettled = useStudyStore(isDeckListSettled);
  return (
    <>
      <DeckList />
      {isListSettled ? <DataSafety /> : null}
    </>
  );
}

function DeckRoute({ deckId, screen }: { readonly deckId: DeckId; readonly screen: DeckScreen }) {
  const title = useStudyStore((s) => s.deckEntries.find((e) => e.listing.id === deckId)?.listing.title);
  const isKnown = title !== undefined;
  const isListLoaded = useStudyStore((s) => s.isDeckListLoaded);

  if (!isKnown) {
    if (!isListLoaded) return <p role="status" className="loading">Loading…</p>;
    return <NotFound what="Deck" />;
  }
  if (screen === 'deck-stats') return <StatsRoute deckId={deckId} deckTitle={title} />;
  if (screen === 'browse') return <BrowseRoute deckId={deckId} />;
  if (screen === 'deck-plan') return <PlanRoute deckId={deckId} />;
  if (screen === 'deck') {
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
