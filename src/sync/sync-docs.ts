/**
 * Which synced document an event belongs to, and how an event travels: the stored row as JSON,
 * sealed under the space key, keyed in its document's map by a keyed hash of its id. Documents
 * are split so none grows without bound: one per calendar month (UTC) of card events, one per
 * month of content events (decks and cards written in the app), one for settings events, and a
 * manifest that lists the month documents (so a new device knows what to open).
 */
import { fromUtf8, open, seal, utf8, entryKey, type RandomBytes, type SpaceKeys, SyncCryptoError } from '../domain/sync';
import { CONTENT_EVENT_KINDS, type ContentEvent } from '../domain/authoring/types';
import type { ProgressEvent } from '../domain/events/types';
import { contentEventFromRow, contentEventToRow } from '../storage/content-rows';
import type { RowResult } from '../storage/row-parse';
import { cardEventFromRow, cardEventToRow, settingsEventFromRow, settingsEventToRow } from '../storage/event-rows';

export const MANIFEST_DOC = 'manifest';
export const SETTINGS_DOC = 'settings';
/** One sealed entry per device: its name and when it last synced. */
export const DEVICES_DOC = 'devices';

/** What travels in the event documents: the progress log's events and the content log's. */
export type SyncedEvent = ProgressEvent | ContentEvent;

const CONTENT_KINDS: ReadonlySet<string> = new Set(CONTENT_EVENT_KINDS);

/** Whether `event` belongs to the content log (a deck or card written in the app). */
export const isContentEvent = (event: SyncedEvent): event is ContentEvent => CONTENT_KINDS.has(event.kind);

/** `2026-12` for an event made in December 2026 (UTC). */
export function monthOf(createdAtMs: number): string {
  const date = new Date(createdAtMs);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The logical name of the document that carries `event`. */
export const logicalDocOf = (event: SyncedEvent): string =>
  event.kind === 'settings' ? SETTINGS_DOC : isContentEvent(event) ? `content/${monthOf(event.createdAt)}` : `events/${monthOf(event.createdAt)}`;

/** The manifest's entry for a month, keyed like an event. */
export const monthEntryId = (month: string) => `month:${month}`;

/**
 * What a manifest entry says to open: `2026-12` (the first format, card events) or the logical
 * name of a month document, `events/2026-12` or `content/2026-12`. Anything else: null (ignored,
 * so a later build can list other documents without confusing this one).
 */
export function manifestTarget(plaintext: string): string | null {
  if (/^\d{4}-\d{2}$/.test(plaintext)) return `events/${plaintext}`;
  if (/^(events|content)\/\d{4}-\d{2}$/.test(plaintext)) return plaintext;
  return null;
}

/** What the manifest lists for a month document: card-event months in the first format, so older builds still read them. */
export const manifestEntryOf = (logical: string): { readonly id: string; readonly plaintext: string } =>
  logical.startsWith('events/') ? { id: monthEntryId(logical.slice('events/'.length)), plaintext: logical.slice('events/'.length) } : { id: `doc:${logical}`, plaintext: logical };

/** Seals an event for its place in its document. */
export async function sealEvent(keys: SpaceKeys, documentName: string, key: string, event: SyncedEvent, randomBytes: RandomBytes): Promise<Uint8Array> {
  const row = event.kind === 'settings' ? settingsEventToRow(event) : isContentEvent(event) ? contentEventToRow(event) : cardEventToRow(event);
  return seal(keys, { documentName, entryKey: key }, utf8(JSON.stringify(row)), randomBytes);
}

/**
 * Opens and validates one synced entry: it must decrypt under the space key for exactly this
 * place, parse as an event, and be the event its key names (so an entry cannot be replayed
 * under another key). Throws SyncCryptoError('tampered') with a message saying which check failed.
 */
export async function openEvent(keys: SpaceKeys, documentName: string, key: string, sealed: unknown): Promise<SyncedEvent> {
  if (!(sealed instanceof Uint8Array)) throw new SyncCryptoError('tampered', `A synced entry in ${documentName} is not sealed bytes; it was not applied.`);
  const plaintext = await open(keys, { documentName, entryKey: key }, sealed);
  let row: unknown;
  try {
    row = JSON.parse(fromUtf8(plaintext));
  } catch {
    throw new SyncCryptoError('tampered', `A synced entry in ${documentName} decrypted to something that is not an event; it was not applied.`);
  }
  const kind = typeof row === 'object' && row !== null ? (row as { kind?: unknown }).kind : undefined;
  const parsed: RowResult<SyncedEvent> =
    kind === 'settings' ? settingsEventFromRow(row) : typeof kind === 'string' && CONTENT_KINDS.has(kind) ? contentEventFromRow(row) : cardEventFromRow(row);
  if (!parsed.ok) throw new SyncCryptoError('tampered', `A synced event is damaged (${parsed.problem.field} ${parsed.problem.message}); it was not applied.`);
  if ((await entryKey(keys, parsed.value.id)) !== key) throw new SyncCryptoError('tampered', `A synced event is stored under another event's key; it was not applied.`);
  return parsed.value;
}
