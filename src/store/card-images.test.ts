import { describe, expect, it } from 'vitest';
import { CardImageError, MAX_CARD_IMAGE_BYTES } from '../domain/authoring/card-images';
import { seededBytes } from '../domain/events/test-events';
import { testStorage } from '../storage/test-fixtures';
import { createStudyStore } from './study-store';
import { NOON } from './store-test-harness';

async function harness() {
  const storage = await testStorage({}, { isPersistent: true });
  const store = createStudyStore({
    openRepository: async () => storage.opened,
    deckSource: { listDecks: async () => [], loadDeck: async (listing) => Promise.reject(new Error(`no bundled deck ${listing.id}`)) },
    clock: () => NOON,
    randomBytes: seededBytes(3),
  });
  await store.getState().hydrate();
  return { store, storage };
}

const png = (byteLength: number, fill = 1) => ({ fileName: 'diagram.png', mimeType: 'image/png', bytes: new Uint8Array(byteLength).fill(fill) });

describe('images added in the card editor', () => {
  it('stores an image with the deck, listed with its media under a unique name, and deleting the deck deletes it', async () => {
    const { store } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const first = await store.getState().addCardImage(deckId, png(10, 7));
    const second = await store.getState().addCardImage(deckId, png(20, 9));
    expect([first.name, second.name]).toEqual(['diagram.png', 'diagram-2.png']);

    const listed = await store.getState().loadDeckMedia(deckId);
    expect(listed.map((file) => [file.name, file.mimeType, file.bytes.byteLength, file.bytes[0]])).toEqual([
      ['diagram-2.png', 'image/png', 20, 9],
      ['diagram.png', 'image/png', 10, 7],
    ]);

    await store.getState().deleteUserDeck(deckId);
    expect(await store.getState().loadDeckMedia(deckId)).toEqual([]);
  });

  it('refuses SVG and an image over the budget with a message, storing nothing', async () => {
    const { store } = await harness();
    const deckId = await store.getState().createAuthoredDeck('Networks', '');
    const svg = store.getState().addCardImage(deckId, { fileName: 'logo.svg', mimeType: 'image/svg+xml', bytes: new Uint8Array(5) });
    await expect(svg).rejects.toThrow(CardImageError);
    await expect(svg).rejects.toThrow(/SVG image, which can carry script/);
    await expect(store.getState().addCardImage(deckId, png(MAX_CARD_IMAGE_BYTES + 1))).rejects.toThrow(/an image may take 1 MB/);
    expect(await store.getState().loadDeckMedia(deckId)).toEqual([]);
  });
});
