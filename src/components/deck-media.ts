import { createContext } from 'react';

/**
 * Object URLs of the current deck's stored images, by the path cards use (`media/<name>`).
 * Provided around the study screen for a user's deck; empty everywhere else.
 */
export const DeckMediaContext = createContext<ReadonlyMap<string, string>>(new Map());

/** Card paths that refer to a deck's stored media rather than to a file on the server. */
export const isDeckMediaPath = (src: string): boolean => src.startsWith('media/');
