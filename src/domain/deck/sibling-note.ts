/**
 * Which note a card belongs to, for sibling burying (domain/queue/queue.ts): the cards of one note
 * are not shown on the same day.
 */
import type { Card } from './types.ts';

/**
 * A card imported from Anki is `anki-<guid slug>-<card ordinal>` (domain/import/anki-collection.ts).
 * The slug holds only [A-Za-z0-9_] (guidSlug), so the last `-` ends it.
 */
const ANKI_NOTE_CARD = /^(anki-[A-Za-z0-9_]+)-\d+$/;

/**
 * The note `card` shares with its siblings: its cloze note, or, for a card imported from Anki, the
 * Anki note its id names (a reverse card, the other clozes, the other occlusions), so Anki's bury
 * rules apply to what came from Anki as well. Undefined: a card of its own.
 */
export function siblingNoteOf(card: Pick<Card, 'id' | 'noteId'>): string | undefined {
  return card.noteId ?? ANKI_NOTE_CARD.exec(card.id)?.[1];
}
