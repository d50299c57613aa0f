import { describe, expect, it } from 'vitest';
import { contentEventId, createEventIdGenerator } from '../events/event-id';
import { replayCard } from '../events/replay';
import { asDeviceId, type CardEvent } from '../events/types';
import { seededBytes } from '../events/test-events';
import { asCardId, asDeckId, type CardId } from '../ids';
import { buildDueQueue, buildQueue, type BuildQueueInput } from '../queue/queue';
import { studyDayStart } from '../queue/study-day';
import { elapsedWholeDays, fuzzRange } from '../scheduling/load-balance';
import { createScheduler } from '../scheduling/scheduler';
import type { CardPhase, CardState } from '../scheduling/types';
import { DEFAULT_SETTINGS, type StudySettings } from '../settings/study-settings';
import { advance, countReview, gradeCurrent, returnToUnsavedGrade, undoLastGrade, type SessionDeck, type StudySession } from './session';
import { isFirstCardKnownWithoutNew, openSession, reloadSession, withNewCards } from './start';

// Tests run with TZ=UTC: the 4 am study day began at 04:00Z.
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;
const deckId = asDeckId('d');
const ids = (count: number): CardId[] => Array.from({ length: count }, (_, i) => asCardId(`c${i + 1}`));

function deckOf(count: number, settings: StudySettings = DEFAULT_SETTINGS): SessionDeck {
  return { cardIds: ids(count), settings, scheduler: createScheduler(settings), newEventId: createEventIdGenerator(seededBytes(count)) };
}

function stored(cardId: string, phase: CardPhase, dueAt: number): CardState {
  return {
    deckId, cardId: asCardId(cardId), phase, dueAt,
    stability: 4, difficulty: 5, scheduledDays: 4, learningStep: 0, reps: 2, lapses: 0, lastReviewedAt: dueAt - 4 * DAY,
  };
}

function completeInput(deck: SessionDeck, states: CardState[], overrides: Partial<BuildQueueInput> = {}): BuildQueueInput {
  return {
    cardIds: deck.cardIds,
    states: new Map(states.map((s) => [s.cardId, s])),
    storedCardIds: new Set(states.map((s) => s.cardId)),
    laterDueAt: null,
    settings: deck.settings,
    doneToday: { newCards: 0, reviews: 0 },
    now: NOW,
    ...overrides,
  };
}

/** A session on a deck of `count` new cards, opened at NOW. */
function fresh(count: number, deck = deckOf(count)): StudySession {
  const input = completeInput(deck, []);
  return openSession(deckId, input, buildQueue(input), deck, NOW);
}

/** Flips and grades the current card at `at`. */
function gradeAt(session: StudySession, deck: SessionDeck, at: number, rating: 'again' | 'hard' | 'good' | 'easy' = 'good') {
  const graded = gradeCurrent({ ...session, isFlipped: true }, rating, deck, at);
  if (!graded) throw new Error('nothing to grade');
  return graded;
}

describe('advance: the next card and its grade preview', () => {
  it('shows the first new card front first, with what each grade would schedule from now', () => {
    const deck = deckOf(3);
    const session = fresh(3, deck);
    expect(session.current?.cardId).toBe('c1');
    expect(session.current?.shownAt).toBe(NOW);
    expect(session.isFlipped).toBe(false);
    expect(session.current?.preview.again.dueAt).toBe(NOW + MIN);
    expect(session.current?.preview.good.dueAt).toBe(NOW + 10 * MIN);
    expect(session.current?.preview.easy.state.phase).toBe('review');
  });

  it('ends with no card and the next due time once the queue is empty', () => {
    const deck = deckOf(1);
    const { session } = gradeAt(fresh(1, deck), deck, NOW + 5_000, 'easy');
    expect(session.current).toBeNull();
    const easyDue = session.states.get(asCardId('c1'))?.dueAt;
    expect(session.nextDueAt).toBe(easyDue);
  });

  it('comes back to a learning card when its step has elapsed, not before', () => {
    const deck = deckOf(1, { ...DEFAULT_SETTINGS, learnAheadMinutes: 0 });
    const { session } = gradeAt(fresh(1, deck), deck, NOW, 'again');
    expect(session.current).toBeNull();
    expect(advance(session, deck, NOW + 30_000).current).toBeNull();
    expect(advance(session, deck, NOW + MIN).current?.cardId).toBe('c1');
  });
});

describe('gradeCurrent', () => {
  it('does nothing until the answer is shown', () => {
    const deck = deckOf(2);
    expect(gradeCurrent(fresh(2, deck), 'good', deck, NOW)).toBeNull();
  });

  it('returns the review to write and the session already on the next card', () => {
    const deck = deckOf(2);
    const start = fresh(2, deck);
    const { session, entry, eventId } = gradeAt(start, deck, NOW + 4_200);
    expect(eventId).toBe(start.current?.reviewId);
    expect(entry).toMatchObject({ deckId, cardId: 'c1', rating: 'good', reviewedAt: NOW + 4_200, answerMs: 4_200, before: null });
    expect(entry.after).toEqual(deck.scheduler.grade(freshState('c1', NOW + 4_200), 'good', NOW + 4_200, eventId));
    expect(session.current?.cardId).toBe('c2');
    expect(session.current?.shownAt).toBe(NOW + 4_200);
    expect(session.states.get(asCardId('c1'))).toBe(entry.after);
    expect(session.undoStack).toEqual([{ eventId, entry }]);
    // The next card has an id of its own.
    expect(session.current?.reviewId).not.toBe(eventId);
    expect(session.studiedCount).toBe(1);
    expect(session.doneToday).toEqual({ newCards: 1, reviews: 0 });
    // Good on a new card is the first learning step: back in the learning pile, due in 10 minutes.
    expect(session.queue.learning).toEqual([{ cardId: 'c1', dueAt: NOW + 4_200 + 10 * MIN }]);
    expect(session.queue.fresh).toEqual(['c2']);
  });

  it('schedules exactly what the preview showed for that grade at the same moment', () => {
    const deck = deckOf(1);
    const session = fresh(1, deck);
    const { entry } = gradeAt(session, deck, NOW, 'easy');
    expect(entry.after).toEqual(session.current?.preview.easy.state);
  });
});

describe('gradeCurrent under clock skew (docs/sync.md)', () => {
  it('stamps the grade after a merged review whose device clock ran an hour ahead, so replay keeps the order', () => {
    const deck = deckOf(1);
    const aheadAt = NOW + 60 * MIN;
    const merged: CardState = { ...stored('c1', 'review', NOW - DAY), lastReviewedAt: aheadAt };
    const input = completeInput(deck, [merged]);
    const session = openSession(deckId, input, buildQueue({ ...input, now: NOW }), deck, NOW);
    const { entry } = gradeAt(session, deck, NOW + 4_000);
    expect(entry.reviewedAt).toBe(aheadAt + 1);
    expect(entry.answerMs).toBe(4_000);
    expect(entry.after.lastReviewedAt).toBe(aheadAt + 1);
  });

  it('keeps its own time when the card was last reviewed in its past', () => {
    const deck = deckOf(1);
    const input = completeInput(deck, [stored('c1', 'review', NOW - DAY)]);
    const session = openSession(deckId, input, buildQueue(input), deck, NOW);
    expect(gradeAt(session, deck, NOW + 4_000).entry.reviewedAt).toBe(NOW + 4_000);
  });
});

describe('the review event id, chosen when the card is shown', () => {
  // A review card 20 days in: intervals long enough for fuzz to spread them over several days.
  const due = { ...stored('c1', 'review', NOW - DAY), stability: 20, scheduledDays: 20, lastReviewedAt: NOW - 21 * DAY };
  const deck = deckOf(1);
  const shownAt = (seed: number) => {
    const seeded = { ...deck, newEventId: createEventIdGenerator(seededBytes(seed)) };
    const input = completeInput(seeded, [due]);
    return { seeded, session: openSession(deckId, input, buildQueue(input), seeded, NOW) };
  };

  it('seeds the fuzz, so the preview is exactly what each grade schedules, seconds later too', () => {
    const goodDue = new Set<number>();
    for (let seed = 1; seed <= 8; seed += 1) {
      const { seeded, session } = shownAt(seed);
      for (const rating of ['hard', 'good', 'easy'] as const) {
        const { entry } = gradeAt(session, seeded, NOW + 7_000, rating);
        const preview = session.current!.preview[rating];
        expect(entry.after.scheduledDays, `${rating}, seed ${seed}`).toBe(preview.state.scheduledDays);
        expect(entry.after.dueAt - (NOW + 7_000)).toBe(preview.dueAt - NOW);
      }
      goodDue.add(session.current!.preview.good.dueAt);
    }
    // Different ids, different fuzz: the preview really follows the id, not the card alone.
    expect(goodDue.size).toBeGreaterThan(1);
  });

  it('makes the grade what replaying its review event gives, on any device', () => {
    const { seeded, session } = shownAt(3);
    const { entry, eventId } = gradeAt(session, seeded, NOW + 7_000, 'good');
    const device = asDeviceId('test');
    const events: CardEvent[] = [
      { id: contentEventId(0, 'snapshot'), deviceId: device, createdAt: NOW - 21 * DAY + 1, deckId, cardId: due.cardId, kind: 'snapshot', state: due },
      { id: eventId, deviceId: device, createdAt: entry.reviewedAt, deckId, cardId: due.cardId, kind: 'review', rating: 'good', answerMs: entry.answerMs, before: entry.before, after: entry.after },
    ];
    expect(replayCard(events, () => seeded.settings).state).toEqual(entry.after);
  });
});

/** A blank state, for comparing against a grade of a new card. */
function freshState(cardId: string, now: number): CardState {
  return { deckId, cardId: asCardId(cardId), phase: 'new', dueAt: now, stability: 0, difficulty: 0, scheduledDays: 0, learningStep: 0, reps: 0, lapses: 0, lastReviewedAt: null };
}

describe('countReview: today\'s counts against the daily limits', () => {
  const done = { newCards: 3, reviews: 5 };
  it('counts a new card, a review card, and never a (re)learning step', () => {
    expect(countReview(done, null, +1)).toEqual({ newCards: 4, reviews: 5 });
    expect(countReview(done, stored('c', 'new', NOW), +1)).toEqual({ newCards: 4, reviews: 5 });
    expect(countReview(done, stored('c', 'review', NOW), +1)).toEqual({ newCards: 3, reviews: 6 });
    expect(countReview(done, stored('c', 'learning', NOW), +1)).toEqual(done);
    expect(countReview(done, stored('c', 'relearning', NOW), -1)).toEqual(done);
  });

  it('takes a count back without going below zero', () => {
    expect(countReview({ newCards: 0, reviews: 1 }, null, -1)).toEqual({ newCards: 0, reviews: 1 });
    expect(countReview({ newCards: 0, reviews: 1 }, stored('c', 'review', NOW), -1)).toEqual({ newCards: 0, reviews: 0 });
  });
});

describe('undoLastGrade: the rewind', () => {
  it('restores the state, counts and queue, and shows that card again front first', () => {
    const deck = deckOf(2);
    const start = fresh(2, deck);
    const { session } = gradeAt(start, deck, NOW);
    const undone = undoLastGrade(session, deck, NOW + MIN);
    expect(undone.current?.cardId).toBe('c1');
    expect(undone.current?.shownAt).toBe(NOW + MIN);
    expect(undone.isFlipped).toBe(false);
    expect(undone.states.has(asCardId('c1'))).toBe(false);
    expect(undone.doneToday).toEqual({ newCards: 0, reviews: 0 });
    expect(undone.queue).toEqual(start.queue);
    expect(undone.undoStack).toEqual([]);
    expect(undone.studiedCount).toBe(0);
  });

  it('puts a review card back to its stored state and its review count back', () => {
    const deck = deckOf(2);
    const due = stored('c2', 'review', NOW - DAY);
    const input = completeInput(deck, [due], { doneToday: { newCards: 0, reviews: 4 } });
    const start = openSession(deckId, input, buildQueue(input), deck, NOW);
    expect(start.current?.cardId).toBe('c2');
    const { session } = gradeAt(start, deck, NOW, 'good');
    expect(session.doneToday.reviews).toBe(5);
    const undone = undoLastGrade(session, deck, NOW);
    expect(undone.states.get(asCardId('c2'))).toBe(due);
    expect(undone.doneToday.reviews).toBe(4);
    expect(undone.queue.review).toEqual(['c2']);
  });

  it('leaves a session with nothing to undo as it is', () => {
    const deck = deckOf(1);
    const session = fresh(1, deck);
    expect(undoLastGrade(session, deck, NOW)).toBe(session);
  });
});

describe('returnToUnsavedGrade: a commit failed', () => {
  it('goes back to that card with its answer shown, as first seen, ready to grade again', () => {
    const deck = deckOf(3);
    const { session, eventId } = gradeAt(fresh(3, deck), deck, NOW + 3_000);
    const returned = returnToUnsavedGrade(session, eventId, deck, NOW + 3_050);
    expect(returned?.laterCount).toBe(0);
    expect(returned?.session.current?.cardId).toBe('c1');
    expect(returned?.session.current?.shownAt).toBe(NOW);
    expect(returned?.session.isFlipped).toBe(true);
    expect(returned?.session.studiedCount).toBe(0);
    expect(returned?.session.undoStack).toEqual([]);
    // Graded again, the answer time still runs from the first sight of the front.
    const again = gradeCurrent(returned!.session, 'easy', deck, NOW + 5_000);
    expect(again?.entry).toMatchObject({ cardId: 'c1', rating: 'easy', answerMs: 5_000, before: null });
    // A new event: the failed one's id is never reused for a different grade.
    expect(again?.eventId).not.toBe(eventId);
  });

  it('takes back the later unsaved grades too, including a second grade of the same card, and queues their cards again', () => {
    const deck = deckOf(3, { ...DEFAULT_SETTINGS, newCardsPerDay: 3 });
    let session = fresh(3, deck);
    const saved = gradeAt(session, deck, NOW, 'easy'); // c1: saved, stays
    const failed = gradeAt(saved.session, deck, NOW + 1_000, 'again'); // c2: the commit that fails
    const later = gradeAt(failed.session, deck, NOW + 2_000, 'good'); // c3: queued behind it
    expect(later.session.current?.cardId).toBe('c2'); // learn-ahead: c2 again
    session = gradeAt(later.session, deck, NOW + 3_000, 'good').session; // c2 again, from the failed grade's state
    const returned = returnToUnsavedGrade(session, failed.eventId, deck, NOW + 3_100);
    expect(returned?.laterCount).toBe(2);
    expect(returned?.entry).toBe(failed.entry);
    const back = returned!.session;
    expect(back.current?.cardId).toBe('c2');
    expect(back.undoStack.map((u) => u.eventId)).toEqual([saved.eventId]);
    expect([...back.states.keys()]).toEqual(['c1']);
    expect(back.doneToday).toEqual({ newCards: 1, reviews: 0 });
    expect(back.studiedCount).toBe(1);
    expect(back.queue.fresh).toEqual(['c2', 'c3']);
    expect(back.queue.learning).toEqual([]);
  });

  it('returns null when the session no longer holds that grade', () => {
    const deck = deckOf(2);
    const deckWithGrade = deckOf(2);
    const { eventId } = gradeAt(fresh(2, deckWithGrade), deckWithGrade, NOW);
    expect(returnToUnsavedGrade(fresh(2, deck), eventId, deck, NOW)).toBeNull();
  });
});

describe('the two-phase start', () => {
  const deck = deckOf(5);
  const states = [stored('c2', 'review', NOW - DAY), stored('c4', 'review', NOW + 10 * DAY)];
  const dueOnly = (): BuildQueueInput => ({ ...completeInput(deck, states.slice(0, 1)), storedCardIds: undefined, laterDueAt: undefined });
  const dueQueue = () => buildDueQueue({ ...dueOnly(), deckCardIds: new Set(deck.cardIds) });

  it('knows the first card without the new cards only when a learning or review card is due', () => {
    expect(isFirstCardKnownWithoutNew(dueQueue(), NOW, 20)).toBe(true);
    expect(isFirstCardKnownWithoutNew({ learning: [], review: [], fresh: [] }, NOW, 20)).toBe(false);
    // Only a learning card to learn ahead: a new card would come before it.
    expect(isFirstCardKnownWithoutNew({ learning: [{ cardId: asCardId('c1'), dueAt: NOW + 5 * MIN }], review: [], fresh: [] }, NOW, 20)).toBe(false);
  });

  it('opens on the due card, then adds as new only the cards with no stored state', () => {
    const opened = openSession(deckId, dueOnly(), dueQueue(), deck, NOW);
    expect(opened.current?.cardId).toBe('c2');
    expect(opened.storedCardIds).toBeNull();
    expect(opened.queue.fresh).toEqual([]);
    const known = { storedCardIds: new Set(states.map((s) => s.cardId)), laterDueAt: NOW + 10 * DAY };
    const completed = withNewCards(opened, known, deck, NOW, NOW + 500);
    expect(completed.current).toBe(opened.current);
    expect(completed.queue.fresh).toEqual(['c1', 'c3', 'c5']);
    expect(completed.queue.review).toEqual(['c2']);
  });

  it('counts grades given before the new cards arrived, and moves a finished session on to them', () => {
    const opened = openSession(deckId, dueOnly(), dueQueue(), deck, NOW);
    const { session } = gradeAt(opened, deck, NOW + 1_000, 'easy');
    expect(session.current).toBeNull();
    const completed = withNewCards(session, { storedCardIds: new Set(states.map((s) => s.cardId)), laterDueAt: NOW + 10 * DAY }, deck, NOW, NOW + 2_000);
    expect(completed.current?.cardId).toBe('c1');
    expect(completed.current?.shownAt).toBe(NOW + 2_000);
    expect(completed.queue.review).toEqual([]);
    expect(completed.queue.fresh).toEqual(['c1', 'c3', 'c5']);
  });

  it('reloads from storage after a conflict, keeping the undo history and count', () => {
    const { session } = gradeAt(fresh(5, deck), deck, NOW, 'easy');
    const other = stored('c2', 'review', NOW + 3 * DAY); // another tab graded c2
    const input = completeInput(deck, [session.states.get(asCardId('c1'))!, other], { doneToday: { newCards: 2, reviews: 0 } });
    const reloaded = reloadSession(session, input, deck, NOW + 1_000);
    expect(reloaded.current?.cardId).toBe('c3');
    expect(reloaded.queue.fresh).toEqual(['c3', 'c4', 'c5']);
    expect(reloaded.doneToday).toEqual({ newCards: 2, reviews: 0 });
    expect(reloaded.undoStack).toBe(session.undoStack);
    expect(reloaded.studiedCount).toBe(1);
  });
});

describe('load balancing in the session', () => {
  const mature: CardState = {
    deckId, cardId: asCardId('c1'), phase: 'review', dueAt: NOW - 60 * MIN,
    stability: 40, difficulty: 5, scheduledDays: 40, learningStep: 0, reps: 6, lapses: 0, lastReviewedAt: NOW - 40 * DAY - 60 * MIN,
  };
  const daysFromNow = (at: number, from: number) => Math.round((at - from) / DAY);

  /** A session on the mature card, with `dueLoad` known before the card is shown. */
  function balancedSession(settings: StudySettings, loadFor: (days: number, gradedAt: number) => number, gradedAt: number) {
    const deck = deckOf(1, settings);
    const input = completeInput(deck, [mature]);
    const opened = openSession(deckId, input, buildQueue(input), deck, NOW);
    const load = new Map<number, number>();
    for (let days = 1; days <= 200; days += 1) {
      const count = loadFor(days, gradedAt);
      if (count > 0) load.set(studyDayStart(gradedAt + days * DAY, settings.dayStartHour), count);
    }
    return { deck, session: advance({ ...opened, dueLoad: load }, deck, NOW) };
  }

  /** What Good schedules without balancing, for the same review id, and the fuzz range around it. */
  function unbalanced(settings: StudySettings, session: StudySession, gradedAt: number) {
    const scheduled = createScheduler(settings).grade(mature, 'good', gradedAt, session.current!.reviewId);
    return { scheduled, range: fuzzRange(scheduled, elapsedWholeDays(mature, gradedAt), settings)! };
  }

  it('moves Good to the least busy day of its fuzz range, shows it on the button, and records it for replay', () => {
    const gradedAt = NOW + 5_000;
    // Find the range first, then make every day of it busy but one that is not the scheduled day.
    const probe = balancedSession(DEFAULT_SETTINGS, () => 0, gradedAt);
    const { scheduled, range } = unbalanced(DEFAULT_SETTINGS, probe.session, gradedAt);
    const scheduledDays = daysFromNow(scheduled.dueAt, gradedAt);
    const light = scheduledDays === range.minDays ? range.maxDays : range.minDays;
    expect(range.maxDays).toBeGreaterThan(range.minDays);

    const { deck, session } = balancedSession(DEFAULT_SETTINGS, (days) => (days === light ? 0 : 10), gradedAt);
    expect(session.current?.isBalanced).toBe(true);
    expect(daysFromNow(session.current!.preview.good.dueAt, NOW)).toBe(light);
    const graded = gradeAt(session, deck, gradedAt, 'good');
    expect(daysFromNow(graded.entry.after.dueAt, gradedAt)).toBe(light);
    expect(graded.balancedDueAt).toBe(graded.entry.after.dueAt);
    // The load now counts the card on its new day.
    expect(graded.session.dueLoad?.get(studyDayStart(graded.entry.after.dueAt, DEFAULT_SETTINGS.dayStartHour))).toBe(1);

    const device = asDeviceId('test');
    const events: CardEvent[] = [
      { id: contentEventId(0, 'snapshot'), deviceId: device, createdAt: mature.lastReviewedAt! + 1, deckId, cardId: mature.cardId, kind: 'snapshot', state: mature },
      {
        id: graded.eventId, deviceId: device, createdAt: gradedAt, deckId, cardId: mature.cardId,
        kind: 'review', rating: 'good', answerMs: graded.entry.answerMs, before: graded.entry.before, after: graded.entry.after, balancedDueAt: graded.balancedDueAt!,
      },
    ];
    expect(replayCard(events, () => deck.settings).state).toEqual(graded.entry.after);
  });

  it('keeps easy weekdays light when the other days are as busy', () => {
    const gradedAt = NOW + 5_000;
    const probe = balancedSession(DEFAULT_SETTINGS, () => 0, gradedAt);
    const { scheduled } = unbalanced(DEFAULT_SETTINGS, probe.session, gradedAt);
    const easyWeekday = new Date(scheduled.dueAt).getDay();
    const settings = { ...DEFAULT_SETTINGS, easyWeekdays: [easyWeekday] };
    const { deck, session } = balancedSession(settings, () => 3, gradedAt);
    const graded = gradeAt(session, deck, gradedAt, 'good');
    expect(new Date(graded.entry.after.dueAt).getDay()).not.toBe(easyWeekday);
    expect(Math.abs(daysFromNow(graded.entry.after.dueAt, gradedAt) - daysFromNow(scheduled.dueAt, gradedAt))).toBeLessThanOrEqual(7);
  });

  it('leaves every grade where the scheduler put it when balancing is off, or before the load is known', () => {
    const gradedAt = NOW + 5_000;
    const off = { ...DEFAULT_SETTINGS, isLoadBalanced: false };
    const { deck, session } = balancedSession(off, () => 10, gradedAt);
    expect(session.current?.isBalanced).toBe(false);
    const graded = gradeAt(session, deck, gradedAt, 'good');
    expect(graded.balancedDueAt).toBeUndefined();
    expect(graded.entry.after).toEqual(unbalanced(off, session, gradedAt).scheduled);

    const onDeck = deckOf(1, DEFAULT_SETTINGS);
    const input = completeInput(onDeck, [mature]);
    const unknownLoad = openSession(deckId, input, buildQueue(input), onDeck, NOW);
    expect(unknownLoad.dueLoad).toBeNull();
    expect(unknownLoad.current?.isBalanced).toBe(false);
    expect(gradeAt(unknownLoad, onDeck, gradedAt, 'good').balancedDueAt).toBeUndefined();
  });
});
