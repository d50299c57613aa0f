/**
 * What each side of a card shows. A plain card shows its front, then front and back; a cloze card
 * shows its note's text with this card's deletions blanked, then the whole text with them marked
 * as the answer and the note's extra text below.
 */
import type { Card } from '../deck/types';
import { parseCloze, revealCloze } from './cloze';

export interface CardFaces {
  /** Markdown of the question side. */
  readonly front: string;
  /** Markdown of the answer side. */
  readonly back: string;
  /** Whether the answer side already contains the question (a cloze's back does), so it is not repeated above it. */
  readonly isBackComplete: boolean;
}

/** The Markdown of both sides of `card`. */
export function cardFaces(card: Card): CardFaces {
  if (card.clozeNumber === undefined) return { front: card.front, back: card.back, isBackComplete: false };
  // The build or the import checked the text (parseDeckStrict); one that fails anyway shows raw, not blank.
  let nodes;
  try {
    nodes = parseCloze(card.front);
  } catch {
    return { front: card.front, back: card.back, isBackComplete: false };
  }
  const answer = revealCloze(nodes, card.clozeNumber, 'back');
  return {
    front: revealCloze(nodes, card.clozeNumber, 'front'),
    back: card.back.trim() === '' ? answer : `${answer}\n\n${card.back}`,
    isBackComplete: true,
  };
}
