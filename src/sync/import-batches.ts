/**
 * How the sync engine hands a large merge to storage: in batches, so a first sync shows progress
 * and no transaction holds 100,000 events at once, yet each card's events all in one batch, so
 * storage replays every touched card once, as one import of everything would. Settings events
 * lead the first batch: every card after them replays under the settings they set.
 */
import { cardKey } from '../domain/events/replay';
import type { CardEvent, ProgressEvent } from '../domain/events/types';

/** Events per batch handed to importEvents; a card with more events than this gets a batch of its own. */
export const IMPORT_BATCH_EVENTS = 5_000;

/** Splits `events` into batches of at most `maxEvents` (but never splitting a card), in a deterministic order. */
export function importBatches(events: readonly ProgressEvent[], maxEvents = IMPORT_BATCH_EVENTS): ProgressEvent[][] {
  const settings: ProgressEvent[] = [];
  const byCard = new Map<string, CardEvent[]>();
  for (const event of events) {
    if (event.kind === 'settings') {
      settings.push(event);
      continue;
    }
    const key = cardKey(event);
    const list = byCard.get(key);
    if (list) list.push(event);
    else byCard.set(key, [event]);
  }
  const batches: ProgressEvent[][] = [];
  let current: ProgressEvent[] = settings;
  for (const list of byCard.values()) {
    if (current.length > 0 && current.length + list.length > maxEvents) {
      batches.push(current);
      current = [];
    }
    for (const event of list) current.push(event);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
