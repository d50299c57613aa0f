/**
 * The schema v3 upgrade: progress written before the event log becomes events, with the domain's
 * legacy conversion (src/domain/events/legacy.ts). Each old review row becomes a review event with
 * an id derived from its content; each stored card state becomes a snapshot event just after the
 * card's last review (then a suspend event if it was suspended), so replaying a card's events gives
 * exactly the state it had; old settings rows become settings events at time 0.
 *
 * Lossless: the stored card states are left as they are (replay reproduces them), and a row that
 * does not parse is left where it was rather than dropped. Runs inside Dexie's upgrade transaction,
 * so a failure leaves the database at v2.
 */
import type { Transaction } from 'dexie';
import { legacyCardEvents, legacySettingsEvent } from '../domain/events/legacy';
import { asDeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import { cardEventToRow, settingsEventToRow } from './event-rows';
import { cardStateFromRow, reviewLogEntryFromRow, type LegacyReview } from './progress-rows';
import { isObject } from './row-parse';
import { DECK_OVERRIDES_PREFIX, STUDY_SETTINGS_KEY, isDeckOverridesKey } from './settings-rows';

/** Converts the v1/v2 rows of `tx` into events; see the module comment. */
export async function upgradeToEventLog(tx: Transaction): Promise<void> {
  const states: CardState[] = [];
  for (const row of await tx.table('cardStates').toArray()) {
    const parsed = cardStateFromRow(row);
    if (parsed.ok) states.push(parsed.value);
  }
  const reviews: LegacyReview[] = [];
  for (const row of await tx.table('reviewLog').toArray()) {
    const parsed = reviewLogEntryFromRow(row);
    if (parsed.ok) reviews.push(parsed.value);
  }
  // Two identical old rows (same card, millisecond, rating and answer time) get one id: put, not add.
  const events = legacyCardEvents({ cardStates: states, reviewLog: reviews.map(({ id: _id, ...review }) => review) });
  await tx.table('events').bulkPut(events.map(cardEventToRow));
  await tx.table('reviewLog').bulkDelete(reviews.map((review) => review.id));

  const settingsRows = await tx.table('settings').toArray();
  const settingsEvents = [];
  for (const row of settingsRows as unknown[]) {
    if (!isObject(row) || typeof row['key'] !== 'string' || !isObject(row['value'])) continue;
    const key = row['key'];
    if (key === STUDY_SETTINGS_KEY) settingsEvents.push(legacySettingsEvent({ kind: 'study' }, row['value'], 0));
    else if (isDeckOverridesKey(key)) settingsEvents.push(legacySettingsEvent({ kind: 'deck', deckId: asDeckId(key.slice(DECK_OVERRIDES_PREFIX.length)) }, row['value'], 0));
    else continue;
    await tx.table('settings').delete(key);
  }
  await tx.table('settingsEvents').bulkPut(settingsEvents.map(settingsEventToRow));
}
