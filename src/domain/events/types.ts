/**
 * The progress event log: every change to a student's progress is one immutable event. Card
 * states, today's counts and the statistics are all derived from these by replay (replay.ts), so
 * two devices that hold the same set of events agree on everything, whatever order the events
 * arrived in. See docs/data-model.md.
 *
 * Adding a kind: one member in CardEventBody (or a new stream beside SettingsEvent) and one case
 * in replay.ts; the exhaustive switch there makes the compiler list every place that must learn it.
 */
import type { CardId, DeckId } from '../ids';
import type { CardState, Rating } from '../scheduling/types';

/** A ULID: 26 Crockford base32 characters, the first 10 the creation time. Sorts by time. */
export type EventId = string & { readonly __brand: 'EventId' };
/** Names the device (one browser profile) that made an event. */
export type DeviceId = string & { readonly __brand: 'DeviceId' };

/** Brands a string that has already been validated as an event id. */
export const asEventId = (value: string): EventId => value as EventId;
/** Brands a string that has already been validated as a device id. */
export const asDeviceId = (value: string): DeviceId => value as DeviceId;

/** The device id of events converted from data written before the log existed (see legacy.ts). */
export const LEGACY_DEVICE_ID = asDeviceId('legacy');

/** What every event carries. */
export interface EventBase {
  readonly id: EventId;
  readonly deviceId: DeviceId;
  /** When the event was made, epoch ms; with `id`, the event's place in the total order. */
  readonly createdAt: number;
}

/** A grade: Again, Hard, Good or Easy. */
export interface ReviewBody {
  readonly kind: 'review';
  readonly rating: Rating;
  /** Time from showing the front to grading, in ms. */
  readonly answerMs: number;
  /**
   * What the grading device saw and scheduled, as Anki's revlog keeps the intervals it gave.
   * Statistics and the optimizer read these; replay never does: it recomputes from the events, so
   * a review merged from another device is applied to the state this device has.
   */
  readonly before: CardState | null;
  readonly after: CardState;
  /**
   * The due time load balancing chose at grade time (epoch ms), from other cards' loads that
   * replay of this card cannot see. Replay honours it only inside the card's fuzz range.
   */
  readonly balancedDueAt?: number;
  /**
   * The decks above the card's deck when it was graded, nearest first (absent for a top-level deck
   * and on older events). Replay reads their exam settings from the settings log, so a subdeck's
   * review follows its parent's exam on every device without knowing the deck tree.
   */
  readonly deckAncestors?: readonly DeckId[];
}

/** Takes back an earlier event of the same card. An undo is final: redo is a new review. */
export interface UndoBody {
  readonly kind: 'undo';
  readonly targetId: EventId;
}

export interface SuspendBody {
  readonly kind: 'suspend';
}

export interface UnsuspendBody {
  readonly kind: 'unsuspend';
}

/** Forgets the card's progress: it is new again. Its history stays in the log. */
export interface ResetBody {
  readonly kind: 'reset';
}

/** Keeps the card out of the queue until `untilMs` (epoch ms), e.g. the next study day. */
export interface BuryBody {
  readonly kind: 'bury';
  readonly untilMs: number;
}

/**
 * Moves a review card's due time without touching its memory: a break planned ahead brings a
 * review forward or spreads it after the break. A card not in the review phase has no review to
 * move, and replay leaves it as it is.
 */
export interface RescheduleBody {
  readonly kind: 'reschedule';
  readonly dueAt: number;
}

/**
 * Sets the card's state wholesale. Only made when data from before the event log is carried over
 * (legacy.ts): the state a card had then becomes the starting point of its replay.
 */
export interface SnapshotBody {
  readonly kind: 'snapshot';
  readonly state: CardState;
}

export type CardEventBody = ReviewBody | UndoBody | SuspendBody | UnsuspendBody | ResetBody | BuryBody | RescheduleBody | SnapshotBody;
export type CardEventKind = CardEventBody['kind'];

/** An event about one card of one deck. */
export type CardEvent = EventBase & { readonly deckId: DeckId; readonly cardId: CardId } & CardEventBody;
export type ReviewEvent = Extract<CardEvent, { readonly kind: 'review' }>;

/** The all-deck study settings, or one deck's overrides of them. */
export type SettingsScope = { readonly kind: 'study' } | { readonly kind: 'deck'; readonly deckId: DeckId };

/**
 * A change of settings: the fields that changed, last writer wins per field in the total order.
 * In a deck scope a null value removes that override. Fields this build does not know are kept, so
 * a newer build's settings survive a round trip through an older one.
 */
export interface SettingsEvent extends EventBase {
  readonly kind: 'settings';
  readonly scope: SettingsScope;
  readonly values: Readonly<Record<string, unknown>>;
}

export type ProgressEvent = CardEvent | SettingsEvent;

export const CARD_EVENT_KINDS: readonly CardEventKind[] = ['review', 'undo', 'suspend', 'unsuspend', 'reset', 'bury', 'reschedule', 'snapshot'];
