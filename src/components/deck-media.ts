import { createContext } from 'react';

/**
 * Object URLs of the current deck's stored images, by the path cards use (`media/<name>`).
 * Provided around the study screen for a user's deck; empty everywhere else.
 */
export const DeckMediaContext = createContext<ReadonlyMap<string, string>>(new Map());

/**
 * Shows a just-stored image (by its stored name) to the deck's cards at once, without reading the
 * deck's media again; null outside a deck's media provider.
 */
export const AddDeckMediaContext = createContext<((name: string, file: Blob) => void) | null>(null);

/** Card paths that refer to a deck's stored media rather than to a file on the server. */
export const isDeckMediaPath = (src: string): boolean => src.startsWith('media/');
