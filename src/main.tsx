import { StrictMode, startTransition, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseRoute } from './domain/routes/routes';
import { studyStore } from './store';
import './styles.css';

/** Set on <html> by the boot script on a deep link (scripts/vite-plugin-shell.ts); only CSS reads it. */
const DEEP_LINK_CLASS = 'shell-deep-link';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Storage and the deck list load while React renders: neither waits for the other.
void studyStore.getState().hydrate();

/** Runs `onCommit` once React's first commit is in the DOM, before the browser paints it. */
function AfterFirstCommit({ onCommit, children }: { readonly onCommit: () => void; readonly children: ReactNode }) {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}

/** The prerendered page's scaffolding goes in the same frame as the app's first commit. */
function leaveShell(hadFocus: boolean) {
  document.documentElement.classList.remove(DEEP_LINK_CLASS);
  document.querySelector('.shell-deep-link-only')?.remove();
  if (hadFocus) document.getElementById('main')?.focus();
}

// A production build prerenders the deck list's first render into #root (scripts/vite-plugin-shell.ts).
const isPrerendered = root.firstElementChild !== null;
const isHome = parseRoute(window.location.hash).name === 'decks';
const hadFocus = root.contains(document.activeElement) && document.activeElement !== document.body;
const app = (
  <StrictMode>
    <AfterFirstCommit onCommit={() => leaveShell(hadFocus && !(isPrerendered && isHome))}>
      <App />
    </AfterFirstCommit>
  </StrictMode>
);
// As transitions, React renders (and hydrates) in slices of a few ms, so no start-up task is long
// and the painted page keeps answering input meanwhile.
startTransition(() => {
  if (isPrerendered && isHome) {
    // Adopts the painted nodes: the first render matches them, so nothing is replaced or repainted.
    hydrateRoot(root, app);
  } else {
    // Another screen than the one prerendered: React replaces the shell in its first commit.
    createRoot(root).render(app);
  }
});
