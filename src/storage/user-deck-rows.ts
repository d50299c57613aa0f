/**
 * Stored shapes of a user's decks and their media (schema v2), and the mappers between them and
 * the domain. The deck itself is stored in the portable deck-file shape (kebab-case id), so it is
 * read back through the same `parseDeck` that checks bundled decks: one parser, one set of rules.
 */
import { cardsToFileEntries } from '../domain/deck/deck-schema';
import { parseDeck } from '../domain/deck/parse-deck';
import { isUserDeckId, portableDeckId, USER_DECK_ORIGINS, userDeckId, type UserDeck, type UserDeckOrigin } from '../domain/deck/user-deck';
import { asDeckId } from '../domain/ids';
import type { ImportedMedia } from '../domain/import/imported-deck';
import type { RowResult } from './row-parse';

/** One user deck; primary key `id` ("user.<slug>"). Times are epoch ms. */
export interface UserDeckRow {
  id: string;
  origin: UserDeckOrigin;
  createdAt: number;
  updatedAt: number;
  /** The deck in deck-file form: { schemaVersion, id (portable), title, description, cards }. */
  deck: unknown;
}

/** One image of a user deck; primary key [deckId+name]. */
export interface MediaRow {
  deckId: string;
  name: string;
  mimeType: string;
  bytes: ArrayBuffer;
}

const ORIGINS = USER_DECK_ORIGINS;

/** Copies a user deck into its stored row. */
export function userDeckToRow(deck: UserDeck): UserDeckRow {
  return {
    id: deck.id,
    origin: deck.origin,
    createdAt: deck.createdAt,
    updatedAt: deck.updatedAt,
    deck: {
      schemaVersion: deck.schemaVersion,
      id: portableDeckId(deck.id),
      title: deck.title,
      description: deck.description,
      cards: cardsToFileEntries(deck.cards),
      ...(deck.parent === undefined ? {} : { parent: portableDeckId(deck.parent) }),
    },
  };
}

/** Parses a stored user-deck row; a damaged row is reported, never thrown. */
export function userDeckFromRow(row: unknown): RowResult<UserDeck> {
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const rowKey = JSON.stringify(record['id']) ?? '(unknown)';
  const fail = (field: string, message: string): RowResult<UserDeck> => ({
    ok: false,
    problem: { table: 'userDecks', rowKey, field, message },
  });
  const { id, origin, createdAt, updatedAt } = record;
  if (typeof id !== 'string' || !isUserDeckId(id)) return fail('id', 'expected a "user." deck id');
  if (typeof origin !== 'string' || !(ORIGINS as readonly string[]).includes(origin)) return fail('origin', 'unknown origin');
  if (typeof createdAt !== 'number' || typeof updatedAt !== 'number') return fail('createdAt/updatedAt', 'expected numbers');
  try {
    const { parent, ...deck } = parseDeck(record['deck'], `stored deck ${id}`, { mayGroupOnly: true });
    // mayGroupOnly: a deck that groups subdecks, or one just written in the app, may have no cards.
    // A user deck's parent is another user deck: stored portable, like the id.
    const withParent = parent === undefined ? {} : { parent: userDeckId(parent) };
    return { ok: true, value: { ...deck, ...withParent, id: asDeckId(id), origin: origin as UserDeckOrigin, createdAt, updatedAt } };
  } catch (error) {
    return fail('deck', error instanceof Error ? error.message : String(error));
  }
}

/** Copies an image into its stored row (the bytes are copied, so the caller's buffer may be reused). */
export function mediaToRow(deckId: string, media: ImportedMedia): MediaRow {
  return { deckId, name: media.name, mimeType: media.mimeType, bytes: media.bytes.slice().buffer };
}

/** Parses a stored image row. */
export function mediaFromRow(row: unknown): RowResult<ImportedMedia> {
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const rowKey = JSON.stringify([record['deckId'], record['name']]) ?? '(unknown)';
  const { name, mimeType, bytes } = record;
  if (typeof name !== 'string' || typeof mimeType !== 'string' || !(bytes instanceof ArrayBuffer)) {
    return { ok: false, problem: { table: 'media', rowKey, field: 'name/mimeType/bytes', message: 'expected a name, a type and bytes' } };
  }
  return { ok: true, value: { name, mimeType, bytes: new Uint8Array(bytes) } };
}
