/**
 * User Timing for the store's slow paths (queue build, grade save, restore steps): one cheap
 * entry each, visible in DevTools and read by the benchmark (bench/run.mjs). Silent where the
 * Performance API is missing (some test environments).
 */

/** A start time for measureSince, in ms. */
export const performanceNow = (): number => (typeof performance === 'undefined' ? 0 : performance.now());

/** Records `name` as a measure from `startMs` until now. */
export function measureSince(name: string, startMs: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.measure(name, { start: startMs, end: performance.now() });
}
