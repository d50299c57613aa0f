/** Types for apkg-fixtures.mjs (test-only Anki package builders). */
export declare const FIXTURE_NOTES: readonly (readonly [number, string, number, readonly string[]])[];
export declare function zstdStored(data: Uint8Array): Uint8Array;
export declare function makeLegacyApkg(): Promise<Uint8Array>;
export declare function makeAnki21bApkg(): Promise<Uint8Array>;
