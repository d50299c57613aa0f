import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './bytes';
import { credentialVerifier, deriveSpaceKeys, documentName, entryKey, isCredential, spaceOfDocument } from './keys';
import { createSyncSpace } from './space';

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

describe('space keys', () => {
  it('derive the same credential and names from the same space on every device', async () => {
    const space = createSyncSpace(random);
    const [a, b] = await Promise.all([deriveSpaceKeys(space), deriveSpaceKeys({ ...space })]);
    expect(a.credential).toBe(b.credential);
    expect(await documentName(a, 'events/2026-12')).toBe(await documentName(b, 'events/2026-12'));
    expect(await entryKey(a, '01KBXYZ')).toBe(await entryKey(b, '01KBXYZ'));
  });

  it('keep the encryption key out of reach: non-extractable, and not the credential', async () => {
    const keys = await deriveSpaceKeys(createSyncSpace(random));
    expect(keys.encryptionKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', keys.encryptionKey)).rejects.toThrow();
    expect(isCredential(keys.credential)).toBe(true);
    expect(fromBase64Url(keys.credential)).toHaveLength(32);
    // A key made from the credential does not open what the encryption key sealed.
    const fromCredential = await crypto.subtle.importKey('raw', fromBase64Url(keys.credential) as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.encryptionKey, new Uint8Array([1, 2, 3]));
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, fromCredential, sealed)).rejects.toThrow();
  });

  it('give opaque document names that carry only the space id', async () => {
    const space = createSyncSpace(random);
    const keys = await deriveSpaceKeys(space);
    const names = await Promise.all(['events/2026-11', 'events/2026-12', 'settings'].map((name) => documentName(keys, name)));
    expect(new Set(names).size).toBe(3);
    for (const name of names) {
      expect(spaceOfDocument(name)).toBe(space.spaceId);
      expect(name).not.toMatch(/events|settings|2026/);
    }
    const other = await deriveSpaceKeys(createSyncSpace(random));
    expect(await documentName(other, 'settings')).not.toBe(names[2]);
  });

  it('give a different credential to a different secret with the same id', async () => {
    const space = createSyncSpace(random);
    const other = { spaceId: space.spaceId, secret: createSyncSpace(random).secret };
    expect((await deriveSpaceKeys(space)).credential).not.toBe((await deriveSpaceKeys(other)).credential);
  });

  it('verify a credential by its hash, which is neither the credential nor a key', async () => {
    const keys = await deriveSpaceKeys(createSyncSpace(random));
    const verifier = await credentialVerifier(keys.credential);
    expect(verifier).toBe(await credentialVerifier(keys.credential));
    expect(verifier).not.toBe(keys.credential);
    expect(isCredential('short')).toBe(false);
    expect(spaceOfDocument('../etc/passwd')).toBeNull();
  });
});
