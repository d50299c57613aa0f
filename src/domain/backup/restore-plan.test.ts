import { describe, expect, it } from 'vitest';
import { userDeckId, type UserDeck } from '../deck/user-deck';
import { replayAll } from '../events/replay';
import { createSettingsTimeline } from '../events/settings-log';
import { DAY, DECK, NOW, TestDevice, isCardEvent } from '../events/test-events';
import type { ProgressEvent, SettingsEvent } from '../events/types';
import { asCardId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { planRestore, type ProgressSnapshot } from './restore-plan';

const MINE = userDeckId('bio');

const deck = (updatedAt: number, title = 'Bio'): UserDeck => ({
  schemaVersion: 1,
  id: MINE,
  title,
  description: '',
  cards: [{ id: asCardId('a'), front: 'A?', back: 'A', tags: [] }],
  origin: 'json',
  createdAt: 0,
  updatedAt,
});

const snapshot = (overrides: Partial<ProgressSnapshot>): ProgressSnapshot => ({
  decks: [],
  events: [],
  cardStates: [],
  reviewLog: [],
  settings: DEFAULT_SETTINGS,
  ...overrides,
});

/** What a browser holding `events` shows for every card, after a restore adds `plan.eventsToAdd`. */
function statesAfter(events: readonly ProgressEvent[], added: readonly ProgressEvent[] = []) {
  const all = [...events, ...added];
  const replayed = replayAll(all.filter(isCardEvent), createSettingsTimeline(all.filter((e): e is SettingsEvent => e.kind === 'settings')));
  return new Map([...replayed].map(([key, { state, reviews }]) => [key, { state, reviews: reviews.map((r) => r.event.id) }]));
}

describe('planRestore', () => {
  it('adds the events this browser does not have, each once, and counts them', () => {
    const phone = TestDevice.named('phone', 1);
    const shared = phone.review('a', 'good', NOW);
    const laptop = TestDevice.named('laptop', 2);
    laptop.events.push(shared);
    const onlyOnLaptop = laptop.review('b', 'easy', NOW + DAY);
    const plan = planRestore(snapshot({ events: phone.events }), snapshot({ events: [...laptop.events, onlyOnLaptop] /* a duplicate in the file counts once */ }));
    expect(plan.eventsToAdd.map((e) => e.id)).toEqual([onlyOnLaptop.id]);
    expect(plan.summary).toMatchObject({ reviewsAdded: 1, reviewsAlreadyPresent: 1, cardStatesWritten: 1, cardStatesKept: 1, isSettingsChanged: false });
  });

  it('restoring an older backup never resurrects an undone review, a reset or an unsuspend', () => {
    const device = TestDevice.named('phone', 3);
    const undone = device.review('a', 'again', NOW);
    device.review('b', 'good', NOW);
    device.card('c', NOW, { kind: 'suspend' });
    const backup = snapshot({ events: [...device.events] });
    device.card('a', NOW + 1_000, { kind: 'undo', targetId: undone.id });
    device.card('b', NOW + 2_000, { kind: 'reset' });
    device.card('c', NOW + 3_000, { kind: 'unsuspend' });
    const before = statesAfter(device.events);

    const plan = planRestore(snapshot({ events: device.events }), backup);

    expect(plan.eventsToAdd).toEqual([]);
    expect(statesAfter(device.events, plan.eventsToAdd)).toEqual(before);
    expect(before.get(`${DECK}\u0000a`)?.reviews).toEqual([]);
    expect(before.get(`${DECK}\u0000b`)?.state).toBeNull();
    expect(before.get(`${DECK}\u0000c`)?.state).toBeNull();
  });

  it('restoring the same backup twice changes nothing the second time', () => {
    const laptop = TestDevice.named('laptop', 4);
    laptop.review('a', 'good', NOW);
    laptop.settings({ newCardsPerDay: 5 }, NOW);
    const backup = snapshot({ events: laptop.events });
    const phone = TestDevice.named('phone', 5);
    phone.review('b', 'hard', NOW);
    const once = planRestore(snapshot({ events: phone.events }), backup);
    const afterOnce = [...phone.events, ...once.eventsToAdd];
    const twice = planRestore(snapshot({ events: afterOnce }), backup);
    expect(once.summary.isSettingsChanged).toBe(true);
    expect(twice.eventsToAdd).toEqual([]);
    expect(twice.summary).toMatchObject({ reviewsAdded: 0, cardStatesWritten: 0, isSettingsChanged: false });
    expect(statesAfter(afterOnce, twice.eventsToAdd)).toEqual(statesAfter(afterOnce));
  });

  it('takes the deck copy changed last; a tie keeps this browser', () => {
    expect(planRestore(snapshot({ decks: [deck(10)] }), snapshot({ decks: [deck(20, 'New')] })).decksToPut.map((d) => d.title)).toEqual(['New']);
    const tie = planRestore(snapshot({ decks: [deck(10)] }), snapshot({ decks: [deck(10, 'Other')] }));
    expect(tie.decksToPut).toEqual([]);
    expect(tie.summary.decksKept).toBe(1);
  });
});
