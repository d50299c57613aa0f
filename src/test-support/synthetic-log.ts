/**
 * A review log generated from known FSRS weights, for testing the optimizer and seeding browser
 * tests: each simulated student recalls a card with the probability the true weights predict.
 * Reproducible from the seed; times are epoch ms from `startAt`.
 */
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { asCardId, type DeckId } from '../domain/ids';
import { DEFAULT_SETTINGS } from '../domain/settings/study-settings';
import { seededRandom } from '../domain/scheduling/memory-model';
import { createScheduler, newCardState } from '../domain/scheduling/scheduler';
import type { Rating, ReviewLogEntry } from '../domain/scheduling/types';

export interface SyntheticLogOptions {
  readonly weights: readonly number[];
  readonly deckId: DeckId;
  /** Card ids to use, in the order they are introduced. */
  readonly cardIds: readonly string[];
  readonly newCardsPerDay: number;
  readonly days: number;
  readonly startAt: number;
  readonly seed: number;
}

const DAY_MS = 86_400_000;

/** Simulates `days` days of study and returns the log in review order, with before/after states. */
export function syntheticReviewLog(options: SyntheticLogOptions): ReviewLogEntry[] {
  const random = seededRandom(options.seed);
  const settings = { ...DEFAULT_SETTINGS, fsrsWeights: options.weights, isFuzzEnabled: false };
  const scheduler = createScheduler(settings);
  const truth = new FSRSAlgorithm(generatorParameters({ w: [...options.weights] }));
  const endAt = options.startAt + options.days * DAY_MS;
  const log: ReviewLogEntry[] = [];

  options.cardIds.forEach((id, index) => {
    const cardId = asCardId(id);
    // Cards are introduced a few a day, at a random time of the first study hours.
    let at = options.startAt + Math.floor(index / options.newCardsPerDay) * DAY_MS + Math.floor(random() * 4 * 3_600_000);
    let state = newCardState(options.deckId, cardId, at);
    let isNew = true;
    while (at < endAt) {
      const elapsedDays = state.lastReviewedAt === null ? 0 : (at - state.lastReviewedAt) / DAY_MS;
      const recall = isNew ? 0.7 : truth.forgetting_curve(elapsedDays, state.stability);
      const roll = random();
      const rating: Rating = roll >= recall ? 'again' : roll < recall * 0.1 ? 'hard' : roll > recall * 0.95 ? 'easy' : 'good';
      const after = scheduler.grade(state, rating, at);
      log.push({ deckId: options.deckId, cardId, rating, reviewedAt: at, answerMs: 3000 + Math.floor(random() * 5000), before: isNew ? null : state, after });
      state = after;
      isNew = false;
      // Reviewed when due, or a whole day late, so that the time since the last review is whole
      // study days, as the optimizer counts it.
      at = Math.max(after.dueAt, at + 60_000) + (random() < 0.3 ? DAY_MS : 0);
    }
  });
  return log.sort((a, b) => a.reviewedAt - b.reviewedAt);
}
