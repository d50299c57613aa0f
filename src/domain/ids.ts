/** Branded identifiers: a deck id and a card id are both strings, but never interchangeable. */
export type DeckId = string & { readonly __brand: 'DeckId' };
export type CardId = string & { readonly __brand: 'CardId' };

/** Brands a string that has already been validated as a deck id. */
export const asDeckId = (value: string): DeckId => value as DeckId;
/** Brands a string that has already been validated as a card id. */
export const asCardId = (value: string): CardId => value as CardId;
