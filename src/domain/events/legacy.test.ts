import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { createScheduler, newCardState } from '../scheduling/scheduler';
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { legacyCardEvents, legacySettingsEvent } from './legacy';
import { cardKey, replayAll } from './replay';
import { createSettingsTimeline } from './settings-log';
import { DAY, DECK, NOW } from './test-events';

const scheduler = createScheduler(DEFAULT_SETTINGS);

/** Old-style progress: reviews graded with the old default fuzz seed, states as the rows held them. */
function oldProgress() {
  const reviewLog: Omit<ReviewLogEntry, 'id'>[] = [];
  const states = new Map<string, CardState>();
  const grade = (card: string, rating: 'again' | 'good' | 'easy', at: number) => {
    const cardId = asCardId(card);
    const before = states.get(card) ?? null;
    const after = scheduler.grade(before ?? newCardState(DECK, cardId, at), rating, at);
    reviewLog.push({ deckId: DECK, cardId, rating, reviewedAt: at, answerMs: 3000, before, after });
    states.set(card, after);
  };
  grade('studied', 'good', NOW);
  grade('studied', 'good', NOW + 10 * 60_000);
  grade('studied', 'easy', NOW + 3 * DAY);
  grade('suspended', 'easy', NOW);
  states.set('suspended', { ...states.get('suspended')!, isSuspended: true });
  grade('was-reset', 'good', NOW);
  states.delete('was-reset');
  states.set('suspended-new', { ...newCardState(DECK, asCardId('suspended-new'), NOW), isSuspended: true });
  return { cardStates: [...states.values()], reviewLog };
}

describe('legacyCardEvents', () => {
  it('replays to exactly the stored states, and to nothing for a card that was reset', () => {
    const progress = oldProgress();
    const replayed = replayAll(legacyCardEvents(progress), createSettingsTimeline([]));
    for (const state of progress.cardStates) expect(replayed.get(cardKey(state))?.state).toEqual(state);
    expect(replayed.get(cardKey({ deckId: DECK, cardId: asCardId('was-reset') }))?.state).toBeNull();
  });

  it('keeps every old review in the history, before the snapshot that replaces their scheduling', () => {
    const progress = oldProgress();
    const replayed = replayAll(legacyCardEvents(progress), createSettingsTimeline([]));
    const history = replayed.get(cardKey({ deckId: DECK, cardId: asCardId('studied') }))!;
    expect(history.reviews.map((r) => r.event.createdAt)).toEqual([NOW, NOW + 10 * 60_000, NOW + 3 * DAY]);
    expect(history.reviews.map((r) => r.event.rating)).toEqual(['good', 'good', 'easy']);
  });

  it('converts the same old data to the same event ids, so a second conversion merges as duplicates', () => {
    const once = legacyCardEvents(oldProgress()).map((e) => e.id);
    const twice = legacyCardEvents(oldProgress()).map((e) => e.id);
    expect(twice).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
  });
});

describe('legacySettingsEvent', () => {
  it('derives the id from the values, not their key order', () => {
    const a = legacySettingsEvent({ kind: 'study' }, { desiredRetention: 0.9, newCardsPerDay: 5 }, 0);
    const b = legacySettingsEvent({ kind: 'study' }, { newCardsPerDay: 5, desiredRetention: 0.9 }, 0);
    const c = legacySettingsEvent({ kind: 'deck', deckId: DECK }, { newCardsPerDay: 5, desiredRetention: 0.9 }, 0);
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });
});
