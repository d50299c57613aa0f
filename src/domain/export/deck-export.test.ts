import { describe, expect, it } from 'vitest';
import { userDeckId } from '../deck/user-deck';
import { asCardId, asDeckId } from '../ids';
import { parseDeckJsonImport } from '../import/parse-deck-json';
import { parseDelimitedDeck } from '../import/parse-delimited';
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import type { Deck } from '../deck/types';
import { deckToCsv, deckToJson, reviewLogToCsv } from './deck-export';

const deck: Deck = {
  schemaVersion: 1,
  id: userDeckId('mixed'),
  title: 'Mixed',
  description: 'd',
  cards: [
    { id: asCardId('a'), front: 'Comma, "quote"', back: 'line 1\nline 2', tags: ['t1', 't2'] },
    { id: asCardId('b'), front: 'plain', back: 'text', tags: [] },
  ],
};

const state = (cardId: string, phase: CardState['phase']): CardState => ({
  deckId: asDeckId('c3'),
  cardId: asCardId(cardId),
  phase,
  dueAt: 0,
  stability: 1,
  difficulty: 5,
  scheduledDays: 0,
  learningStep: 0,
  reps: 1,
  lapses: 0,
  lastReviewedAt: 0,
});

const review = (cardId: string, reviewedAt: number, rating: ReviewLogEntry['rating'], before: CardState | null, answerMs = 1500.4): ReviewLogEntry => ({
  deckId: asDeckId('c3'),
  cardId: asCardId(cardId),
  rating,
  reviewedAt,
  answerMs,
  before,
  after: state(cardId, 'review'),
});

describe('deck export', () => {
  it('writes CSV that our own importer reads back card for card, tags included', () => {
    const csv = deckToCsv(deck);
    expect(csv.split('\r\n')[0]).toBe('front,back,tags');
    const { deck: back, options } = parseDelimitedDeck(csv, 'Mixed.csv');
    expect(options).toEqual({ delimiter: ',', hasHeader: true });
    expect(back.cards.map((c) => [c.front, c.back, c.tags])).toEqual(deck.cards.map((c) => [c.front, c.back, c.tags]));
  });

  it('writes deck JSON under the portable id, which imports back into the same user deck', () => {
    const json = deckToJson(deck);
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, id: 'mixed' });
    const imported = parseDeckJsonImport(json, 'mixed.json');
    expect(imported.slug).toBe('mixed');
    expect(imported.cards).toEqual(deck.cards);
  });
});

describe('review log CSV for the FSRS optimizer', () => {
  it('numbers cards, orders by time and maps ratings and states to FSRS numbers', () => {
    const csv = reviewLogToCsv([
      review('y', 3_000, 'easy', state('y', 'learning'), 800),
      review('x', 1_000, 'again', null),
      review('x', 2_000, 'good', state('x', 'relearning')),
      review('y', 500, 'hard', state('y', 'review')),
    ]);
    expect(csv).toBe(
      ['card_id,review_time,review_rating,review_state,review_duration', '1,500,2,2,1500', '2,1000,1,0,1500', '2,2000,3,3,1500', '1,3000,4,1,800', ''].join('\n'),
    );
  });
});
