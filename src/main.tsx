/**
 * Start-up, in separate tasks rather than one: evaluating the store, React DOM and the app as one
 * module graph was one task of 100 to 180 ms under Lighthouse's mobile throttling. Each import
 * below is its own chunk (all preloaded by the boot script, see scripts/vite-plugin-shell.ts), and
 * the page gets a turn between them, so it keeps painting and answering input while the app starts.
 */
import { StrictMode, startTransition, useLayoutEffect, type ComponentType, type ReactNode } from 'react';
import { parseRoute } from './domain/routes/routes';
import './styles.css';
// The prerendered first screen (the deck list, the shortcuts dialog's trigger) is styled by the
// entry stylesheet: as imports of the lazy App chunk, these arrived after the first paint and
// moved the tiles when they did.
import './features/decks/decks.css';
import './app/keyboard-help.css';

/** Set on <html> by the boot script on a deep link (scripts/vite-plugin-shell.ts); only CSS reads it. */
const DEEP_LINK_CLASS = 'shell-deep-link';

/** Lets the browser run other tasks (paint, input) before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

async function start(root: HTMLElement) {
  // Storage and the deck list load while React starts and renders: neither waits for the other.
  const { studyStore } = await import('./store');
  void studyStore.getState().hydrate();
  await nextTask();
  const { createRoot, hydrateRoot } = await import('react-dom/client');
  await nextTask();
  const { App }: { App: ComponentType } = await import('./app/App');
  await nextTask();

  // A production build prerenders the deck list's first render into #root (scripts/vite-plugin-shell.ts).
  const isPrerendered = root.firstElementChild !== null;
  const isHome = parseRoute(window.location.hash).name === 'decks';
  const hadFocus = root.contains(document.activeElement);
  const app = (
    <StrictMode>
      <AfterFirstCommit onCommit={() => leaveShell(hadFocus && !(isPrerendered && isHome))}>
        <App />
      </AfterFirstCommit>
    </StrictMode>
  );
  // As transitions, React renders (and hydrates) in slices of a few ms.
  startTransition(() => {
    if (isPrerendered && isHome) {
      // Adopts the painted nodes: the first render matches them, so nothing is replaced or repainted.
      hydrateRoot(root, app);
    } else {
      // Another screen than the one prerendered: React replaces the shell in its first commit.
      createRoot(root).render(app);
    }
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
