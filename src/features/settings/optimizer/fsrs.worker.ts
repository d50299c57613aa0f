/**
 * The FSRS optimizer's dedicated module worker, so fitting never blocks the page. The WASM
 * (1.7 MB) is fetched on the first run only and cached by the service worker after that; it is
 * not part of the first load or of the precache.
 *
 * fsrs-browser's WASM uses shared memory (it is built for threads). Chromium allows that on any
 * page; Firefox and Safari only on cross-origin-isolated pages, which public/sw-isolation.js makes
 * Flipdeck's pages once the service worker controls them. initThreadPool is never called:
 * threads gave no speedup on 2 cores.
 */
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { fitWeights } from './fit-weights';
import type { FitMessage, FitRequest } from './messages';

// The DOM typings describe a window; this file runs as a dedicated worker, whose global has these.
const scope = self as unknown as {
  postMessage(message: FitMessage): void;
  onmessage: ((event: MessageEvent<FitRequest>) => void) | null;
};

const post = (message: FitMessage) => scope.postMessage(message);

/** Whether this context may create shared WebAssembly memory (the WASM cannot run without it). */
function canShareMemory(): boolean {
  try {
    // Chromium hides the SharedArrayBuffer global on pages that are not isolated, yet still allows
    // shared WebAssembly memory; so try to make one rather than look for the global.
    new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return true;
  } catch {
    return false;
  }
}

let ready: Promise<unknown> | null = null;

scope.onmessage = async (event: MessageEvent<FitRequest>) => {
  if (!canShareMemory()) {
    post({
      type: 'error',
      reason: 'no-shared-memory',
      message:
        'This browser runs the optimizer only on a cross-origin-isolated page. Flipdeck isolates its page once it is installed for offline use: reload the page and try again. Your settings and reviews are unaffected.',
    });
    return;
  }
  try {
    post({ type: 'stage', stage: 'loading' });
    ready ??= init({ module_or_path: wasmUrl });
    await ready;
    // computeParameters consumes its Fsrs (Rust takes `self`), so each run needs a fresh one.
    const fsrs = new Fsrs();
    post({ type: 'stage', stage: 'fitting' });
    const { histories, currentWeights } = event.data;
    const result = fitWeights(
      (ratings, deltas, lengths) => fsrs.computeParameters(ratings, deltas, lengths, undefined, true),
      histories,
      currentWeights,
      () => performance.now(),
    );
    post({ type: 'done', result });
  } catch (error) {
    ready = null;
    const detail = error instanceof Error ? error.message : String(error);
    post({ type: 'error', reason: 'failed', message: `The optimizer failed (${detail}). Your parameters are unchanged.` });
  }
};
