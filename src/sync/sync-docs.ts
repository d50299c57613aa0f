/**
 * Which synced document an event belongs to, and how an event travels: the stored row as JSON,
 * sealed under the space key, keyed in its document's map by a keyed hash of its id. Documents
 * are split so none grows without bound: one per calendar month (UTC) of card events, one for
 * settings events, and a manifest that lists the months (so a new device knows what to open).
 */
import { fromUtf8, open, seal, utf8, entryKey, type RandomBytes, type SpaceKeys, SyncCryptoError } from '../domain/sync';
import type { ProgressEvent } from '../domain/events/types';
import { cardEventFromRow, cardEventToRow, settingsEventFromRow, settingsEventToRow } from '../storage/event-rows';

export const MANIFEST_DOC = 'manifest';
export const SETTINGS_DOC = 'settings';

/** `2026-12` for an event made in December 2026 (UTC). */
export function monthOf(createdAtMs: number): string {
  const date = new Date(createdAtMs);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The logical name of the document that carries `event`. */
export const logicalDocOf = (event: ProgressEvent): string => (event.kind === 'settings' ? SETTINGS_DOC : `events/${monthOf(event.createdAt)}`);

/** The manifest's entry for a month, keyed like an event. */
export const monthEntryId = (month: string) => `month:${month}`;

/** Seals an event for its place in its document. */
export async function sealEvent(keys: SpaceKeys, documentName: string, key: string, event: ProgressEvent, randomBytes: RandomBytes): Promise<Uint8Array> {
  const row = event.kind === 'settings' ? settingsEventToRow(event) : cardEventToRow(event);
  return seal(keys, { documentName, entryKey: key }, utf8(JSON.stringify(row)), randomBytes);
}

/**
 * Opens and validates one synced entry: it must decrypt under the space key for exactly this
 * place, parse as an event, and be the event its key names (so an entry cannot be replayed
 * under another key). Throws SyncCryptoError('tampered') with a message saying which check failed.
 */
export async function openEvent(keys: SpaceKeys, documentName: string, key: string, sealed: unknown): Promise<ProgressEvent> {
  if (!(sealed instanceof Uint8Array)) throw new SyncCryptoError('tampered', `A synced entry in ${documentName} is not sealed bytes; it was not applied.`);
  const plaintext = await open(keys, { documentName, entryKey: key }, sealed);
  let row: unknown;
  try {
    row = JSON.parse(fromUtf8(plaintext));
  } catch {
    throw new SyncCryptoError('tampered', `A synced entry in ${documentName} decrypted to something that is not an event; it was not applied.`);
  }
  const parsed = typeof row === 'object' && row !== null && (row as { kind?: unknown }).kind === 'settings' ? settingsEventFromRow(row) : cardEventFromRow(row);
  if (!parsed.ok) throw new SyncCryptoError('tampered', `A synced event is damaged (${parsed.problem.field} ${parsed.problem.message}); it was not applied.`);
  if ((await entryKey(keys, parsed.value.id)) !== key) throw new SyncCryptoError('tampered', `A synced event is stored under another event's key; it was not applied.`);
  return parsed.value;
}
