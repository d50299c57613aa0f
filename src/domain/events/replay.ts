/**
 * Replay: a card's state is a pure function of the set of its events. Stored card states are a
 * cache of this function, so storage can rebuild any of them, and two devices that merged the same
 * events hold the same states bit for bit, whatever order the events arrived in.
 *
 * The rule (docs/data-model.md): drop the events an undo takes back, order the rest by
 * (createdAt, id), and fold them from "no state" (a new card). A review is graded again by the
 * scheduler, with the settings in force at that point of the log and its fuzz seeded by the
 * event id, so it lands where the grading device scheduled it when nothing else happened to the
 * card, and on the merged history when something did.
 */
import { createScheduler, newCardState, type Scheduler } from '../scheduling/scheduler';
import { elapsedWholeDays, honourBalancedDueAt } from '../scheduling/load-balance';
import type { CardState } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';
import { suspendedState, unsuspendedState } from '../browse/card-actions';
import { compareEvents } from './order';
import type { SettingsAt } from './settings-log';
import type { CardEvent, ReviewEvent } from './types';

/** One review that counts (not taken back), with the states replay computed around it. */
export interface ReplayedReview {
  readonly event: ReviewEvent;
  /** Null when the card had no state (new) before this review. */
  readonly before: CardState | null;
  readonly after: CardState;
}

/** What a card's events add up to. */
export interface CardReplay {
  /** Null when nothing is left to store: a new card that is not suspended or buried. */
  readonly state: CardState | null;
  /** The reviews that count, in log order. */
  readonly reviews: readonly ReplayedReview[];
}

const schedulers = new WeakMap<StudySettings, Scheduler>();

/** One scheduler per settings object: replaying thousands of reviews builds only a handful. */
export function schedulerFor(settings: StudySettings): Scheduler {
  let scheduler = schedulers.get(settings);
  if (!scheduler) {
    scheduler = createScheduler(settings);
    schedulers.set(settings, scheduler);
  }
  return scheduler;
}

/** The ids that undo events take back; an undo itself cannot be taken back. */
function undoneIds(events: readonly StateEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) if (event.kind === 'undo') ids.add(event.targetId);
  return ids;
}

/** Keeps the flags a review does not decide (suspension, burial) on the state it produced. */
function withFlagsOf(previous: CardState | null, next: CardState): CardState {
  if (previous?.isSuspended !== true && previous?.buriedUntil === undefined) return next;
  return {
    ...next,
    ...(previous.isSuspended === true ? { isSuspended: true } : {}),
    ...(previous.buriedUntil === undefined ? {} : { buriedUntil: previous.buriedUntil }),
  };
}

/**
 * What replay reads of a card event to compute the state. A review's recorded `before`/`after` are
 * what the grading device saw; replay grades again, so a caller that wants only the state (a
 * restore of hundreds of thousands of reviews) can keep the events without them (replay-state.ts).
 */
export type StateEvent = Exclude<CardEvent, ReviewEvent> | Omit<ReviewEvent, 'before' | 'after'>;

/** The events that count (not undone), in log order, each id once. */
export function effectiveInOrder<E extends StateEvent>(events: readonly E[]): E[] {
  const undone = undoneIds(events);
  const seen = new Set<string>();
  return events
    .filter((event) => event.kind !== 'undo' && !undone.has(event.id))
    .sort(compareEvents)
    .filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}

/**
 * Replays one card's events (all of the same deckId and cardId). Duplicate ids count once.
 * `settingsAt` gives the settings each review was scheduled with (settings-log.ts).
 */
export function replayCard(events: readonly CardEvent[], settingsAt: SettingsAt): CardReplay {
  const reviews: ReplayedReview[] = [];
  const state = fold(effectiveInOrder(events), settingsAt, (event, before, after) => {
    if (event.kind === 'review') reviews.push({ event, before, after });
  });
  return { state, reviews };
}

/** Folds effective events in log order from "no state"; `onReview` hears each review with the states around it. */
export function fold<E extends StateEvent>(effective: readonly E[], settingsAt: SettingsAt, onReview?: (event: E, before: CardState | null, after: CardState) => void): CardState | null {
  let state: CardState | null = null;
  for (const original of effective) {
    const event: StateEvent = original;
    switch (event.kind) {
      case 'review': {
        const settings = settingsAt(event.deckId, event.createdAt, event.id, event.deckAncestors);
        const from = state ?? newCardState(event.deckId, event.cardId, event.createdAt);
        const scheduled = schedulerFor(settings).grade(withoutFlags(from), event.rating, event.createdAt, event.id);
        const graded =
          event.balancedDueAt === undefined
            ? scheduled
            : honourBalancedDueAt(scheduled, event.createdAt, elapsedWholeDays(state, event.createdAt), settings, event.balancedDueAt);
        const after = withFlagsOf(state, graded);
        onReview?.(original, state, after);
        state = after;
        break;
      }
      case 'suspend':
        state = suspendedState(state, newCardState(event.deckId, event.cardId, event.createdAt));
        break;
      case 'unsuspend':
        state = state === null ? null : unsuspendedState(state);
        break;
      case 'reset':
        state = null;
        break;
      case 'bury':
        // A buried card that was new keeps a stored 'new' state; buildQueue treats it as new again
        // once untilMs has passed (tested in queue.test.ts). Sibling burying writes no bury events:
        // the queue derives it from today's grades.
        state = { ...(state ?? newCardState(event.deckId, event.cardId, event.createdAt)), buriedUntil: event.untilMs };
        break;
      case 'reschedule':
        state = rescheduled(state, event.dueAt);
        break;
      case 'snapshot':
        state = event.state;
        break;
      case 'undo':
        // Filtered out by effectiveInOrder: an undo changes which events count, not the state.
        break;
      default:
        assertNever(event);
    }
  }
  return state === null ? null : dropEmptyNewState(state);
}

/** A review card moved to `dueAt`; any other state has no review to move and stays. */
function rescheduled(state: CardState | null, dueAt: number): CardState | null {
  return state !== null && state.phase === 'review' ? { ...state, dueAt } : state;
}

/** The scheduler sees memory only; the flags are put back by withFlagsOf. */
function withoutFlags(state: CardState): CardState {
  if (state.isSuspended !== true && state.buriedUntil === undefined) return state;
  const { isSuspended: _suspended, buriedUntil: _buried, ...rest } = state;
  return rest;
}

/** A new, never-reviewed card with no flags is what "no state" already means: store nothing. */
function dropEmptyNewState(state: CardState): CardState | null {
  const isPlainNew = state.phase === 'new' && state.reps === 0 && state.isSuspended !== true && state.buriedUntil === undefined;
  return isPlainNew ? null : state;
}

/** The key replay groups a card's events under. */
export const cardKey = (event: Pick<CardEvent, 'deckId' | 'cardId'>): string => `${event.deckId}\u0000${event.cardId}`;

/** Replays every card in `events`; the result is keyed by cardKey. */
export function replayAll(events: readonly CardEvent[], settingsAt: SettingsAt): Map<string, CardReplay> {
  const byCard = new Map<string, CardEvent[]>();
  for (const event of events) {
    const key = cardKey(event);
    const list = byCard.get(key);
    if (list) list.push(event);
    else byCard.set(key, [event]);
  }
  const result = new Map<string, CardReplay>();
  for (const [key, list] of byCard) result.set(key, replayCard(list, settingsAt));
  return result;
}

function assertNever(value: never): never {
  throw new Error(`Unknown card event: ${JSON.stringify(value)}`);
}
