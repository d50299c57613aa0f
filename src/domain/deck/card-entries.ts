/**
 * Cards back into deck-file entries, the inverse of parseDeck's expansion: the cards of one cloze
 * note become that note again (at the place of its first card), every other card stays itself.
 * Whatever stores, exports or re-checks a deck in file form goes through here, so a cloze note
 * round-trips instead of turning into cards with a blank back.
 *
 * Imports name their `.ts` files because the Vite config loads the deck modules natively.
 */
import type { Card } from './types.ts';

export type CardFileEntry =
  | { id: string; front: string; back: string; tags: string[]; typeAnswer?: true | string }
  | { id: string; cloze: string; back?: string; tags: string[]; typeAnswer?: true };

/** The deck-file entries for `cards`, in order. */
export function cardsToFileEntries(cards: readonly Card[]): CardFileEntry[] {
  const entries: CardFileEntry[] = [];
  const notesWritten = new Set<string>();
  for (const card of cards) {
    const typeAnswer = card.typeAnswer === undefined ? {} : { typeAnswer: card.typeAnswer };
    if (card.clozeNumber === undefined || card.noteId === undefined) {
      entries.push({ id: card.id, front: card.front, back: card.back, tags: [...card.tags], ...typeAnswer });
      continue;
    }
    if (notesWritten.has(card.noteId)) continue;
    notesWritten.add(card.noteId);
    entries.push({
      id: card.noteId,
      cloze: card.front,
      ...(card.back === '' ? {} : { back: card.back }),
      tags: [...card.tags],
      ...(card.typeAnswer === undefined ? {} : { typeAnswer: true as const }),
    });
  }
  return entries;
}
