/**
 * Hands over from the shell prerendered into index.html (scripts/vite-plugin-shell.ts) to the app.
 *
 * The app renders into a hidden #root while the shell stays on screen. On the deck list the swap
 * waits until every deck has its counts (or failed), so the list does not collapse to "Loading"
 * and grow back; on any other route it happens after the app's first render. The swap is one
 * frame: the shell's elements go and the app's appear, so nothing visible moves.
 */
import { parseRoute } from '../domain/routes/routes';
import type { StudyState, StudyStore } from '../store/study-store';

/** Upper bound on showing the static shell, in case storage or the network is slow to answer. */
const SHELL_TIMEOUT_MS = 4_000;

// An empty list is not "ready": it is also the state before the list has been read. A build with
// no decks at all keeps its shell ("No decks yet.") until the timeout.
const isDeckListReady = (state: StudyState): boolean =>
  state.deckListError !== null || (state.deckEntries.length > 0 && state.deckEntries.every((entry) => entry.status !== 'loading'));

const isHomeRoute = (): boolean => parseRoute(window.location.hash).name === 'decks';

/** Reveals `root` and removes `shell` when the app is ready to replace it. Call after rendering. */
export function handOverFromShell(shell: HTMLElement, root: HTMLElement, store: StudyStore): void {
  let isDone = false;
  const cleanups: (() => void)[] = [];
  const reveal = () => {
    if (isDone) return;
    isDone = true;
    cleanups.forEach((cleanup) => cleanup());
    // After React has committed the state that made us ready, before the next paint.
    requestAnimationFrame(() => {
      const hadFocus = shell.contains(document.activeElement);
      root.hidden = false;
      shell.remove();
      if (hadFocus) document.getElementById('main')?.focus();
    });
  };
  const check = () => {
    if (!isHomeRoute() || isDeckListReady(store.getState())) reveal();
  };
  cleanups.push(store.subscribe(check));
  window.addEventListener('hashchange', check);
  cleanups.push(() => window.removeEventListener('hashchange', check));
  const timer = window.setTimeout(reveal, SHELL_TIMEOUT_MS);
  cleanups.push(() => window.clearTimeout(timer));
  check();
}
