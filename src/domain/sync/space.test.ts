import { describe, expect, it } from 'vitest';
import { createSyncSpace, parseSyncLink, parseSyncSpace, syncLinkHash } from './space';

const seeded = (seed: number) => (length: number) => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) % 256);

describe('sync space', () => {
  it('is a 16-byte id and a 32-byte secret, fresh from the random source', () => {
    const space = createSyncSpace(seeded(1));
    expect(space.spaceId).toHaveLength(22);
    expect(space.secret).toHaveLength(43);
    expect(createSyncSpace(seeded(2))).not.toEqual(space);
  });

  it('travels in the fragment of a link and comes back whole', () => {
    const space = createSyncSpace((length) => crypto.getRandomValues(new Uint8Array(length)));
    const link = `https://flipdeck.example/app/${syncLinkHash(space)}`;
    const url = new URL(link);
    expect(url.pathname).toBe('/app/');
    expect(url.search).toBe('');
    expect(parseSyncLink(url.hash)).toEqual(space);
    expect(parseSyncLink(url.hash.slice(1))).toEqual(space);
  });

  it('names what is wrong with a damaged link', () => {
    const { spaceId, secret } = createSyncSpace(seeded(3));
    expect(() => parseSyncLink('#/shared/abc')).toThrow(/not a Flipdeck sync link/);
    expect(() => parseSyncLink(`#/sync/${spaceId}`)).toThrow(/two parts/);
    expect(() => parseSyncLink(`#/sync/${spaceId}.${secret.slice(0, 40)}`)).toThrow(/secret.*cut short/);
    expect(() => parseSyncSpace(`${spaceId}x.${secret}`)).toThrow(/space id/);
    expect(() => parseSyncSpace(`${spaceId}.${secret}.extra`)).toThrow(/two parts/);
  });
});
