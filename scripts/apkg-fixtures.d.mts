/** Types for apkg-fixtures.mjs (test-only Anki package builders). */
export type FixtureNote = readonly [id: number, guid: string, notetypeId: number, fields: readonly string[]];
export interface FixtureOptions {
  readonly notes?: readonly FixtureNote[];
  /** [note id, card ord] for each card Anki generated. */
  readonly cards?: readonly (readonly [number, number])[];
  /** Deck ids and names ("Parent::Child"); Default (id 1) is always there. */
  readonly decks?: readonly (readonly [number, string])[];
  readonly deckOf?: (noteId: number, ord: number) => number;
  /** Anki's scheduling columns for a card (default: a new card, queue 0). */
  readonly schedule?: (noteId: number, ord: number) => FixtureSchedule | undefined;
  /** revlog rows; the card is named by (note id, ord). */
  readonly revlog?: readonly FixtureRevlog[];
  /** The scheduler version the collection says it uses (1: the V1 three-button learning). Default 2. */
  readonly schedVer?: number;
  /** Media files beside cell.png (always file 0), as [name, bytes]; fields refer to them by name. */
  readonly media?: readonly (readonly [string, Uint8Array])[];
}
/** cards.type (0 new, 1 learn, 2 review, 3 relearn), queue (-3 user buried, -2 sibling buried, -1 suspended, 0 new, 1 learn, 2 review, 3 day learn), due, ivl (days), factor (permille). */
export interface FixtureSchedule {
  readonly type?: number;
  readonly queue?: number;
  readonly due?: number;
  readonly ivl?: number;
  readonly factor?: number;
  readonly reps?: number;
  readonly lapses?: number;
  readonly left?: number;
  /** Epoch seconds of the card's last change. */
  readonly mod?: number;
}
export interface FixtureRevlog {
  /** Epoch ms of the answer. */
  readonly id: number;
  readonly nid: number;
  readonly ord: number;
  /** 1-4 the button; 0 a manual entry. */
  readonly ease: number;
  readonly ivl?: number;
  readonly lastIvl?: number;
  readonly factor?: number;
  /** ms taken to answer. */
  readonly time?: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  readonly type: number;
}
/** The collection's creation time (col.crt), epoch seconds: review-card due days count from it. */
export declare const COLLECTION_CREATED_SECS: number;
/** Note type ids of the stock note types every fixture declares. */
export declare const NOTETYPE_IDS: { readonly basic: number; readonly reversed: number; readonly cloze: number; readonly typeIn: number; readonly imageOcclusion: number };
/** Two Image Occlusion notes (hide all, with a grouped c3; hide one), their image is heart.png. */
export declare const IMAGE_OCCLUSION_NOTES: readonly FixtureNote[];
export declare const IMAGE_OCCLUSION_CARDS: readonly (readonly [number, number])[];
export declare const IMAGE_OCCLUSION_MEDIA: readonly (readonly [string, Uint8Array])[];
/** Anki's schema11.sql, statement by statement. */
export declare const SCHEMA_11: readonly string[];
export declare const FIXTURE_NOTES: readonly FixtureNote[];
export declare function zstdStored(data: Uint8Array, options?: { readonly hasContentSize?: boolean }): Uint8Array;
/** A playable WAV of `ms` milliseconds of silence. */
export declare function silentWav(ms?: number): Uint8Array;
export declare function makeLegacyApkg(options?: FixtureOptions): Promise<Uint8Array>;
export declare function makeAnki21Apkg(options?: FixtureOptions): Promise<Uint8Array>;
export declare function makeAnki21bApkg(options?: FixtureOptions): Promise<Uint8Array>;
