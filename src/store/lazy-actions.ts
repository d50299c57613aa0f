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

type AsyncMethods<T> = { readonly [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * Stand-ins for every action named in `names` that load `load` on first call and then call the
 * real one: one small function per name, so the first visit carries the names and no bodies.
 * `names` lists each action once (`satisfies Record<keyof T, true>` at the call site keeps it whole).
 */
export function forwardActions<T extends AsyncMethods<T>>(load: () => Promise<T>, names: Readonly<Record<keyof T, true>>): T {
  const forwarded: Record<string, unknown> = {};
  for (const name of Object.keys(names)) {
    forwarded[name] = async (...args: unknown[]) => ((await load())[name as keyof T] as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
  }
  return forwarded as T;
}
