/**
 * A deck carried whole in a link: #/shared/<payload>. The payload is the deck file (JSON),
 * compressed with raw DEFLATE (the platform's CompressionStream, so no library) and written
 * in base64url. It lives in the URL fragment, which browsers never send to any server.
 * The first character is the payload version, so the encoding can change without breaking
 * links already handed out.
 *
 * Decoding is an import edge like any file: the length is capped before anything is done,
 * decompression stops at a size cap (a small link must not inflate into gigabytes), and the
 * result goes through the same deck parser as an imported file.
 */
import { deckToJson } from '../export/deck-export.ts';
import type { Deck } from '../deck/types.ts';
import type { ImportedDeck } from '../import/imported-deck.ts';
import { formatBytes } from '../format-bytes.ts';
import { ImportError, importError } from '../import/import-error.ts';
import { parseDeckJsonImport } from '../import/parse-deck-json.ts';

const PAYLOAD_VERSION = '1';
/**
 * The longest payload we create or open, in characters. Links this long still survive email,
 * chat apps and QR-less copy/paste in current browsers; beyond it, a file is the better carrier.
 */
export const MAX_LINK_PAYLOAD_CHARS = 16_000;
/** The most a payload may inflate to. */
export const MAX_LINK_DECK_BYTES = 1024 * 1024;
/** Messages name the link like a file. */
export const SHARED_LINK_SOURCE = 'shared link';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw importError('too-large', SHARED_LINK_SOURCE, `the deck in this link is larger than ${formatBytes(maxBytes)}, the limit for a shared deck.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The result of trying to put a deck in a link. */
export type ShareLinkResult =
  | { readonly ok: true; readonly payload: string }
  | { readonly ok: false; readonly payloadChars: number; readonly maxChars: number };

/** Encodes a deck as a link payload, or says by how much it is too large for a link. */
export async function encodeDeckLink(deck: Deck): Promise<ShareLinkResult> {
  const json = JSON.stringify(JSON.parse(deckToJson(deck)));
  const compressed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const payload = PAYLOAD_VERSION + toBase64Url(compressed);
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) return { ok: false, payloadChars: payload.length, maxChars: MAX_LINK_PAYLOAD_CHARS };
  return { ok: true, payload };
}

/**
 * Decodes a link payload into a previewable deck.
 * @throws ImportError `too-large`, `malformed` or `invalid-deck`, each saying what is wrong with the link
 */
export async function decodeDeckLink(payload: string): Promise<ImportedDeck> {
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
    throw importError('too-large', SHARED_LINK_SOURCE, `the link is ${payload.length} characters long; shared links hold at most ${MAX_LINK_PAYLOAD_CHARS}.`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw importError('malformed', SHARED_LINK_SOURCE, 'the link contains characters a Flipdeck link never has; it may have been cut or changed.');
  if (payload[0] !== PAYLOAD_VERSION) {
    throw importError('malformed', SHARED_LINK_SOURCE, 'this link was made by a newer Flipdeck, or it is not a Flipdeck deck link. Update Flipdeck and open it again.');
  }
  let json: string;
  try {
    const inflated = await pipe(fromBase64Url(payload.slice(1)), new DecompressionStream('deflate-raw'), MAX_LINK_DECK_BYTES);
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw importError('malformed', SHARED_LINK_SOURCE, 'the link is incomplete or damaged (it may have been cut off when it was copied). Ask for the link again.');
  }
  return parseDeckJsonImport(json, SHARED_LINK_SOURCE, 'shared-link');
}
