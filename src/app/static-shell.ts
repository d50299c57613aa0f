/**
 * Hands over from the shell prerendered into index.html (scripts/vite-plugin-shell.ts) to the app.
 *
 * The app renders into a hidden #root while the shell stays on screen. On the deck list the swap
 * waits until every deck has its counts (or the list failed), so the tiles do not flash "Loading"
 * and the Data safety panel does not jump; on any other route it happens after the app's first
 * render. The swap is one frame: the shell's elements go and the app's appear.
 */
import { parseRoute } from '../domain/routes/routes';
import { isDeckListSettled } from '../store/decks-slice';
import type { StudyStore } from '../store/study-store';

/** Upper bound on showing the shell, in case storage is slow to answer. */
export const SHELL_TIMEOUT_MS = 4_000;
/** Set on <html> by the boot script on a deep link; only the shell's CSS reads it. */
const DEEP_LINK_CLASS = 'shell-deep-link';

const isHomeRoute = (): boolean => parseRoute(window.location.hash).name === 'decks';

/** Reveals `root` and removes `shell` once the app is ready to replace it. Call after rendering. */
export function handOverFromShell(shell: HTMLElement, root: HTMLElement, store: StudyStore): void {
  let isDone = false;
  const cleanups: (() => void)[] = [];
  const reveal = () => {
    if (isDone) return;
    isDone = true;
    cleanups.forEach((cleanup) => cleanup());
    // Before a paint, and only once React has committed something to show: an empty #root
    // would flash a blank page where the shell was.
    const swap = () => {
      if (root.childElementCount === 0) {
        requestAnimationFrame(swap);
        return;
      }
      const hadFocus = shell.contains(document.activeElement);
      root.hidden = false;
      shell.remove();
      document.documentElement.classList.remove(DEEP_LINK_CLASS);
      if (hadFocus) document.getElementById('main')?.focus();
    };
    requestAnimationFrame(swap);
  };
  const check = () => {
    if (!isHomeRoute() || isDeckListSettled(store.getState())) reveal();
  };
  cleanups.push(store.subscribe(check));
  window.addEventListener('hashchange', check);
  cleanups.push(() => window.removeEventListener('hashchange', check));
  const timer = window.setTimeout(reveal, SHELL_TIMEOUT_MS);
  cleanups.push(() => window.clearTimeout(timer));
  check();
}
