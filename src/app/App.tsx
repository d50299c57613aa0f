import { lazy, Suspense } from 'react';
import { routeHash, type DeckScreen, type Route } from '../domain/routes/routes';
import { useStudyStore } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFound } from './NotFound';
import { KeyboardHelp } from './KeyboardHelp';
import { InstallButton } from './pwa/InstallButton';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { preloadRoute, routeEntry, type RouteOf } from './routes';
import { StorageBanner } from './StorageBanner';
import { useAppearance } from './use-appearance';
import { usePreloadOnIntent } from './use-preload-on-intent';
import { useRoute } from './use-route';
import { useWarnWhileSaving } from './use-warn-while-saving';

// Only a build that names a sync server shows it, and only while this device syncs.
const SyncStatusBadge = lazy(async () => ({ default: (await import('../features/sync/SyncStatusBadge')).SyncStatusBadge }));

/** The shell: header, storage banner, and the screen for the current hash route. */
export function App() {
  const route = useRoute();
  useAppearance();
  usePreloadOnIntent(preloadRoute);
  useWarnWhileSaving(useStudyStore((s) => s.isSaving));
  const isSyncAvailable = useStudyStore((s) => s.isSyncAvailable);

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
        {isSyncAvailable ? (
          <Suspense fallback={null}>
            <SyncStatusBadge />
          </Suspense>
        ) : null}
        <InstallButton />
      </header>
      <KeyboardHelp />
      <UpdatePrompt />
      <StorageBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Keyed by screen, so a screen that failed is not still failed after navigating away and back. */}
        <ErrorBoundary key={route.name} area={routeEntry(route).area}>
          <Suspense fallback={<Loading />}>
            {'deckId' in route ? <DeckScreenFor route={route} /> : <ScreenFor route={route} />}
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

function ScreenFor({ route }: { readonly route: Exclude<Route, { readonly name: DeckScreen }> }) {
  const { Screen } = routeEntry(route);
  return <Screen route={route as never} />;
}

/** A deck's screen, once the deck list says which decks exist. */
function DeckScreenFor({ route }: { readonly route: RouteOf<DeckScreen> }) {
  const title = useStudyStore((s) => s.deckEntries.find((e) => e.listing.id === route.deckId)?.listing.title);
  const isListLoaded = useStudyStore((s) => s.isDeckListLoaded);
  if (title === undefined) return isListLoaded ? <NotFound what="Deck" /> : <Loading />;
  const { Screen } = routeEntry(route);
  return <Screen route={route as never} deckTitle={title} />;
}

function Loading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}
