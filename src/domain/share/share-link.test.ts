import { describe, expect, it } from 'vitest';
import { userDeckId } from '../deck/user-deck';
import type { Deck } from '../deck/types';
import { asCardId } from '../ids';
import { ImportError } from '../import/import-error';
import { decodeDeckLink, encodeDeckLink, MAX_LINK_PAYLOAD_CHARS } from './share-link';

const deck = (cardCount: number, text = (i: number) => `Question ${i} — ünïcode ✓`): Deck => ({
  schemaVersion: 1,
  id: userDeckId('lecture-3'),
  title: 'Lecture 3',
  description: 'For the class',
  cards: Array.from({ length: cardCount }, (_, i) => ({ id: asCardId(`c${i}`), front: text(i), back: `Answer **${i}**\n\n- a\n- b`, tags: i === 0 ? ['t'] : [] })),
});

async function failure(payload: string): Promise<ImportError> {
  const error: unknown = await decodeDeckLink(payload).then(
    () => new Error('expected an ImportError'),
    (e: unknown) => e,
  );
  if (error instanceof ImportError) return error;
  throw error;
}

describe('share links', () => {
  it('round-trip a deck through a URL-safe payload', async () => {
    const original = deck(30);
    const result = await encodeDeckLink(original);
    if (!result.ok) throw new Error('expected a link');
    expect(result.payload).toMatch(/^1[A-Za-z0-9_-]+$/);
    const decoded = await decodeDeckLink(result.payload);
    expect(decoded).toMatchObject({ slug: 'lecture-3', title: 'Lecture 3', description: 'For the class', origin: 'shared-link' });
    expect(decoded.cards).toEqual(original.cards);
  });

  it('say how large a deck is when it does not fit in a link', async () => {
    // Random-looking text does not compress, so this deck cannot fit.
    const noisy = deck(400, (i) => `${i} ${Math.sin(i).toString(36)}${Math.cos(i * 7).toString(36)}${Math.tan(i * 3).toString(36)}`);
    const result = await encodeDeckLink(noisy);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.maxChars).toBe(MAX_LINK_PAYLOAD_CHARS);
      expect(result.payloadChars).toBeGreaterThan(MAX_LINK_PAYLOAD_CHARS);
    }
  });

  it('explain cut-off, tampered, foreign and oversized links', async () => {
    const result = await encodeDeckLink(deck(5));
    if (!result.ok) throw new Error('expected a link');
    expect((await failure(result.payload.slice(0, result.payload.length / 2))).message).toMatch(/shared link: the link is incomplete or damaged/);
    expect((await failure('1AAAA$$')).code).toBe('malformed');
    expect((await failure(`9${result.payload.slice(1)}`)).message).toMatch(/made by a newer Flipdeck/);
    expect((await failure('1'.repeat(MAX_LINK_PAYLOAD_CHARS + 1))).code).toBe('too-large');
  });

  it('stop inflating a small link that would expand past the size cap', async () => {
    const bomb = new Blob([new Uint8Array(8 * 1024 * 1024)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const compressed = new Uint8Array(await new Response(bomb).arrayBuffer());
    const payload = `1${btoa(String.fromCharCode(...compressed)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
    expect(payload.length).toBeLessThan(MAX_LINK_PAYLOAD_CHARS);
    expect((await failure(payload)).message).toMatch(/larger than 1 MB/);
  });

  it('run the decoded deck through the deck rules', async () => {
    const bad = { ...deck(1), cards: [{ id: asCardId('bad id!'), front: 'q', back: 'a', tags: [] }] };
    const result = await encodeDeckLink(bad);
    if (!result.ok) throw new Error('expected a link');
    expect((await failure(result.payload)).message).toMatch(/shared link: card 1 \(id "bad id!"\): field "id" must start with a letter or digit/);
  });
});
