/**
 * The route table: for every hash route (src/domain/routes), the screen that draws it and the name
 * its error boundary gives a failure (src/app/App.tsx wraps each in one). Every screen but the deck list is a
 * lazy chunk, so a first visit fetches only what the list needs; `preloadRoute` starts a screen's
 * download on a sign of intent (a pointer over or focus on a link to it), before the click.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { DeckId } from '../domain/ids';
import { routeHash, type DeckScreen, type Route } from '../domain/routes/routes';
import { deckShareUrl } from '../domain/share/share-url';
import { HomeScreen } from './HomeScreen';
import { NotFound } from './NotFound';

export type RouteName = Route['name'];
export type RouteOf<N extends RouteName> = N extends DeckScreen
  ? { readonly name: N; readonly deckId: DeckId }
  : Extract<Route, { readonly name: N }>;

/** What the table hands a screen: its route, and a deck's screen the deck's title too. */
export type ScreenProps<N extends RouteName> = N extends DeckScreen
  ? { readonly route: RouteOf<N>; readonly deckTitle: string }
  : { readonly route: RouteOf<N> };

export interface RouteEntry<N extends RouteName> {
  /** Names the screen in its error boundary's message, e.g. "The study screen". */
  readonly area: string;
  readonly Screen: ComponentType<ScreenProps<N>>;
  /** Starts loading the screen's code; absent for a screen that is in the entry module. */
  readonly preload?: () => Promise<unknown>;
}

/**
 * A module loaded once, on first use or on `preload`. A failed load (offline before the chunk was
 * cached) is forgotten, so the next attempt fetches again instead of failing for good.
 */
function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** A lazy component from a lazily loaded module. */
const lazyComponent = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

const loadStudy = lazyModule(() => import('../features/study/StudyScreen'));
// Images of imported decks are only needed once a card is on screen.
const loadDeckMedia = lazyModule(() => import('./DeckMediaProvider'));
const loadDeckPage = lazyModule(() => import('../features/decks/DeckPage'));
// Import, export, sharing and backup load only when used.
const loadLibraryActions = lazyModule(() => import('../features/decks/DeckLibraryActions'));
const loadShareDeck = lazyModule(() => import('../features/share/ShareDeck'));
// The button only; the package writer and sql.js load when it is pressed.
const loadExportToAnki = lazyModule(() => import('../features/import/ExportToAnki'));
const loadShareDeckPanel = lazyModule(() => import('../features/share/ShareDeckPanel'));
const loadStats = lazyModule(() => import('../features/stats/StatsScreen'));
const loadBrowse = lazyModule(() => import('../features/browse/BrowseScreen'));
const loadPlan = lazyModule(() => import('../features/planning/PlanScreen'));
const loadSettings = lazyModule(() => import('../features/settings/SettingsScreen'));
const loadAllDecksWorkload = lazyModule(() => import('../features/planning/AllDecksWorkload'));
const loadImport = lazyModule(() => import('../features/import/ImportScreen'));
const loadBackup = lazyModule(() => import('../features/backup/BackupScreen'));
const loadSharedDeck = lazyModule(() => import('../features/share/SharedDeckScreen'));
// The editor is one chunk for its three ways in: the deck editor, "New deck" and E while studying.
const loadAuthoring = lazyModule(() => import('../features/authoring/screens'));
const loadSyncSettings = lazyModule(() => import('../features/sync/SyncSettings'));
const loadJoinSync = lazyModule(() => import('../features/sync/JoinSyncScreen'));

const StudyScreen = lazyComponent(() => loadStudy().then((m) => m.StudyScreen));
const DeckMediaProvider = lazyComponent(() => loadDeckMedia().then((m) => m.DeckMediaProvider));
const DeckPage = lazyComponent(() => loadDeckPage().then((m) => m.DeckPage));
const DeckLibraryActions = lazyComponent(() => loadLibraryActions().then((m) => m.DeckLibraryActions));
const ShareDeck = lazyComponent(() => loadShareDeck().then((m) => m.ShareDeck));
const ExportToAnki = lazyComponent(() => loadExportToAnki().then((m) => m.ExportToAnki));
const ShareDeckPanel = lazyComponent(() => loadShareDeckPanel().then((m) => m.ShareDeckPanel));
const StatsScreen = lazyComponent(() => loadStats().then((m) => m.StatsScreen));
const BrowseScreen = lazyComponent(() => loadBrowse().then((m) => m.BrowseScreen));
const PlanScreen = lazyComponent(() => loadPlan().then((m) => m.PlanScreen));
const SettingsScreen = lazyComponent(() => loadSettings().then((m) => m.SettingsScreen));
const AllDecksWorkload = lazyComponent(() => loadAllDecksWorkload().then((m) => m.AllDecksWorkload));
const ImportScreen = lazyComponent(() => loadImport().then((m) => m.ImportScreen));
const BackupScreen = lazyComponent(() => loadBackup().then((m) => m.BackupScreen));
const SharedDeckScreen = lazyComponent(() => loadSharedDeck().then((m) => m.SharedDeckScreen));
const DeckEditorScreen = lazyComponent(() => loadAuthoring().then((m) => m.DeckEditorScreen));
const NewDeckScreen = lazyComponent(() => loadAuthoring().then((m) => m.NewDeckScreen));
const EditCardDialog = lazyComponent(() => loadAuthoring().then((m) => m.EditCardDialog));
const SyncSettings = lazyComponent(() => loadSyncSettings().then((m) => m.SyncSettings));
const JoinSyncScreen = lazyComponent(() => loadJoinSync().then((m) => m.JoinSyncScreen));

const deckHref = (deckId: DeckId) => routeHash({ name: 'deck', deckId });

/** The study screen, with the card editor (E) passed in; its code loads when first opened. */
function StudyRoute({ route }: ScreenProps<'study'>) {
  return (
    <DeckMediaProvider deckId={route.deckId}>
      <StudyScreen deckId={route.deckId} deckHref={deckHref(route.deckId)} CardEditor={EditCardDialog} />
    </DeckMediaProvider>
  );
}

/** The deck page, with the share feature's button and panel and the Anki export passed in (features do not import each other). */
function DeckRoute({ route, deckTitle }: ScreenProps<'deck'>) {
  return (
    <>
      <DeckPage deckId={route.deckId} share={<ShareDeck deckTitle={deckTitle} url={deckShareUrl(window.location.href, route.deckId)} />} />
      <DeckLibraryActions
        deckId={route.deckId}
        ankiExport={
          <Suspense fallback={null}>
            <ExportToAnki deckId={route.deckId} />
          </Suspense>
        }
        sharePanel={
          // Its own boundary: while the link code loads, the buttons above it stay in place.
          <Suspense fallback={<p role="status">Making the link…</p>}>
            <ShareDeckPanel deckId={route.deckId} />
          </Suspense>
        }
      />
    </>
  );
}

/** Settings, with the planning feature's workload simulator and the sync feature's section passed in. */
function SettingsRoute() {
  return (
    <SettingsScreen
      workload={
        <Suspense fallback={<p role="status">Loading the simulator…</p>}>
          <AllDecksWorkload />
        </Suspense>
      }
      sync={
        <Suspense fallback={null}>
          <SyncSettings />
        </Suspense>
      }
    />
  );
}

function AllStatsRoute() {
  return <StatsScreen deckId={null} title="Statistics: all decks" backHref={routeHash({ name: 'decks' })} backLabel="All decks" />;
}

function DeckStatsRoute({ route, deckTitle }: ScreenProps<'deck-stats'>) {
  return <StatsScreen deckId={route.deckId} title={`Statistics: ${deckTitle}`} backHref={deckHref(route.deckId)} backLabel="Back to the deck" />;
}

const both = (...loads: (() => Promise<unknown>)[]) => () => Promise.all(loads.map((load) => load()));

export const ROUTES: { readonly [N in RouteName]: RouteEntry<N> } = {
  decks: { area: 'The deck list', Screen: HomeScreen },
  deck: { area: 'The deck page', Screen: DeckRoute, preload: both(loadDeckPage, loadLibraryActions, loadShareDeck, loadExportToAnki) },
  study: { area: 'The study screen', Screen: StudyRoute, preload: both(loadStudy, loadDeckMedia) },
  'deck-stats': { area: 'The statistics screen', Screen: DeckStatsRoute, preload: loadStats },
  browse: {
    area: 'The card browser',
    Screen: ({ route }) => <BrowseScreen deckId={route.deckId} deckHref={deckHref(route.deckId)} />,
    preload: loadBrowse,
  },
  'deck-plan': { area: 'The exam plan', Screen: ({ route }) => <PlanScreen deckId={route.deckId} />, preload: loadPlan },
  stats: { area: 'The statistics screen', Screen: AllStatsRoute, preload: loadStats },
  settings: { area: 'The settings screen', Screen: SettingsRoute, preload: both(loadSettings, loadAllDecksWorkload, loadSyncSettings) },
  import: { area: 'The import screen', Screen: ImportScreen, preload: loadImport },
  backup: { area: 'The backup screen', Screen: BackupScreen, preload: loadBackup },
  'deck-edit': {
    area: 'The deck editor',
    Screen: ({ route }) => (
      <DeckMediaProvider deckId={route.deckId}>
        <DeckEditorScreen deckId={route.deckId} />
      </DeckMediaProvider>
    ),
    preload: both(loadAuthoring, loadDeckMedia),
  },
  'new-deck': { area: 'The new deck form', Screen: NewDeckScreen, preload: loadAuthoring },
  'shared-deck': {
    area: 'The shared deck',
    Screen: ({ route }) => <SharedDeckScreen payload={route.payload} />,
    preload: loadSharedDeck,
  },
  'join-sync': { area: 'Joining sync', Screen: ({ route }) => <JoinSyncScreen code={route.code} />, preload: loadJoinSync },
  'not-found': { area: 'This page', Screen: () => <NotFound what="Page" />, preload: undefined },
};

/** The table's entry for a route, typed for that route (TypeScript cannot correlate the lookup). */
export const routeEntry = <N extends RouteName>(route: RouteOf<N>): RouteEntry<N> => ROUTES[route.name as N];

/** Starts loading the code of the screen `hash` leads to; a failed prefetch is retried on the click. */
export function preloadRoute(route: Route): void {
  void routeEntry(route).preload?.().catch(() => undefined);
}
