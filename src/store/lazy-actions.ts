/**
 * Action bodies the first screen never runs live in their own chunks and load on first use. A
 * failed load (offline before the chunk was cached) is forgotten, so the next action tries again
 * instead of failing for good.
 */
export function lazyActions<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
