import { describe, expect, it } from 'vitest';
import { createEmptyCard, State } from 'ts-fsrs';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { newCardState } from './new-card';
import { createScheduler } from './scheduler';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

describe('newCardState', () => {
  it("is ts-fsrs's empty card in our terms, so leaving ts-fsrs out of it changes no schedule", () => {
    const empty = createEmptyCard(NOW);
    const state = newCardState(asDeckId('d'), asCardId('c1'), NOW);
    expect(empty.state).toBe(State.New);
    expect(empty.last_review).toBeUndefined();
    expect(state).toEqual({
      deckId: 'd',
      cardId: 'c1',
      phase: 'new',
      dueAt: empty.due.getTime(),
      stability: empty.stability,
      difficulty: empty.difficulty,
      scheduledDays: empty.scheduled_days,
      learningStep: empty.learning_steps,
      reps: empty.reps,
      lapses: empty.lapses,
      lastReviewedAt: null,
    });
  });

  it('grades like a state read back from the scheduler', () => {
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const graded = scheduler.grade(newCardState(asDeckId('d'), asCardId('c1'), NOW), 'good', NOW);
    expect(graded).toMatchObject({ phase: 'learning', reps: 1, lastReviewedAt: NOW });
  });
});
