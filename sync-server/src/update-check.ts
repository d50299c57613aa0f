/**
 * Checks one incoming websocket message before Hocuspocus applies it. A synced document has one
 * shape: a root map ENTRIES_MAP of entry key -> sealed bytes (src/domain/sync/limits.ts). An
 * update that adds anything else (text, arrays, nested types, JSON values, a key of the wrong
 * shape, an oversized entry) or does not decode is refused whole, before it touches the
 * document, so a hostile or broken client cannot bloat or corrupt what other devices receive.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ENTRIES_MAP, isEntryKey, MAX_ENTRY_BYTES } from '../../src/domain/sync/index.ts';
import { SyncRefusal } from './refusal.ts';

// Hocuspocus message types (@hocuspocus/common MessageType) and y-protocols sync steps.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_STATELESS = 5;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_STEP_1 = 0;

/** Awareness is not used by Flipdeck (nothing is shared but the documents); only the provider's tiny empty states pass. */
const MAX_AWARENESS_BYTES = 1024;

/** What a message will add to its document, in bytes (0 for messages that add nothing). */
export function checkIncomingMessage(message: Uint8Array, maxMessageBytes: number): number {
  if (message.length > maxMessageBytes) throw new SyncRefusal('too-large', `a message of ${message.length} bytes is over the server's limit of ${maxMessageBytes} bytes`);
  let type: number;
  let decoder: decoding.Decoder;
  try {
    decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    type = decoding.readVarUint(decoder);
  } catch {
    throw new SyncRefusal('malformed', 'the message could not be read');
  }
  switch (type) {
    case MESSAGE_SYNC:
    case MESSAGE_SYNC_REPLY:
      return checkSyncMessage(decoder);
    case MESSAGE_AWARENESS:
      if (message.length > MAX_AWARENESS_BYTES) throw new SyncRefusal('too-large', 'awareness states are not used by Flipdeck');
      return 0;
    case MESSAGE_STATELESS:
      // Only the short revoke message is used (REVOKE_SPACE_MESSAGE); nothing is relayed.
      if (message.length > 256) throw new SyncRefusal('too-large', 'stateless messages are not used by Flipdeck');
      return 0;
    case MESSAGE_AUTH:
    case MESSAGE_QUERY_AWARENESS:
    case MESSAGE_SYNC_STATUS:
      return 0;
    default:
      throw new SyncRefusal('malformed', `messages of type ${type} are not accepted`);
  }
}

function checkSyncMessage(decoder: decoding.Decoder): number {
  let update: Uint8Array;
  try {
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP_1) return 0; // A state vector: asks, adds nothing.
    update = decoding.readVarUint8Array(decoder);
  } catch {
    throw new SyncRefusal('malformed', 'the sync message could not be read');
  }
  checkUpdateShape(update);
  return update.length;
}

/** Refuses a Yjs update that does not decode or adds anything but sealed entries of the one root map. */
export function checkUpdateShape(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new SyncRefusal('malformed', 'the update is not a valid Yjs update');
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip structs carry no content.
    const { parentSub, content } = struct;
    // Decoded, a parent is a root type's name (string) or a nested type's ID, and is named only
    // when the item has no neighbour to inherit it from.
    const parent: unknown = struct.parent;
    if (parent !== null && parent !== ENTRIES_MAP) throw new SyncRefusal('malformed', 'the update writes outside the entries map');
    if (parentSub !== null && !isEntryKey(parentSub)) throw new SyncRefusal('malformed', 'the update uses an entry key of the wrong shape');
    if (parent === null && parentSub === null && struct.origin === null && struct.rightOrigin === null) throw new SyncRefusal('malformed', 'the update has an item with no place');
    if (content instanceof Y.ContentDeleted) continue;
    if (!(content instanceof Y.ContentBinary)) throw new SyncRefusal('malformed', 'the update holds something other than sealed bytes');
    if (content.content.length > MAX_ENTRY_BYTES) throw new SyncRefusal('too-large', `an entry of ${content.content.length} bytes is over the limit of ${MAX_ENTRY_BYTES} bytes`);
  }
}
