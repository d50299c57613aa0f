import { describe, expect, it } from 'vitest';
import { userDeckId, type UserDeck } from '../deck/user-deck';
import { asCardId } from '../ids';
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import { DEFAULT_SETTINGS } from '../settings';
import { planRestore, type ProgressSnapshot } from './restore-plan';

const DECK = userDeckId('bio');

const deck = (updatedAt: number, title = 'Bio'): UserDeck => ({
  schemaVersion: 1,
  id: DECK,
  title,
  description: '',
  cards: [{ id: asCardId('a'), front: 'A?', back: 'A', tags: [] }],
  origin: 'json',
  createdAt: 0,
  updatedAt,
});

const state = (cardId: string, lastReviewedAt: number | null): CardState => ({
  deckId: DECK,
  cardId: asCardId(cardId),
  phase: 'review',
  dueAt: (lastReviewedAt ?? 0) + 1,
  stability: 1,
  difficulty: 5,
  scheduledDays: 1,
  learningStep: 0,
  reps: 1,
  lapses: 0,
  lastReviewedAt,
});

const review = (cardId: string, reviewedAt: number, id?: number): ReviewLogEntry => ({
  ...(id === undefined ? {} : { id }),
  deckId: DECK,
  cardId: asCardId(cardId),
  rating: 'good',
  reviewedAt,
  answerMs: 1_000,
  before: null,
  after: state(cardId, reviewedAt),
});

const snapshot = (overrides: Partial<ProgressSnapshot>): ProgressSnapshot => ({
  decks: [],
  cardStates: [],
  reviewLog: [],
  settings: DEFAULT_SETTINGS,
  ...overrides,
});

describe('planRestore', () => {
  it('keeps every review from both sides, counting a review present on both once', () => {
    const current = snapshot({ reviewLog: [review('a', 100, 1), review('a', 200, 2)] });
    const backup = snapshot({ reviewLog: [review('a', 200, 9), review('a', 50, 10), review('b', 300, 11)] });
    const plan = planRestore(current, backup);
    expect(plan.reviewsToAdd.map((r) => [r.cardId, r.reviewedAt, r.id])).toEqual([
      ['a', 50, undefined],
      ['b', 300, undefined],
    ]);
    expect(plan.summary).toMatchObject({ reviewsAdded: 2, reviewsAlreadyPresent: 1 });
  });

  it('takes the card state reviewed last; a tie keeps this browser', () => {
    const current = snapshot({ cardStates: [state('a', 500), state('b', 100), state('c', 300)] });
    const backup = snapshot({ cardStates: [state('a', 400), state('b', 200), state('c', 300), state('d', null)] });
    const plan = planRestore(current, backup);
    expect(plan.cardStatesToPut.map((s) => s.cardId)).toEqual(['b', 'd']);
    expect(plan.summary).toMatchObject({ cardStatesWritten: 2, cardStatesKept: 2 });
  });

  it('takes the deck copy changed last; a tie keeps this browser', () => {
    expect(planRestore(snapshot({ decks: [deck(10)] }), snapshot({ decks: [deck(20, 'New')] })).decksToPut.map((d) => d.title)).toEqual(['New']);
    const tie = planRestore(snapshot({ decks: [deck(10)] }), snapshot({ decks: [deck(10, 'Other')] }));
    expect(tie.decksToPut).toEqual([]);
    expect(tie.summary.decksKept).toBe(1);
  });

  it("applies the backup's settings, and reports no change when they are equal", () => {
    const custom = { ...DEFAULT_SETTINGS, reviewsPerDay: 50 };
    expect(planRestore(snapshot({}), snapshot({ settings: custom })).settings).toEqual(custom);
    expect(planRestore(snapshot({ settings: custom }), snapshot({ settings: { ...custom } })).settings).toBeNull();
  });
});
