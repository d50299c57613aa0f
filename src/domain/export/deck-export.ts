/**
 * Files a user can take elsewhere: a deck as CSV (front, back, tags; opens in any spreadsheet
 * and imports back into Flipdeck, Anki or Quizlet) or as deck JSON (docs/deck-format.md), and
 * the review log in the column layout the FSRS optimizer tools read.
 */
import { cardsToFileEntries } from '../deck/deck-schema.ts';
import { portableDeckId } from '../deck/user-deck.ts';
import type { Deck } from '../deck/types.ts';
import type { CardPhase, Rating, ReviewLogEntry } from '../scheduling/types.ts';

/** One CSV field, quoted when it holds a delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly (string | number)[]) => fields.map(csvField).join(',');

/** The deck as CSV with a `front,back,tags` header; tags are space-separated like Anki's. */
export function deckToCsv(deck: Deck): string {
  const rows = deck.cards.map((card) => csvLine([card.front, card.back, card.tags.join(' ')]));
  return [csvLine(['front', 'back', 'tags']), ...rows].join('\r\n') + '\r\n';
}

/** The deck as a deck file; a user deck gets its portable id, so it imports anywhere. */
export function deckToJson(deck: Deck): string {
  const file = {
    schemaVersion: deck.schemaVersion,
    id: portableDeckId(deck.id),
    title: deck.title,
    description: deck.description,
    cards: cardsToFileEntries(deck.cards).map(({ tags, ...entry }) => ({ ...entry, ...(tags.length > 0 ? { tags } : {}) })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** FSRS's numbering: Again = 1 ... Easy = 4. */
const RATING_NUMBER: Readonly<Record<Rating, number>> = { again: 1, hard: 2, good: 3, easy: 4 };
/** FSRS's State enum: New = 0, Learning = 1, Review = 2, Relearning = 3. */
const STATE_NUMBER: Readonly<Record<CardPhase, number>> = { new: 0, learning: 1, review: 2, relearning: 3 };

export const REVIEW_LOG_CSV_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

/**
 * The review log as the FSRS optimizer reads it: one row per review, oldest first.
 * card_id is a whole number per (deck, card), numbered in order of first review, because the
 * optimizer expects integers; review_time is epoch ms; review_state is the card's state
 * before the review; review_duration is the answer time in ms.
 */
export function reviewLogToCsv(entries: readonly ReviewLogEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.reviewedAt - b.reviewedAt || byId(a.id, b.id));
  const numbers = new Map<string, number>();
  const rows = sorted.map((entry) => {
    const key = JSON.stringify([entry.deckId, entry.cardId]);
    let cardNumber = numbers.get(key);
    if (cardNumber === undefined) {
      cardNumber = numbers.size + 1;
      numbers.set(key, cardNumber);
    }
    return [
      cardNumber,
      Math.round(entry.reviewedAt),
      RATING_NUMBER[entry.rating],
      STATE_NUMBER[entry.before?.phase ?? 'new'],
      Math.max(0, Math.round(entry.answerMs)),
    ].join(',');
  });
  return [REVIEW_LOG_CSV_HEADER, ...rows].join('\n') + '\n';
}

/** Event ids (ULIDs) sort by the time they were made, so they break ties in time. */
function byId(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}
