import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { seededRandom } from '../scheduling/memory-model';
import { RATINGS } from '../scheduling/types';
import type { CardState } from '../scheduling/types';
import { replayAll, replayCard } from './replay';
import { replayCardState, stateEventOf } from './replay-state';
import { createSettingsTimeline } from './settings-log';
import { DAY, DECK, NOW, TestDevice, isCardEvent } from './test-events';
import type { CardEvent, ProgressEvent, SettingsEvent } from './types';

const MINUTE = 60_000;
const noSettings = createSettingsTimeline([]);
const cardEvents = (events: readonly ProgressEvent[]) => events.filter(isCardEvent);
const settingsEvents = (events: readonly ProgressEvent[]) => events.filter((e): e is SettingsEvent => e.kind === 'settings');
const replay = (events: readonly ProgressEvent[]) => replayCard(cardEvents(events), createSettingsTimeline(settingsEvents(events)));

describe('replayCard', () => {
  it('gives no state for a card without events', () => {
    expect(replayCard([], noSettings)).toEqual({ state: null, reviews: [] });
  });

  it('reproduces exactly what the grading device scheduled, review after review', () => {
    const device = TestDevice.named('phone', 1);
    const first = device.review('a', 'good', NOW);
    const second = device.review('a', 'good', first.kind === 'review' ? first.after.dueAt : NOW);
    const third = device.review('a', 'again', NOW + 3 * DAY);
    const result = replay(device.events);
    expect(result.reviews.map((r) => r.after)).toEqual([first, second, third].map((e) => (e.kind === 'review' ? e.after : null)));
    expect(result.state).toEqual(third.kind === 'review' ? third.after : null);
    expect(result.state?.phase).toBe('relearning');
  });

  it('seeds interval fuzz from the event id: the same grade with another id may land elsewhere, the same id never does', () => {
    const a = TestDevice.named('a', 1);
    const b = TestDevice.named('b', 2);
    // A review card far enough out that fuzz has days to spread over.
    for (const device of [a, b]) {
      device.review('x', 'easy', NOW);
      device.review('x', 'easy', NOW + 15 * DAY);
    }
    const dueOnA = replay(a.events).state?.dueAt;
    expect(replay(a.events).state?.dueAt).toBe(dueOnA);
    const dues = new Set<number>();
    for (let seed = 0; seed < 12; seed += 1) {
      const device = TestDevice.named(`d${seed}`, 100 + seed);
      device.review('x', 'easy', NOW);
      device.review('x', 'easy', NOW + 15 * DAY);
      dues.add(replay(device.events).state?.dueAt ?? 0);
    }
    expect(dues.size).toBeGreaterThan(1);
  });

  it('drops an undone review, and a later review of the same card is graded from the state before it', () => {
    const device = TestDevice.named('phone', 3);
    const kept = device.review('a', 'good', NOW);
    const undone = device.review('a', 'easy', NOW + 10 * MINUTE);
    device.card('a', NOW + 11 * MINUTE, { kind: 'undo', targetId: undone.id });
    const redo = device.review('a', 'good', NOW + 12 * MINUTE);
    const result = replay(device.events);
    expect(result.reviews.map((r) => r.event.id)).toEqual([kept.id, redo.id]);
    expect(result.reviews[1]?.before).toEqual(kept.kind === 'review' ? kept.after : null);
    expect(result.state).toEqual(redo.kind === 'review' ? redo.after : null);
  });

  it('leaves nothing stored when the only review of a new card is undone', () => {
    const device = TestDevice.named('phone', 4);
    const review = device.review('a', 'good', NOW);
    device.card('a', NOW + MINUTE, { kind: 'undo', targetId: review.id });
    expect(replay(device.events)).toEqual({ state: null, reviews: [] });
  });

  it('cannot take back an undo: undoing an undo changes nothing', () => {
    const device = TestDevice.named('phone', 5);
    const review = device.review('a', 'good', NOW);
    const undo = device.card('a', NOW + MINUTE, { kind: 'undo', targetId: review.id });
    device.card('a', NOW + 2 * MINUTE, { kind: 'undo', targetId: undo.id });
    expect(replay(device.events).state).toBeNull();
  });

  it('suspends with the memory kept, unsuspends, and keeps a suspension across a review merged from elsewhere', () => {
    const device = TestDevice.named('phone', 6);
    const review = device.review('a', 'easy', NOW);
    device.card('a', NOW + DAY, { kind: 'suspend' });
    const suspended = replay(device.events).state;
    expect(suspended).toEqual({ ...(review.kind === 'review' ? review.after : {}), isSuspended: true });

    const other = TestDevice.named('laptop', 7);
    other.events.push(...device.events.slice(0, 1));
    const offline = other.review('a', 'good', NOW + 2 * DAY);
    const merged = replay([...device.events, offline]);
    expect(merged.state?.isSuspended).toBe(true);
    expect(merged.state?.reps).toBe(2);

    device.card('a', NOW + 3 * DAY, { kind: 'unsuspend' });
    expect(replay([...device.events, offline]).state?.isSuspended).toBeUndefined();
  });

  it('suspending a card never studied stores it as new and suspended; unsuspending stores nothing again', () => {
    const device = TestDevice.named('phone', 8);
    device.card('a', NOW, { kind: 'suspend' });
    expect(replay(device.events).state).toMatchObject({ phase: 'new', reps: 0, isSuspended: true, dueAt: NOW });
    device.card('a', NOW + MINUTE, { kind: 'unsuspend' });
    expect(replay(device.events).state).toBeNull();
  });

  it('reset makes the card new again but keeps its reviews in the history', () => {
    const device = TestDevice.named('phone', 9);
    device.review('a', 'good', NOW);
    device.card('a', NOW + DAY, { kind: 'reset' });
    expect(replay(device.events).state).toBeNull();
    const again = device.review('a', 'good', NOW + 2 * DAY);
    const result = replay(device.events);
    expect(result.reviews).toHaveLength(2);
    expect(result.reviews[1]?.before).toBeNull();
    expect(result.state).toEqual(again.kind === 'review' ? again.after : null);
    expect(result.state?.reps).toBe(1);
  });

  it('buries until a time, and a snapshot sets the state wholesale', () => {
    const device = TestDevice.named('phone', 10);
    device.review('a', 'easy', NOW);
    device.card('a', NOW + MINUTE, { kind: 'bury', untilMs: NOW + DAY });
    expect(replay(device.events).state?.buriedUntil).toBe(NOW + DAY);

    const snapshot: CardState = { deckId: DECK, cardId: asCardId('b'), phase: 'review', dueAt: NOW + 9 * DAY, stability: 12, difficulty: 5, scheduledDays: 9, learningStep: 0, reps: 7, lapses: 1, lastReviewedAt: NOW };
    const event: CardEvent = { id: device.id(NOW + 1), deviceId: device.deviceId, createdAt: NOW + 1, deckId: DECK, cardId: asCardId('b'), kind: 'snapshot', state: snapshot };
    expect(replayCard([event], noSettings).state).toEqual(snapshot);
  });

  it('moves a review card on a reschedule with its memory kept, ignores it for a card with no review to move, and an undo takes it back', () => {
    const device = TestDevice.named('phone', 12);
    device.review('a', 'easy', NOW);
    const graded = replay(device.events).state!;
    expect(graded.phase).toBe('review');
    const moved = device.card('a', NOW + MINUTE, { kind: 'reschedule', dueAt: NOW + 2 * DAY });
    const state = replay(device.events).state!;
    expect(state).toEqual({ ...graded, dueAt: NOW + 2 * DAY });
    device.card('a', NOW + 2 * MINUTE, { kind: 'undo', targetId: moved.id });
    expect(replay(device.events).state).toEqual(graded);

    const other = TestDevice.named('laptop', 13);
    other.card('b', NOW, { kind: 'reschedule', dueAt: NOW + DAY });
    expect(replay(other.events).state).toBeNull();
    other.review('b', 'again', NOW + MINUTE);
    const learning = replay(other.events).state!;
    other.card('b', NOW + 2 * MINUTE, { kind: 'reschedule', dueAt: NOW + 5 * DAY });
    expect(replay(other.events).state).toEqual(learning);
  });

  it('schedules each review with the settings in force when it was made, not the latest', () => {
    const device = TestDevice.named('phone', 11);
    device.settings({ desiredRetention: 0.8, isFuzzEnabled: false }, NOW - DAY);
    device.review('a', 'easy', NOW);
    const atLowRetention = replay(device.events).state;
    // A later change must not move a review made before it.
    device.settings({ desiredRetention: 0.97 }, NOW + DAY);
    expect(replay(device.events).state).toEqual(atLowRetention);

    const strict = TestDevice.named('strict', 12);
    strict.settings({ desiredRetention: 0.97, isFuzzEnabled: false }, NOW - DAY);
    strict.review('a', 'easy', NOW);
    expect(replay(strict.events).state!.scheduledDays).toBeLessThan(atLowRetention!.scheduledDays);
  });

  it("applies a deck's overrides to that deck only", () => {
    const device = TestDevice.named('phone', 13);
    device.settings({ isFuzzEnabled: false }, NOW - 2 * DAY);
    device.settings({ desiredRetention: 0.97 }, NOW - DAY, DECK);
    device.review('a', 'easy', NOW);
    device.review('a', 'easy', NOW, asCardId('other-deck') as unknown as typeof DECK);
    const timeline = createSettingsTimeline(settingsEvents(device.events));
    const states = replayAll(cardEvents(device.events), timeline);
    const [inDeck, elsewhere] = [...states.values()].map((r) => r.state!);
    expect(inDeck!.scheduledDays).toBeLessThan(elsewhere!.scheduledDays);
  });
});

/** Random events on two devices that each study offline, then hear of each other's events. */
function simulateTwoDevices(seed: number): { phone: TestDevice; laptop: TestDevice; all: ProgressEvent[] } {
  const random = seededRandom(seed);
  const phone = TestDevice.named('phone', seed * 2 + 1);
  const laptop = TestDevice.named('laptop', seed * 2 + 2);
  const cards = ['a', 'b', 'c', 'd'];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let at = NOW;
  for (let step = 0; step < 60; step += 1) {
    at += Math.floor(random() * 2 * DAY);
    const device = random() < 0.5 ? phone : laptop;
    const card = pick(cards);
    const roll = random();
    if (roll < 0.6) device.review(card, pick(RATINGS), at);
    else if (roll < 0.7) {
      const ownReviews = device.events.filter((e) => e.kind === 'review' && e.cardId === card);
      if (ownReviews.length > 0) device.card(card, at, { kind: 'undo', targetId: pick(ownReviews).id });
    } else if (roll < 0.78) device.card(card, at, { kind: random() < 0.5 ? 'suspend' : 'unsuspend' });
    else if (roll < 0.83) device.card(card, at, { kind: 'reset' });
    else if (roll < 0.88) device.card(card, at, { kind: 'bury', untilMs: at + DAY });
    else if (roll < 0.91) device.card(card, at, { kind: 'reschedule', dueAt: at + Math.floor(random() * 10) * DAY });
    else if (roll < 0.95) device.settings({ desiredRetention: pick([0.8, 0.85, 0.9, 0.95]) }, at);
    else device.settings({ learningStepsMinutes: pick([[1], [1, 10], [5, 30, 120]]) }, at, DECK);
    // Now and then the devices meet and swap everything they hold (a sync).
    if (random() < 0.15) {
      const union = dedupe([...phone.events, ...laptop.events]);
      phone.events.splice(0, phone.events.length, ...union);
      laptop.events.splice(0, laptop.events.length, ...union);
    }
  }
  return { phone, laptop, all: dedupe([...phone.events, ...laptop.events]) };
}

function dedupe(events: readonly ProgressEvent[]): ProgressEvent[] {
  return [...new Map(events.map((e) => [e.id, e])).values()];
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function replayStates(events: readonly ProgressEvent[]) {
  const replayed = replayAll(cardEvents(events), createSettingsTimeline(settingsEvents(events)));
  return new Map([...replayed].map(([key, result]) => [key, result.state]));
}

// Many full replays: generous time-outs, since CI's two cores may be busy with other suites.
describe('replay across devices (property)', () => {
  it('gives identical states for the same events in any order, with duplicates, on 60 random histories', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const { all } = simulateTwoDevices(seed);
      const random = seededRandom(seed + 9_999);
      const expected = replayStates(all);
      // Each device receives the other's events shuffled, some twice.
      const arrival = shuffled([...all, ...all.filter(() => random() < 0.2)], random);
      expect(replayStates(arrival)).toEqual(expected);
      expect(replayStates(shuffled(all, random))).toEqual(expected);
    }
  }, 60_000);

  it('converges once each device has every event, whatever each saw before', () => {
    for (let seed = 201; seed <= 260; seed += 1) {
      const { phone, laptop } = simulateTwoDevices(seed);
      const onPhone = replayStates([...phone.events, ...laptop.events]);
      const onLaptop = replayStates([...laptop.events].reverse().concat(phone.events));
      expect(onLaptop).toEqual(onPhone);
    }
  }, 60_000);
});

describe('replayCardState', () => {
  it('gives the state replayCard gives, from events without the recorded states, on random histories with snapshots and resets', () => {
    for (let seed = 301; seed <= 340; seed += 1) {
      const { phone, all } = simulateTwoDevices(seed);
      const settingsAt = createSettingsTimeline(settingsEvents(all));
      const random = seededRandom(seed);
      const byCard = new Map<string, CardEvent[]>();
      for (const event of cardEvents(all)) byCard.set(event.cardId, [...(byCard.get(event.cardId) ?? []), event]);
      for (const events of byCard.values()) {
        const { cardId } = events[0]!;
        // A snapshot midway through the card's history (as the v3 upgrade writes), and now and then an undo of it.
        const at = events[Math.floor(random() * events.length)]!.createdAt + 1;
        const state: CardState = { deckId: DECK, cardId, phase: 'review', dueAt: at + 5 * DAY, stability: 8, difficulty: 6, scheduledDays: 5, learningStep: 0, reps: 4, lapses: 0, lastReviewedAt: at - 1 };
        const snapshot: CardEvent = { id: phone.id(at), deviceId: phone.deviceId, createdAt: at, deckId: DECK, cardId, kind: 'snapshot', state };
        const withSnapshot = [...events, snapshot];
        if (random() < 0.3) withSnapshot.push({ id: phone.id(at + 1), deviceId: phone.deviceId, createdAt: at + 1, deckId: DECK, cardId, kind: 'undo', targetId: snapshot.id });
        for (const history of [events, withSnapshot]) {
          expect(replayCardState(shuffled(history, random).map(stateEventOf), settingsAt)).toEqual(replayCard(history, settingsAt).state);
        }
      }
    }
  }, 60_000);
});
