/**
 * Keys of a sync space, all derived from its secret with HKDF-SHA-256 (WebCrypto, so the same
 * code runs in browsers and in Node 20):
 * - an AES-GCM-256 key that encrypts every payload; it never leaves the device;
 * - a server credential, a separate HKDF output, so what the server holds cannot decrypt anything;
 * - an HMAC key that turns logical names (`events/2026-12`, an event id) into opaque ones.
 * The salt is the space id, so two spaces never share a key even if a secret repeated.
 */
import { fromBase64Url, toBase64Url, utf8 } from './bytes.ts';
import type { SyncSpace } from './space.ts';

export interface SpaceKeys {
  readonly spaceId: string;
  /** AES-GCM, non-extractable: encrypt/decrypt only. */
  readonly encryptionKey: CryptoKey;
  /** HMAC-SHA-256, non-extractable: sign only. */
  readonly nameKey: CryptoKey;
  /** What the device shows the server to be admitted to the space (base64url of 32 bytes). */
  readonly credential: string;
}

/** Labels of the HKDF outputs; changing one changes every key made with it. */
const INFO = { encryption: 'flipdeck-sync/v1/encryption', credential: 'flipdeck-sync/v1/server-credential', names: 'flipdeck-sync/v1/names' } as const;

const subtle = () => globalThis.crypto.subtle;

/** Derives the space's keys and credential from its secret. */
export async function deriveSpaceKeys(space: SyncSpace): Promise<SpaceKeys> {
  const base = await subtle().importKey('raw', fromBase64Url(space.secret) as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const hkdf = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: utf8(`flipdeck-sync/v1/${space.spaceId}`), info: utf8(info) });
  const [encryptionKey, nameKey, credentialBits] = await Promise.all([
    subtle().deriveKey(hkdf(INFO.encryption), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    subtle().deriveKey(hkdf(INFO.names), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    subtle().deriveBits(hkdf(INFO.credential), base, 256),
  ]);
  return { spaceId: space.spaceId, encryptionKey, nameKey, credential: toBase64Url(new Uint8Array(credentialBits)) };
}

/** The keyed hash of a label, truncated to `bytes` and spelled base64url. */
async function opaque(keys: SpaceKeys, label: string, bytes: number): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', keys.nameKey, utf8(label)));
  return toBase64Url(mac.subarray(0, bytes));
}

/** Separates the space id from the opaque part of a document name. */
export const DOCUMENT_NAME_SEPARATOR = '.';

/**
 * The name the server knows a document by: the space id (so it can check the credential) and
 * 20 bytes of HMAC of the logical name (so it learns nothing about which month or deck it is).
 */
export async function documentName(keys: SpaceKeys, logicalName: string): Promise<string> {
  return `${keys.spaceId}${DOCUMENT_NAME_SEPARATOR}${await opaque(keys, `document:${logicalName}`, 20)}`;
}

/** The key an entry (an event) has in its document's map: 16 bytes of HMAC of its logical id. */
export async function entryKey(keys: SpaceKeys, logicalId: string): Promise<string> {
  return opaque(keys, `entry:${logicalId}`, 16);
}

/** Whether `value` has the shape of an entry key (22 base64url characters). */
export const isEntryKey = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);

/** Whether `name` is `<spaceId>.<27 base64url characters>`; returns the space id or null. */
export function spaceOfDocument(name: string): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{27}$/.exec(name);
  return match === null ? null : match[1]!;
}

/** The server's verifier of a credential: its SHA-256, base64url. A credential is 256 random bits, so no slow hash is needed. */
export async function credentialVerifier(credential: string): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().digest('SHA-256', utf8(credential))));
}

/** Checks a credential's shape before anything is hashed (32 bytes as base64url). */
export function isCredential(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(value)) return false;
  return fromBase64Url(value).length === 32;
}
