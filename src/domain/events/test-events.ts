/**
 * Test support for the event log: a simulated device that makes events the way the app does
 * (ids from its own seeded generator, grades computed from its own replayed view of a card).
 * Only tests import this module.
 */
import { asCardId, asDeckId, type CardId, type DeckId } from '../ids';
import { seededRandom } from '../scheduling/memory-model';
import type { Rating } from '../scheduling/types';
import { createEventIdGenerator, type EventIdGenerator, type RandomBytes } from './event-id';
import { replayCard, schedulerFor } from './replay';
import { createSettingsTimeline } from './settings-log';
import { asDeviceId, type CardEvent, type DeviceId, type EventId, type ProgressEvent, type SettingsEvent } from './types';
import { newCardState } from '../scheduling/scheduler';

export const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
export const DAY = 86_400_000;
export const DECK = asDeckId('c3');

/** Random bytes from a seed, so generated ids are the same on every run. */
export function seededBytes(seed: number): RandomBytes {
  const random = seededRandom(seed);
  return (length) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

export const isCardEvent = (event: ProgressEvent): event is CardEvent => event.kind !== 'settings';

/** A device with its own id generator; it grades from the replay of the events it holds. */
export class TestDevice {
  readonly events: ProgressEvent[] = [];
  private readonly nextId: EventIdGenerator;

  constructor(
    readonly deviceId: DeviceId,
    seed: number,
  ) {
    this.nextId = createEventIdGenerator(seededBytes(seed));
  }

  static named(name: string, seed: number): TestDevice {
    return new TestDevice(asDeviceId(name), seed);
  }

  id(at: number): EventId {
    return this.nextId(at);
  }

  /** This device's current view of one card. */
  stateOf(cardId: CardId, deckId: DeckId = DECK) {
    const cardEvents = this.events.filter(isCardEvent).filter((e) => e.deckId === deckId && e.cardId === cardId);
    return replayCard(cardEvents, createSettingsTimeline(this.events.filter((e): e is SettingsEvent => e.kind === 'settings'))).state;
  }

  /** Grades as the session does: from this device's state, seeded by the new event's id. */
  review(card: string, rating: Rating, at: number, deckId: DeckId = DECK, deckAncestors?: readonly DeckId[]): CardEvent {
    const cardId = asCardId(card);
    const id = this.id(at);
    const before = this.stateOf(cardId, deckId);
    const settingsAt = createSettingsTimeline(this.events.filter((e): e is SettingsEvent => e.kind === 'settings'));
    const from = before ?? newCardState(deckId, cardId, at);
    const after = schedulerFor(settingsAt(deckId, at, id, deckAncestors)).grade(from, rating, at, id);
    return this.add({ id, deviceId: this.deviceId, createdAt: at, deckId, cardId, kind: 'review', rating, answerMs: 4000, before, after, ...(deckAncestors ? { deckAncestors } : {}) });
  }

  card(
    card: string,
    at: number,
    body: { kind: 'suspend' | 'unsuspend' | 'reset' } | { kind: 'bury'; untilMs: number } | { kind: 'reschedule'; dueAt: number } | { kind: 'undo'; targetId: EventId },
    deckId: DeckId = DECK,
  ): CardEvent {
    return this.add({ id: this.id(at), deviceId: this.deviceId, createdAt: at, deckId, cardId: asCardId(card), ...body });
  }

  settings(values: Record<string, unknown>, at: number, deckId?: DeckId): SettingsEvent {
    const event: SettingsEvent = {
      id: this.id(at),
      deviceId: this.deviceId,
      createdAt: at,
      kind: 'settings',
      scope: deckId === undefined ? { kind: 'study' } : { kind: 'deck', deckId },
      values,
    };
    this.events.push(event);
    return event;
  }

  private add(event: CardEvent): CardEvent {
    this.events.push(event);
    return event;
  }
}
