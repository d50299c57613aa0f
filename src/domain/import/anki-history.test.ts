import { describe, expect, it } from 'vitest';
import { replayCard } from '../events/replay';
import type { CardEvent } from '../events/types';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import type { AnkiCard, AnkiCollection, AnkiRevlogEntry } from './anki-collection';
import { ankiHistoryEvents, ankiHistoryEventsInSlices, readAnkiHistory } from './anki-history';

const DAY_MS = 86_400_000;
const CREATED_SECS = 1_600_000_000;
/** A fixed "now" for the import, well after every review below. */
const NOW = 1_700_000_000_000;
const DECK = asDeckId('user.biology');
const CARD = asCardId('anki-g-0');
const T0 = 1_650_000_000_000;

function card(overrides: Partial<AnkiCard> = {}): AnkiCard {
  return { id: 11, noteId: 1, ord: 0, deckId: 1, type: 0, queue: 0, due: 1, intervalDays: 0, easePermille: 0, reps: 0, lapses: 0, modifiedSecs: T0 / 1000, ...overrides };
}

/** A revlog row for card 11, `daysIn` days after T0. */
function entry(daysIn: number, ease: number, kind: number, overrides: Partial<AnkiRevlogEntry> = {}): AnkiRevlogEntry {
  return { id: T0 + Math.round(daysIn * DAY_MS), cardId: 11, ease, intervalDays: 1, lastIntervalDays: 0, easePermille: 2500, takenMs: 4000, kind, ...overrides };
}

function collection(cards: readonly AnkiCard[], revlog: readonly AnkiRevlogEntry[], schedulerVersion = 2): AnkiCollection {
  return { notetypes: [], notes: [], cards, deckNames: new Map(), media: new Map(), createdSecs: CREATED_SECS, schedulerVersion, revlog };
}

const ids = new Map([[11, CARD]]);

function eventsOf(source: AnkiCollection, deckId = DECK): CardEvent[] {
  return ankiHistoryEvents(readAnkiHistory(source, ids), () => deckId, DEFAULT_SETTINGS, NOW);
}

const stateAfter = (events: readonly CardEvent[]) => replayCard(events, () => DEFAULT_SETTINGS);

describe('Anki revlog as review events', () => {
  it('turns every graded answer into a review, and replays learning, a lapse and relearning with FSRS', () => {
    const source = collection(
      [card({ type: 2, queue: 2, intervalDays: 12, easePermille: 2300, reps: 6, lapses: 1 })],
      [
        entry(0, 1, 0, { takenMs: 9000 }),
        entry(0.01, 3, 0),
        entry(1, 3, 0),
        entry(4, 3, 1, { lastIntervalDays: 3 }),
        entry(15, 1, 1, { lastIntervalDays: 11 }),
        entry(15.01, 3, 2),
      ],
    );
    const history = readAnkiHistory(source, ids);
    expect(history).toMatchObject({ reviewCount: 6, reviewedCardCount: 1, fromIntervalCount: 0, skippedEntryCount: 0 });
    const events = eventsOf(source);
    expect(events.map((e) => (e.kind === 'review' ? e.rating : e.kind))).toEqual(['again', 'good', 'good', 'good', 'again', 'good']);
    expect(events[0]).toMatchObject({ createdAt: T0, answerMs: 9000, deviceId: 'anki', deckId: DECK, cardId: CARD });
    const { state, reviews } = stateAfter(events);
    // The history starts with learning, so no SM-2 fallback: memory is FSRS's, from the grades.
    expect(state).toMatchObject({ phase: 'review', reps: 6, lapses: 1, lastReviewedAt: T0 + Math.round(15.01 * DAY_MS) });
    expect(events.every((e) => e.kind !== 'snapshot')).toBe(true);
    // Each review records the states replay computes around it.
    const lastReview = events.at(-1);
    expect(lastReview?.kind === 'review' && lastReview.after).toEqual(reviews.at(-1)?.after);
    expect(lastReview?.kind === 'review' && lastReview.before).toEqual(reviews.at(-2)?.after);
  });

  it('counts manual, rescheduled and cram entries as no review; "Forget" resets the card and keeps the reviews before it', () => {
    const source = collection(
      [card()],
      [
        entry(0, 3, 0),
        entry(1, 3, 1),
        entry(2, 0, 4, { easePermille: 2500, intervalDays: 30 }), // set due date
        entry(3, 0, 5, { easePermille: 2500 }), // rescheduled
        entry(4, 3, 3, { easePermille: 0 }), // cram review in a filtered deck without rescheduling
        entry(5, 0, 4, { easePermille: 0, intervalDays: 0 }), // Forget
      ],
    );
    expect(readAnkiHistory(source, ids)).toMatchObject({ reviewCount: 2, skippedEntryCount: 3 });
    const events = eventsOf(source);
    expect(events.map((e) => e.kind)).toEqual(['review', 'review', 'reset']);
    const { state, reviews } = stateAfter(events);
    expect(state).toBeNull();
    expect(reviews).toHaveLength(2);
  });

  it('replays a filtered-deck review that rescheduled, and reads V1 learning buttons as three', () => {
    const v1 = collection([card()], [entry(0, 2, 0), entry(0.01, 3, 0), entry(5, 3, 3, { easePermille: 2500 })], 1);
    expect(eventsOf(v1).map((e) => e.kind === 'review' && e.rating)).toEqual(['good', 'easy', 'good']);
    const v2 = collection([card()], [entry(0, 2, 0), entry(0.01, 3, 0)], 2);
    expect(eventsOf(v2).map((e) => e.kind === 'review' && e.rating)).toEqual(['hard', 'good']);
  });

  it('starts a card relearned from new without a reset entry from that learning, as Anki does', () => {
    const source = collection([card()], [entry(0, 3, 0), entry(3, 3, 1, { lastIntervalDays: 3 }), entry(40, 3, 0), entry(41, 3, 1, { lastIntervalDays: 1 })]);
    const events = eventsOf(source);
    expect(events.map((e) => e.kind)).toEqual(['review', 'review', 'reset', 'review', 'review']);
    expect(stateAfter(events).state).toMatchObject({ reps: 2 });
  });
});

describe('cards with scheduling but no usable history (SM-2)', () => {
  it('a review card without revlog rows starts from its interval and ease: stability = interval at 90 % retention', () => {
    const dueDay = 800;
    const source = collection([card({ type: 2, queue: 2, due: dueDay, intervalDays: 30, easePermille: 2500, reps: 7, lapses: 2 })], []);
    const history = readAnkiHistory(source, ids);
    expect(history).toMatchObject({ reviewCount: 0, fromIntervalCount: 1 });
    const events = eventsOf(source);
    expect(events.map((e) => e.kind)).toEqual(['snapshot']);
    const dueAt = (CREATED_SECS + dueDay * 86_400) * 1000;
    const { state } = stateAfter(events);
    expect(state).toMatchObject({ phase: 'review', dueAt, scheduledDays: 30, reps: 7, lapses: 2, lastReviewedAt: dueAt - 30 * DAY_MS });
    expect(state?.stability).toBeCloseTo(30, 6);
    expect(state?.difficulty).toBeGreaterThanOrEqual(1);
    expect(state?.difficulty).toBeLessThanOrEqual(10);
  });

  it('a higher ease means an easier card', () => {
    const difficulty = (easePermille: number) =>
      stateAfter(eventsOf(collection([card({ type: 2, queue: 2, due: 800, intervalDays: 30, easePermille })], []))).state?.difficulty ?? Number.NaN;
    expect(difficulty(1300)).toBeGreaterThan(difficulty(2500));
    expect(difficulty(2500)).toBeGreaterThan(difficulty(3500));
  });

  it('a history that begins after the card was learned starts from the interval and ease its first review recorded', () => {
    const source = collection([card({ type: 2, queue: 2, intervalDays: 25 })], [entry(0, 3, 1, { lastIntervalDays: 10, easePermille: 2300 }), entry(25, 3, 1, { lastIntervalDays: 24 })]);
    const history = readAnkiHistory(source, ids);
    expect(history).toMatchObject({ reviewCount: 2, fromIntervalCount: 1 });
    const events = eventsOf(source);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'review', 'review']);
    const snapshot = events[0];
    expect(snapshot?.kind === 'snapshot' && snapshot.state).toMatchObject({ scheduledDays: 10, lastReviewedAt: T0 - 10 * DAY_MS });
    expect(stateAfter(events).state).toMatchObject({ phase: 'review', lastReviewedAt: T0 + 25 * DAY_MS });
    // Reviewed on time after a 10-day interval, the card holds at least what SM-2 gave it.
    expect(stateAfter(events).state!.stability).toBeGreaterThan(10);
  });

  it('a new card brings nothing', () => {
    expect(readAnkiHistory(collection([card()], []), ids).cards).toEqual([]);
  });
});

describe('suspended and buried cards', () => {
  it('a suspended card (queue -1) keeps its memory and is suspended', () => {
    const source = collection([card({ type: 2, queue: -1, due: 800, intervalDays: 30, easePermille: 2500 })], []);
    expect(readAnkiHistory(source, ids)).toMatchObject({ suspendedCount: 1 });
    const events = eventsOf(source);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'suspend']);
    expect(stateAfter(events).state).toMatchObject({ phase: 'review', isSuspended: true, scheduledDays: 30 });
  });

  it('a buried card (queue -2 or -3) stays buried until the next study day, unless that has passed', () => {
    const buriedAt = NOW - 60_000;
    const recent = collection([card({ type: 2, queue: -3, due: 800, intervalDays: 30, easePermille: 2500, modifiedSecs: buriedAt / 1000 })], []);
    const events = eventsOf(recent);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'bury']);
    const bury = events[1];
    expect(bury?.kind === 'bury' && bury.untilMs).toBeGreaterThan(NOW);
    const old = collection([card({ type: 2, queue: -2, due: 800, intervalDays: 30, easePermille: 2500, modifiedSecs: T0 / 1000 })], []);
    expect(eventsOf(old).map((e) => e.kind)).toEqual(['snapshot']);
  });
});

describe('event ids', () => {
  const revlog = [entry(0, 3, 0), entry(1, 3, 1)];

  it('are derived from the deck, the card and the revlog row, so the same package gives the same events', () => {
    const first = eventsOf(collection([card()], revlog));
    const again = eventsOf(collection([card()], revlog));
    expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id));
    const otherDeck = eventsOf(collection([card()], revlog), asDeckId('user.other'));
    expect(otherDeck.map((e) => e.id).filter((id) => first.some((e) => e.id === id))).toEqual([]);
  });

  it('a newer export of the same deck adds only its new rows', () => {
    const first = eventsOf(collection([card()], revlog));
    const newer = eventsOf(collection([card()], [...revlog, entry(5, 3, 1, { lastIntervalDays: 4 })]));
    const known = new Set(first.map((e) => e.id));
    expect(newer.filter((e) => !known.has(e.id)).map((e) => e.createdAt)).toEqual([T0 + 5 * DAY_MS]);
  });

  it('leave out rows of cards that did not make it into the deck', () => {
    const history = readAnkiHistory(collection([card()], [...revlog, { ...entry(2, 3, 1), cardId: 99 }]), ids);
    expect(history).toMatchObject({ reviewCount: 2, skippedEntryCount: 1 });
  });
});

describe('history events in slices', () => {
  it('are the same events as at once, with a pause between slices', async () => {
    const cards = [card(), card({ id: 12 }), card({ id: 13 })];
    const more = new Map([[11, CARD], [12, asCardId('anki-h-0')], [13, asCardId('anki-i-0')]]);
    const revlog = cards.flatMap((c, i) => [entry(i, 3, 0), entry(i + 1, 3, 1)].map((e) => ({ ...e, id: e.id + i, cardId: c.id })));
    const history = readAnkiHistory(collection(cards, revlog), more);
    let pauses = 0;
    const sliced = await ankiHistoryEventsInSlices(history, () => DECK, DEFAULT_SETTINGS, NOW, async () => void (pauses += 1), 2);
    expect(sliced).toEqual(ankiHistoryEvents(history, () => DECK, DEFAULT_SETTINGS, NOW));
    expect(pauses).toBe(2);
  });
});
