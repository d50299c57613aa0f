/**
 * Sealed payloads: AES-GCM with a fresh 96-bit IV, and additional data that binds the ciphertext
 * to its document and entry key. A ciphertext copied to another entry, another document or
 * another space, or changed by one bit, fails to open with a SyncCryptoError.
 *
 * Layout: [version 1][12-byte IV][ciphertext and 16-byte tag].
 */
import { FlipdeckError } from '../errors.ts';
import { utf8 } from './bytes.ts';
import type { SpaceKeys } from './keys.ts';
import type { RandomBytes } from './space.ts';

const VERSION = 1;
const IV_BYTES = 12;
/** Bytes a sealed payload adds to its plaintext: version, IV and tag. */
export const SEAL_OVERHEAD_BYTES = 1 + IV_BYTES + 16;

export type SyncCryptoCode = 'tampered' | 'unsupported-version';

export class SyncCryptoError extends FlipdeckError<SyncCryptoCode> {}

/** Where a payload belongs; both parts are authenticated, neither is secret. */
export interface SealContext {
  readonly documentName: string;
  readonly entryKey: string;
}

const additionalData = (context: SealContext) => utf8(`flipdeck-sync/v1|${context.documentName}|${context.entryKey}`);

/** Encrypts `plaintext` for its place; `randomBytes` supplies the IV. */
export async function seal(keys: SpaceKeys, context: SealContext, plaintext: Uint8Array, randomBytes: RandomBytes): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES) as Uint8Array<ArrayBuffer>;
  const ciphertext = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(context) }, keys.encryptionKey, plaintext as Uint8Array<ArrayBuffer>),
  );
  const out = new Uint8Array(1 + IV_BYTES + ciphertext.length);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(ciphertext, 1 + IV_BYTES);
  return out;
}

/** Decrypts a sealed payload, refusing one that was changed, moved or made with another key. */
export async function open(keys: SpaceKeys, context: SealContext, sealed: Uint8Array): Promise<Uint8Array> {
  if (sealed.length < SEAL_OVERHEAD_BYTES) throw new SyncCryptoError('tampered', `A synced entry in ${context.documentName} is ${sealed.length} bytes, too short to be sealed.`);
  if (sealed[0] !== VERSION) throw new SyncCryptoError('unsupported-version', `A synced entry was sealed with format ${sealed[0]}, which this version of Flipdeck does not know. Update the app.`);
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, 1 + IV_BYTES), additionalData: additionalData(context) },
      keys.encryptionKey,
      sealed.slice(1 + IV_BYTES),
    );
    return new Uint8Array(plaintext);
  } catch (error) {
    throw new SyncCryptoError('tampered', `A synced entry in ${context.documentName} failed its integrity check: it was changed, moved, or sealed with another space's key. It was not applied.`, { cause: error });
  }
}
