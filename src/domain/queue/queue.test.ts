import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId, type CardId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import type { CardPhase, CardState, ReviewLogEntry } from '../scheduling/types';
import { applyGradeToQueue, buildDueQueue, buildQueue, countDoneToday, nextCard, nextDueAt, queueCounts, type BuildQueueInput } from './queue';
import { nextStudyDayStart, studyDayStart } from './study-day';
import { seededRandom } from '../scheduling/memory-model';

// Tests run with TZ=UTC (vite.config.ts), so the 4 am day start is 04:00Z.
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;
const deckId = asDeckId('deck');
const ids = (...names: string[]): CardId[] => names.map(asCardId);

function state(cardId: string, phase: CardPhase, dueAt: number): CardState {
  return {
    deckId, cardId: asCardId(cardId), phase, dueAt,
    stability: 1, difficulty: 5, scheduledDays: 0, learningStep: 0, reps: 1, lapses: 0, lastReviewedAt: NOW - DAY,
  };
}

function input(cardIds: CardId[], states: CardState[], overrides: Partial<BuildQueueInput> = {}): BuildQueueInput {
  return {
    cardIds,
    states: new Map(states.map((s) => [s.cardId, s])),
    settings: DEFAULT_SETTINGS,
    doneToday: { newCards: 0, reviews: 0 },
    now: NOW,
    ...overrides,
  };
}

/** Drains the queue the way a student who always answers Easy-to-review would: every card once. */
function drainOrder(queue: ReturnType<typeof buildQueue>, now: number): string[] {
  const order: string[] = [];
  let q = queue;
  for (let next = nextCard(q, now, 20); next; next = nextCard(q, now, 20)) {
    order.push(next.cardId);
    q = applyGradeToQueue(q, state(next.cardId, 'review', now + 5 * DAY), now, 4);
  }
  return order;
}

describe('buildQueue and nextCard', () => {
  it('serves due learning cards, then due reviews most overdue first, then new cards in deck order', () => {
    const cards = ids('n1', 'r-recent', 'l1', 'n2', 'r-old', 'rl1', 'r-future');
    const queue = buildQueue(input(cards, [
      state('r-recent', 'review', NOW - 1 * DAY),
      state('l1', 'learning', NOW - 2 * MIN),
      state('r-old', 'review', NOW - 9 * DAY),
      state('rl1', 'relearning', NOW - 5 * MIN),
      state('r-future', 'review', NOW + 3 * DAY),
    ]));
    expect(drainOrder(queue, NOW)).toEqual(['rl1', 'l1', 'r-old', 'r-recent', 'n1', 'n2']);
  });

  it('counts a review due later today (before the 4 am rollover) as due today', () => {
    const queue = buildQueue(input(ids('a'), [state('a', 'review', Date.UTC(2026, 11, 1, 3, 0))]));
    expect(queue.review).toEqual(['a']);
    const tomorrow = buildQueue(input(ids('b'), [state('b', 'review', Date.UTC(2026, 11, 1, 5, 0))]));
    expect(tomorrow.review).toEqual([]);
  });

  it('caps new cards at 20 a day minus those already introduced today', () => {
    const cards = Array.from({ length: 30 }, (_, i) => asCardId(`c${i}`));
    expect(buildQueue(input(cards, [])).fresh).toHaveLength(20);
    expect(buildQueue(input(cards, [], { doneToday: { newCards: 15, reviews: 0 } })).fresh).toEqual(ids('c0', 'c1', 'c2', 'c3', 'c4'));
    expect(buildQueue(input(cards, [], { doneToday: { newCards: 25, reviews: 0 } })).fresh).toEqual([]);
  });

  it('caps reviews at 200 a day minus those done today, keeping the most overdue', () => {
    const states = Array.from({ length: 210 }, (_, i) => state(`r${i}`, 'review', NOW - (i + 1) * MIN));
    const cards = states.map((s) => s.cardId);
    const queue = buildQueue(input(cards, states, { doneToday: { newCards: 0, reviews: 5 } }));
    expect(queue.review).toHaveLength(195);
    expect(queue.review[0]).toBe('r209');
    expect(queue.review).not.toContain('r0');
  });

  it('ignores stored states of cards that were removed from the deck', () => {
    const queue = buildQueue(input(ids('kept'), [state('kept', 'review', NOW - DAY), state('gone', 'review', NOW - 2 * DAY)]));
    expect(queue.review).toEqual(['kept']);
  });

  it('skips suspended cards in every phase, including new cards suspended before their first review', () => {
    const suspend = (s: CardState): CardState => ({ ...s, isSuspended: true });
    const queue = buildQueue(
      input(ids('l', 'r', 'n', 'ok'), [
        suspend(state('l', 'learning', NOW - MIN)),
        suspend(state('r', 'review', NOW - DAY)),
        suspend(state('n', 'new', NOW)),
      ]),
    );
    expect(queue).toEqual({ learning: [], review: [], fresh: ['ok'] });
  });

  it('keeps a buried card out until its burial ends, then queues it as before', () => {
    const buried = { ...state('r', 'review', NOW - DAY), buriedUntil: NOW + 60 * MIN };
    const states = [buried, state('s', 'review', NOW - DAY)];
    expect(buildQueue(input(ids('r', 's'), states)).review).toEqual(['s']);
    expect(buildQueue({ ...input(ids('r', 's'), states), now: NOW + 120 * MIN }).review).toEqual(['r', 's']);
  });

  it('shows a learning card early only when nothing else is left, within the 20-minute learn-ahead', () => {
    const queue = buildQueue(input(ids('l', 'n'), [state('l', 'learning', NOW + 10 * MIN)]));
    expect(nextCard(queue, NOW, 20)).toEqual({ cardId: 'n', source: 'new' });
    const onlyLearning = applyGradeToQueue(queue, state('n', 'review', NOW + 3 * DAY), NOW, 4);
    expect(nextCard(onlyLearning, NOW, 20)).toEqual({ cardId: 'l', source: 'learn-ahead' });
    expect(nextCard(onlyLearning, NOW, 5)).toBeNull();
  });

  it('brings a card graded into a learning step back in the same session once it falls due', () => {
    let queue = buildQueue(input(ids('a', 'b'), []));
    queue = applyGradeToQueue(queue, state('a', 'learning', NOW + MIN), NOW, 4);
    expect(nextCard(queue, NOW, 0)).toEqual({ cardId: 'b', source: 'new' });
    queue = applyGradeToQueue(queue, state('b', 'review', NOW + 3 * DAY), NOW, 4);
    expect(nextCard(queue, NOW, 0)).toBeNull();
    expect(nextCard(queue, NOW + MIN, 0)).toEqual({ cardId: 'a', source: 'learning' });
  });

  it('keeps the learning list sorted by due time as cards rejoin it', () => {
    let queue = buildQueue(input(ids('a', 'b', 'c'), []));
    queue = applyGradeToQueue(queue, state('a', 'learning', NOW + 10 * MIN), NOW, 4);
    queue = applyGradeToQueue(queue, state('b', 'learning', NOW + MIN), NOW, 4);
    queue = applyGradeToQueue(queue, state('c', 'relearning', NOW + 5 * MIN), NOW, 4);
    expect(queue.learning.map((e) => e.cardId)).toEqual(['b', 'c', 'a']);
    expect(queueCounts(queue)).toEqual({ fresh: 0, learning: 3, review: 0 });
  });
});

describe('countDoneToday', () => {
  const entry = (reviewedAt: number, before: CardState | null): ReviewLogEntry => ({
    deckId, cardId: asCardId('x'), rating: 'good', reviewedAt, answerMs: 1000, before, after: state('x', 'review', NOW + DAY),
  });

  it('counts new introductions and reviews since the 4 am day start only', () => {
    const log = [
      entry(Date.UTC(2026, 10, 30, 3, 59), null), // yesterday's study day
      entry(Date.UTC(2026, 10, 30, 4, 1), null),
      entry(Date.UTC(2026, 10, 30, 8, 0), state('x', 'review', NOW)),
      entry(Date.UTC(2026, 10, 30, 9, 0), state('x', 'learning', NOW)), // a learning step counts as neither
    ];
    expect(countDoneToday(log, NOW, 4)).toEqual({ newCards: 1, reviews: 1, gradedCardIds: new Set(['x']) });
  });
});

describe('study day', () => {
  it('starts at 4 am local time and counts 1 am as part of the previous day', () => {
    expect(studyDayStart(Date.UTC(2026, 10, 30, 12), 4)).toBe(Date.UTC(2026, 10, 30, 4));
    expect(studyDayStart(Date.UTC(2026, 10, 30, 1), 4)).toBe(Date.UTC(2026, 10, 29, 4));
    expect(nextStudyDayStart(Date.UTC(2026, 10, 30, 1), 4)).toBe(Date.UTC(2026, 10, 30, 4));
  });
});

describe('nextDueAt', () => {
  it('gives the soonest learning card when one is waiting', () => {
    const at = nextDueAt(input(ids('a', 'b'), [state('a', 'learning', NOW + 30 * MIN), state('b', 'review', NOW + 2 * DAY)]));
    expect(at).toBe(NOW + 30 * MIN);
  });

  it('gives the next study day when new cards or due reviews were held back by a limit', () => {
    const tomorrow = Date.UTC(2026, 11, 1, 4);
    expect(nextDueAt(input(ids('n', 'b'), [state('b', 'review', NOW + 9 * DAY)]))).toBe(tomorrow);
    expect(nextDueAt(input(ids('r'), [state('r', 'review', NOW - DAY)]))).toBe(tomorrow);
  });

  it('ignores suspended cards, and is null when every card is suspended', () => {
    const suspended = { ...state('a', 'learning', NOW + 30 * MIN), isSuspended: true };
    expect(nextDueAt(input(ids('a', 'b'), [suspended, state('b', 'review', NOW + 2 * DAY)]))).toBe(NOW + 2 * DAY);
    expect(nextDueAt(input(ids('a'), [suspended]))).toBeNull();
  });

  it('is null for an empty deck', () => {
    expect(nextDueAt(input([], []))).toBeNull();
  });

  it('with only due states loaded, takes later cards from laterDueAt instead of calling them new', () => {
    const partial = { storedCardIds: new Set(ids('a', 'later')), laterDueAt: NOW + 5 * DAY };
    expect(nextDueAt(input(ids('a', 'later'), [state('a', 'learning', NOW + 30 * MIN)], partial))).toBe(NOW + 30 * MIN);
    expect(nextDueAt(input(ids('later'), [], partial))).toBe(NOW + 5 * DAY);
    expect(nextDueAt(input(ids('later'), [], { ...partial, laterDueAt: null }))).toBeNull();
  });
});

describe('buildQueue with only the due states loaded', () => {
  it('matches the queue built from every state', () => {
    const all = [
      state('due-review', 'review', NOW - DAY),
      state('future-review', 'review', NOW + 9 * DAY),
      state('learning', 'learning', NOW + 5 * MIN),
      state('future-relearning', 'relearning', NOW + 2 * DAY),
    ];
    const cardIds = ids('due-review', 'future-review', 'fresh-1', 'learning', 'future-relearning', 'fresh-2');
    const dayEnd = nextStudyDayStart(NOW, DEFAULT_SETTINGS.dayStartHour);
    const dueOnly = all.filter((s) => s.dueAt < dayEnd);
    const partial = { storedCardIds: new Set(all.map((s) => s.cardId)), laterDueAt: NOW + 2 * DAY };
    const full = buildQueue(input(cardIds, all));
    expect(buildQueue(input(cardIds, dueOnly, partial))).toEqual(full);
    expect(full.fresh).toEqual(ids('fresh-1', 'fresh-2'));
    // Without storedCardIds the left-out cards would wrongly count as new.
    expect(buildQueue(input(cardIds, dueOnly)).fresh).toHaveLength(4);
  });
});

describe('buildDueQueue (the piles from the due states, without walking the deck)', () => {
  const noNew = (i: BuildQueueInput): BuildQueueInput => ({ ...i, settings: { ...i.settings, newCardsPerDay: 0 } });
  const dueInput = (i: BuildQueueInput) => ({ ...i, deckCardIds: new Set(i.cardIds) });
  const laterToday = Date.UTC(2026, 11, 1, 3, 59);

  it('keeps learning cards due later today, drops removed, suspended, new and tomorrow\'s cards', () => {
    const i = input(ids('l-later', 'rl-now', 'r', 'r-tomorrow', 'susp', 'new-row', 'unseen'), [
      state('l-later', 'learning', laterToday),
      state('rl-now', 'relearning', NOW - MIN),
      state('r', 'review', NOW - DAY),
      state('r-tomorrow', 'review', Date.UTC(2026, 11, 1, 4, 0)),
      { ...state('susp', 'review', NOW - 2 * DAY), isSuspended: true },
      state('new-row', 'new', NOW - DAY),
      state('removed', 'review', NOW - 3 * DAY),
      state('removed-learning', 'learning', NOW - MIN),
    ]);
    const queue = buildDueQueue(dueInput(i));
    expect(queue).toEqual({
      learning: [{ cardId: 'rl-now', dueAt: NOW - MIN }, { cardId: 'l-later', dueAt: laterToday }],
      review: ['r'],
      fresh: [],
    });
    expect(queue).toEqual(buildQueue(noNew(i)));
  });

  it('cuts reviews to the daily limit left, most overdue first, ties by card id', () => {
    // Inserted in an order unlike both deck order and due order.
    const states = [state('b', 'review', NOW - DAY), state('c', 'review', NOW - 2 * DAY), state('a', 'review', NOW - DAY), state('d', 'review', NOW - MIN)];
    const i = input(ids('d', 'c', 'b', 'a'), states, {
      settings: { ...DEFAULT_SETTINGS, reviewsPerDay: 5 },
      doneToday: { newCards: 0, reviews: 2 },
    });
    expect(buildDueQueue(dueInput(i)).review).toEqual(ids('c', 'a', 'b'));
    expect(buildDueQueue(dueInput({ ...i, doneToday: { newCards: 0, reviews: 9 } })).review).toEqual([]);
  });

  it('equals buildQueue without new cards on seeded random decks', () => {
    const random = seededRandom(20261130);
    const phases: CardPhase[] = ['new', 'learning', 'review', 'relearning'];
    for (let round = 0; round < 200; round += 1) {
      const deckSize = Math.floor(random() * 60);
      const cardIds = Array.from({ length: deckSize }, (_, k) => asCardId(`c${Math.floor(random() * 1000)}-${k}`));
      const states: CardState[] = [];
      // Stored states for some deck cards and for a few removed ones; due times cluster so ties happen.
      for (const cardId of [...cardIds, ...ids('gone-1', 'gone-2', 'gone-3')]) {
        if (random() < 0.3) continue;
        const dueAt = NOW + Math.floor(random() * 8 - 5) * 6 * 3_600_000;
        const s = state(cardId, phases[Math.floor(random() * 4)]!, dueAt);
        states.push(random() < 0.1 ? { ...s, isSuspended: true } : s);
      }
      const i = input(cardIds, states, {
        settings: { ...DEFAULT_SETTINGS, reviewsPerDay: Math.floor(random() * 30), newCardsPerDay: 10 },
        doneToday: { newCards: 0, reviews: Math.floor(random() * 10) },
      });
      expect(buildDueQueue(dueInput(i)), `round ${round}`).toEqual(buildQueue(noNew(i)));
    }
  });
});

describe('sibling burying (the cards of one note are not shown on the same day)', () => {
  // Note "capitals" has three cloze cards; "solo" is a plain card with no note.
  const noteIds = new Map(ids('capitals.c1', 'capitals.c2', 'capitals.c3').map((id) => [id, 'capitals']));
  const cards = ids('capitals.c1', 'capitals.c2', 'solo', 'capitals.c3');
  const reviewedToday = (s: CardState): CardState => ({ ...s, lastReviewedAt: NOW - 60 * MIN });

  it('introduces only the first new card of a note a day (new siblings buried by default)', () => {
    const queue = buildQueue(input(cards, [], { noteIds }));
    expect(queue.fresh).toEqual(ids('capitals.c1', 'solo'));
  });

  it('gives a buried sibling\'s place under the daily limit to the next card', () => {
    const settings = { ...DEFAULT_SETTINGS, newCardsPerDay: 2 };
    expect(buildQueue(input(cards, [], { noteIds, settings })).fresh).toEqual(ids('capitals.c1', 'solo'));
    expect(buildQueue(input(cards, [], { settings })).fresh).toEqual(ids('capitals.c1', 'capitals.c2'));
  });

  it('holds back the new siblings of a card graded earlier today, wherever the grade is known from', () => {
    // Graded an hour ago and now due in days: known from the stored state ...
    const graded = reviewedToday(state('capitals.c1', 'review', NOW + 3 * DAY));
    expect(buildQueue(input(cards, [graded], { noteIds })).fresh).toEqual(ids('solo'));
    // ... or, when a large deck loaded only today's due states, from today's log.
    const doneToday = { newCards: 1, reviews: 0, gradedCardIds: new Set(ids('capitals.c1')) };
    expect(buildQueue(input(cards, [], { noteIds, doneToday, storedCardIds: new Set(ids('capitals.c1')) })).fresh).toEqual(ids('solo'));
  });

  it('does not count a grade from an earlier day', () => {
    const yesterday = state('capitals.c1', 'review', NOW + 3 * DAY);
    expect(buildQueue(input(cards, [yesterday], { noteIds })).fresh).toEqual(ids('capitals.c2', 'solo'));
  });

  it('lets a due review or learning sibling take the note first, and never holds a learning card back', () => {
    const review = state('capitals.c2', 'review', NOW - DAY);
    expect(buildQueue(input(cards, [review], { noteIds }))).toMatchObject({ review: ids('capitals.c2'), fresh: ids('solo') });
    const learning = [state('capitals.c1', 'learning', NOW + 5 * MIN), state('capitals.c3', 'learning', NOW + 8 * MIN)];
    const queue = buildQueue(input(cards, learning, { noteIds }));
    expect(queue.learning.map((e) => e.cardId)).toEqual(ids('capitals.c1', 'capitals.c3'));
    expect(queue.fresh).toEqual(ids('solo'));
  });

  it('buries review siblings only when that setting is on, keeping the most overdue', () => {
    const reviews = [state('capitals.c1', 'review', NOW - DAY), state('capitals.c2', 'review', NOW - 5 * DAY)];
    expect(buildQueue(input(cards, reviews, { noteIds })).review).toEqual(ids('capitals.c2', 'capitals.c1'));
    const settings = { ...DEFAULT_SETTINGS, isBuryingReviewSiblings: true };
    expect(buildQueue(input(cards, reviews, { noteIds, settings })).review).toEqual(ids('capitals.c2'));
    const due = buildDueQueue({ ...input(cards, reviews, { noteIds, settings }), deckCardIds: new Set(cards) });
    expect(due.review).toEqual(ids('capitals.c2'));
  });

  it('shows every sibling when both settings are off', () => {
    const settings = { ...DEFAULT_SETTINGS, isBuryingNewSiblings: false };
    expect(buildQueue(input(cards, [], { noteIds, settings })).fresh).toEqual(cards);
  });

  it('returns a buried new card as new once the bury has passed (the replay relies on it)', () => {
    const buried: CardState = { ...state('solo', 'new', NOW - DAY), reps: 0, lastReviewedAt: null, buriedUntil: NOW - MIN };
    expect(buildQueue(input(ids('solo'), [buried])).fresh).toEqual(ids('solo'));
    expect(buildQueue(input(ids('solo'), [{ ...buried, buriedUntil: NOW + MIN }])).fresh).toEqual([]);
  });
});
