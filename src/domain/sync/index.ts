/**
 * Shared by the app's sync engine (src/sync) and the sync server (sync-server/): what a space is,
 * how its keys, credential and opaque names are derived, how payloads are sealed, and the
 * clock-skew rule. Pure TypeScript on WebCrypto; every relative import names its `.ts` file so
 * the server's build (tsc, rewriting the extensions) runs it under plain Node.
 */
export * from './bytes.ts';
export * from './clock.ts';
export * from './envelope.ts';
export * from './keys.ts';
export * from './space.ts';
export * from './limits.ts';
