import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from './bytes';
import { open, seal, SEAL_OVERHEAD_BYTES, SyncCryptoError } from './envelope';
import { deriveSpaceKeys } from './keys';
import { createSyncSpace } from './space';

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const context = { documentName: 'space.doc', entryKey: 'entry-1' };

describe('sealed payloads', () => {
  it('round-trip, with a fresh IV each time and a fixed overhead', async () => {
    const keys = await deriveSpaceKeys(createSyncSpace(random));
    const text = '{"kind":"review","deckId":"secret deck"}';
    const a = await seal(keys, context, utf8(text), random);
    const b = await seal(keys, context, utf8(text), random);
    expect(a).not.toEqual(b);
    expect(a.length).toBe(utf8(text).length + SEAL_OVERHEAD_BYTES);
    expect(fromUtf8(await open(keys, context, a))).toBe(text);
    expect(Buffer.from(a).toString('latin1')).not.toContain('secret deck');
  });

  it('refuse a flipped bit anywhere, with a clear error', async () => {
    const keys = await deriveSpaceKeys(createSyncSpace(random));
    const sealed = await seal(keys, context, utf8('hello'), random);
    for (let i = 1; i < sealed.length; i++) {
      const tampered = sealed.slice();
      tampered[i]! ^= 1;
      const error = await open(keys, context, tampered).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncCryptoError);
      expect((error as SyncCryptoError).code).toBe('tampered');
      expect((error as Error).message).toMatch(/failed its integrity check.*not applied/);
    }
  });

  it('refuse a ciphertext moved to another entry, document or space', async () => {
    const space = createSyncSpace(random);
    const keys = await deriveSpaceKeys(space);
    const sealed = await seal(keys, context, utf8('hello'), random);
    await expect(open(keys, { ...context, entryKey: 'entry-2' }, sealed)).rejects.toThrow(SyncCryptoError);
    await expect(open(keys, { ...context, documentName: 'space.other' }, sealed)).rejects.toThrow(SyncCryptoError);
    const otherKeys = await deriveSpaceKeys(createSyncSpace(random));
    await expect(open(otherKeys, context, sealed)).rejects.toThrow(/another space's key/);
  });

  it('name a truncated or unknown-format payload', async () => {
    const keys = await deriveSpaceKeys(createSyncSpace(random));
    await expect(open(keys, context, new Uint8Array(5))).rejects.toThrow(/too short/);
    const sealed = await seal(keys, context, utf8('hello'), random);
    sealed[0] = 9;
    await expect(open(keys, context, sealed)).rejects.toMatchObject({ code: 'unsupported-version' });
  });
});
