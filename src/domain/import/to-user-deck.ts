/**
 * The last step of an import: the stored user deck it becomes. A module of its own because the
 * store, which is in the entry chunk, imports it: that must not pull the import parsers in too.
 */
import { userDeckId, type UserDeck } from '../deck/user-deck.ts';
import type { ImportedDeck } from './imported-deck.ts';

/** The user deck an import becomes: a new one, or the existing one with the same id updated in place. */
export function toUserDeck(imported: ImportedDeck, existing: UserDeck | undefined, now: number): UserDeck {
  return {
    schemaVersion: 1,
    id: userDeckId(imported.slug),
    title: imported.title,
    description: imported.description,
    cards: imported.cards,
    origin: existing?.origin ?? imported.origin,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

