/**
 * Cloze notes written in the app. A card whose front has a cloze deletion (`{{c1::…}}`) is a cloze
 * note, as a deck file's `cloze` entry is (docs/deck-format.md): it studies as one card per cloze
 * number, named `<note id>.c<number>` like a deck file's, so rewording the text keeps each number's
 * progress, adding `{{c3::…}}` adds a card and removing every `{{c2::…}}` takes that card out of
 * the queue (its reviews stay in the log). The note keeps the random id its `card-created` event
 * gave it; content events and the editor speak of notes, study speaks of the expanded cards.
 */
import { ClozeError, parseCloze } from '../cloze/cloze';
import { clozeNumbersOf } from '../cloze/cloze-numbers';
import { clozeCardId } from '../deck/deck-schema';
import type { Card, Deck } from '../deck/types';
import { asCardId, type CardId } from '../ids';

// Anything that opens like a deletion (`{{c1::`, `{{cx::`, `{{c::`): the full parser then decides.
// Short, without spaces or braces, as the parser's own opener, so `{{code}}` stays plain text.
const CLOZE_OPENER = /\{\{c[^:{}\s]{0,12}::/;

/** Whether `front` is written as cloze text (it may still be malformed: see clozeTextProblem). */
export const looksLikeCloze = (front: string): boolean => CLOZE_OPENER.test(front);

/** Why `front`, written as cloze text, cannot be studied (the parser's message, with line and column), or null when it can or is not cloze text. */
export function clozeTextProblem(front: string): string | null {
  if (!looksLikeCloze(front)) return null;
  try {
    parseCloze(front);
    return null;
  } catch (error) {
    if (error instanceof ClozeError) return error.message;
    throw error;
  }
}

/** The card numbers a note studies as, ascending; empty for a plain front/back card. */
export const noteClozeNumbers = (note: Pick<Card, 'front'>): number[] => clozeNumbersOf(note.front);

/** The ids of the cards a note studies as: its own id for a plain card, `<id>.c<n>` per cloze number for a cloze note. */
export function noteCardIds(note: Pick<Card, 'id' | 'front'>): CardId[] {
  const numbers = noteClozeNumbers(note);
  return numbers.length === 0 ? [note.id] : numbers.map((n) => asCardId(clozeCardId(note.id, n)));
}

/**
 * Each note's studied cards, kept with the note. Notes are immutable and a deck's next version
 * reuses the ones it did not change, so expanding a 10,000-card deck after one card is added reads
 * one front, not 10,000.
 */
const expandedNotes = new WeakMap<Card, readonly Card[]>();

/** The studied cards of the notes, in order: a cloze note becomes its sibling cards, any other note stays itself. */
export function expandNotes(notes: readonly Card[]): Card[] {
  return notes.flatMap((note) => {
    let cards = expandedNotes.get(note);
    if (cards === undefined) {
      const numbers = noteClozeNumbers(note);
      cards = numbers.length === 0 ? [note] : numbers.map((clozeNumber) => ({ id: asCardId(clozeCardId(note.id, clozeNumber)), front: note.front, back: note.back, tags: note.tags, noteId: note.id, clozeNumber }));
      expandedNotes.set(note, cards);
    }
    return cards;
  });
}

/** The deck as study, the deck list and the cached row see it: the notes expanded into cards. */
export const studyDeckOf = (notes: Deck): Deck => ({ ...notes, cards: expandNotes(notes.cards) });

/** The note a studied card belongs to: its cloze note's id, or its own. */
export const noteIdOf = (card: Pick<Card, 'id' | 'noteId'>): CardId => (card.noteId === undefined ? card.id : asCardId(card.noteId));

/** The inverse of expandNotes: the cards of one cloze note become that note again, at its first card's place. */
export function collapseToNotes(cards: readonly Card[]): Card[] {
  const notes: Card[] = [];
  const written = new Set<string>();
  for (const card of cards) {
    if (card.clozeNumber === undefined || card.noteId === undefined) {
      notes.push(card);
    } else if (!written.has(card.noteId)) {
      written.add(card.noteId);
      notes.push({ id: asCardId(card.noteId), front: card.front, back: card.back, tags: card.tags });
    }
  }
  return notes;
}
