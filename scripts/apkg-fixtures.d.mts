/** Types for apkg-fixtures.mjs (test-only Anki package builders). */
export type FixtureNote = readonly [id: number, guid: string, notetypeId: number, fields: readonly string[]];
export interface FixtureOptions {
  readonly notes?: readonly FixtureNote[];
  /** [note id, card ord] for each card Anki generated. */
  readonly cards?: readonly (readonly [number, number])[];
  /** Deck ids and names ("Parent::Child"); Default (id 1) is always there. */
  readonly decks?: readonly (readonly [number, string])[];
  readonly deckOf?: (noteId: number, ord: number) => number;
}
export declare const FIXTURE_NOTES: readonly FixtureNote[];
export declare function zstdStored(data: Uint8Array, options?: { readonly hasContentSize?: boolean }): Uint8Array;
export declare function makeLegacyApkg(options?: FixtureOptions): Promise<Uint8Array>;
export declare function makeAnki21Apkg(options?: FixtureOptions): Promise<Uint8Array>;
export declare function makeAnki21bApkg(options?: FixtureOptions): Promise<Uint8Array>;
