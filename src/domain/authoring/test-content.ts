/**
 * Test support for content events: a simulated device with its own seeded id generator, which
 * edits a deck the way the editor does (from its own replayed view). Only tests import this module.
 */
import { createEventIdGenerator } from '../events/event-id';
import { seededBytes } from '../events/test-events';
import { asDeviceId } from '../events/types';
import { asDeckId, type DeckId } from '../ids';
import { replayDeckContent, type AuthoredDeck } from './content-replay';
import type { EventEnvelope } from './commands';
import type { ContentEvent } from './types';

export const AUTHORED = asDeckId('user.networks-abc123');

export class ContentDevice {
  readonly events: ContentEvent[] = [];
  private readonly newId;

  constructor(
    readonly name: string,
    seed: number,
  ) {
    this.newId = createEventIdGenerator(seededBytes(seed));
  }

  envelope(now: number): EventEnvelope {
    return { newId: this.newId, deviceId: asDeviceId(this.name), now };
  }

  view(deckId: DeckId = AUTHORED): AuthoredDeck {
    const deck = replayDeckContent(deckId, this.events);
    if (!deck) throw new Error(`${this.name} has no deck ${deckId}`);
    return deck;
  }

  /** Runs a command on this device's view and keeps its events. */
  make(command: (envelope: EventEnvelope) => ContentEvent[], now: number): ContentEvent[] {
    const made = command(this.envelope(now));
    this.events.push(...made);
    return made;
  }
}
