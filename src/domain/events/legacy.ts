/**
 * Carries progress written before the event log (schema v1/v2 rows, backup format 1) into events.
 * The same old data always converts to the same events with the same ids, so an upgraded browser
 * that later restores an old backup of the same data merges it as duplicates, not as new reviews.
 *
 * Old reviews become review events. Their scheduling cannot be replayed faithfully (the settings
 * they were made with are not recorded), so each card's stored state becomes a `snapshot` event
 * placed just after the card's last review: replay then starts from exactly the stored state, and
 * the old reviews stay in the log for statistics, the optimizer and the history screen.
 */
import type { DeckId } from '../ids';
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import { contentEventId } from './event-id';
import { cardKey } from './replay';
import { LEGACY_DEVICE_ID, type CardEvent, type SettingsEvent, type SettingsScope } from './types';

/** Progress as the old rows held it: current states and the review rows that were not undone. */
export interface LegacyProgress {
  readonly cardStates: readonly CardState[];
  readonly reviewLog: readonly Omit<ReviewLogEntry, 'id'>[];
}

/** A state's fields in a fixed order, for content ids (key order of a stored row may vary). */
function stateContent(state: CardState): unknown[] {
  return [
    state.deckId, state.cardId, state.phase, state.dueAt, state.stability, state.difficulty,
    state.scheduledDays, state.learningStep, state.reps, state.lapses, state.lastReviewedAt,
  ];
}

function withoutSuspension(state: CardState): CardState {
  const { isSuspended: _dropped, ...rest } = state;
  return rest;
}

/**
 * The events that reproduce old progress: a review event per review row, then per card a
 * snapshot of its stored state (or a reset, when it has reviews but no state: it was reset), then
 * a suspend event when it was suspended. Replaying them gives every stored state exactly.
 */
export function legacyCardEvents(progress: LegacyProgress): CardEvent[] {
  const events: CardEvent[] = [];
  const lastReviewAt = new Map<string, number>();
  for (const review of progress.reviewLog) {
    const { deckId, cardId, rating, reviewedAt, answerMs } = review;
    const key = cardKey(review);
    lastReviewAt.set(key, Math.max(lastReviewAt.get(key) ?? -Infinity, reviewedAt));
    events.push({
      id: contentEventId(reviewedAt, JSON.stringify(['review', deckId, cardId, reviewedAt, rating, answerMs])),
      deviceId: LEGACY_DEVICE_ID,
      createdAt: reviewedAt,
      deckId,
      cardId,
      kind: 'review',
      rating,
      answerMs,
      before: review.before,
      after: review.after,
    });
  }

  const withState = new Set<string>();
  for (const stored of progress.cardStates) {
    const key = cardKey(stored);
    withState.add(key);
    const last = Math.max(lastReviewAt.get(key) ?? -Infinity, stored.lastReviewedAt ?? -Infinity);
    // Just after the card's last review, so every old review comes before it; 0 if never reviewed.
    const at = Number.isFinite(last) ? last + 1 : 0;
    const state = withoutSuspension(stored);
    events.push({
      id: contentEventId(at, JSON.stringify(['snapshot', ...stateContent(state)])),
      deviceId: LEGACY_DEVICE_ID,
      createdAt: at,
      deckId: stored.deckId,
      cardId: stored.cardId,
      kind: 'snapshot',
      state,
    });
    if (stored.isSuspended === true) {
      events.push({
        id: contentEventId(at + 1, JSON.stringify(['suspend', stored.deckId, stored.cardId])),
        deviceId: LEGACY_DEVICE_ID,
        createdAt: at + 1,
        deckId: stored.deckId,
        cardId: stored.cardId,
        kind: 'suspend',
      });
    }
  }

  // Reviewed, but no state left: the card was reset, which old builds recorded by deleting it.
  const reset = new Map<string, { deckId: DeckId; cardId: CardState['cardId']; at: number }>();
  for (const review of progress.reviewLog) {
    const key = cardKey(review);
    if (!withState.has(key)) reset.set(key, { deckId: review.deckId, cardId: review.cardId, at: (lastReviewAt.get(key) ?? 0) + 1 });
  }
  for (const { deckId, cardId, at } of reset.values()) {
    events.push({
      id: contentEventId(at, JSON.stringify(['reset', deckId, cardId])),
      deviceId: LEGACY_DEVICE_ID,
      createdAt: at,
      deckId,
      cardId,
      kind: 'reset',
    });
  }
  return events;
}

/** Sorted keys, so the same values always give the same content id. */
function canonicalValues(values: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.keys(values)
    .sort()
    .map((key) => [key, values[key]]);
}

/**
 * One settings event for old stored settings of a scope (all of `values`, unknown fields too),
 * made at `createdAt`: 0 for a database upgrade (any later change wins), the backup's export time
 * for an old backup being restored.
 */
export function legacySettingsEvent(scope: SettingsScope, values: Readonly<Record<string, unknown>>, createdAt: number): SettingsEvent {
  const scopeName = scope.kind === 'study' ? 'study' : `deck:${scope.deckId}`;
  return {
    id: contentEventId(createdAt, JSON.stringify(['settings', scopeName, canonicalValues(values)])),
    deviceId: LEGACY_DEVICE_ID,
    createdAt,
    kind: 'settings',
    scope,
    values,
  };
}
