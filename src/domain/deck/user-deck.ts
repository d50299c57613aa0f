/**
 * A user's own deck: one they imported, added from a share link or restored from a backup.
 * It is a normal `Deck` plus where it came from. Its id lives in a namespace bundled decks
 * cannot use: bundled ids are kebab-case slugs (no "."), user ids all start with "user.", so a
 * bundled deck added later can never take over a user's deck or its progress.
 */
import { asDeckId, type DeckId } from '../ids.ts';
import { DECK_ID_PATTERN, MAX_DECK_ID_LENGTH } from './deck-schema.ts';
import type { Deck } from './types.ts';

export const USER_DECK_ID_PREFIX = 'user.';

/** How the deck got here, shown in the deck list and used to explain updates. 'authored': written in the app (content events). */
export type UserDeckOrigin = 'json' | 'csv' | 'markdown' | 'shared-link' | 'apkg' | 'backup' | 'authored';

/** Every origin, for the parsers of stored rows and synced events. */
export const USER_DECK_ORIGINS: readonly UserDeckOrigin[] = ['json', 'csv', 'markdown', 'shared-link', 'apkg', 'backup', 'authored'];

/** How a deck that was not written in the app got here. */
export type ImportedOrigin = Exclude<UserDeckOrigin, 'authored'>;

export interface UserDeck extends Deck {
  readonly origin: UserDeckOrigin;
  /** When it was first added, epoch ms. */
  readonly createdAt: number;
  /** When it was last imported, renamed or restored, epoch ms. */
  readonly updatedAt: number;
}

/** The Markdown image path a card uses for one of its deck's stored images. */
export const mediaPath = (name: string): string => `media/${encodeURIComponent(name)}`;

/** Whether a deck id belongs to a user's own deck rather than a bundled one. */
export const isUserDeckId = (id: string): boolean => id.startsWith(USER_DECK_ID_PREFIX);

/** The user deck id for a kebab-case slug: `spanish` -> `user.spanish`. */
export const userDeckId = (slug: string): DeckId => asDeckId(`${USER_DECK_ID_PREFIX}${slug}`);

/** The kebab-case id a user deck carries in exported files and links (`user.spanish` -> `spanish`). */
export function portableDeckId(id: DeckId): string {
  return isUserDeckId(id) ? id.slice(USER_DECK_ID_PREFIX.length) : id;
}

/**
 * A kebab-case slug for a title or file name, valid as a deck id: "Spanish Verbs (A1).csv" ->
 * "spanish-verbs-a1-csv". Letters outside a-z are folded where Unicode allows (é -> e) and
 * dropped otherwise; an empty result becomes "deck".
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_DECK_ID_LENGTH)
    .replace(/-+$/g, '');
  return DECK_ID_PATTERN.test(slug) ? slug : 'deck';
}
