import { describe, expect, it } from 'vitest';
import {
  CardImageError,
  MAX_CARD_IMAGE_BYTES,
  MAX_DECK_MEDIA_BYTES,
  checkCardImageType,
  checkImageBudget,
  imageMarkdown,
  isCardImageType,
  reencodeTypeOf,
  targetImageSize,
  uniqueImageName,
} from './card-images';

const reasonOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof CardImageError ? error.reason : 'other';
  }
};

describe('card image types', () => {
  it('takes PNG, JPEG, GIF, WebP and AVIF', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']) expect(isCardImageType(type)).toBe(true);
  });

  it('refuses SVG with a message that says why, and any other file', () => {
    expect(() => checkCardImageType('logo.svg', 'image/svg+xml')).toThrow(/“logo\.svg” was not added: it is an SVG image, which can carry script\. A card can hold PNG, JPEG, GIF, WebP or AVIF/);
    expect(reasonOf(() => checkCardImageType('notes.pdf', 'application/pdf'))).toBe('type');
    expect(reasonOf(() => checkCardImageType('x.bmp', 'image/bmp'))).toBe('type');
    expect(reasonOf(() => checkCardImageType('', ''))).toBe('type');
  });
});

describe('scaling down', () => {
  it('brings a 3000 × 1500 image to 2000 × 1000', () => {
    expect(targetImageSize(3000, 1500)).toEqual({ widthPx: 2000, heightPx: 1000, isScaled: true });
  });

  it('scales by the longer side, portrait too, keeping at least 1 px', () => {
    expect(targetImageSize(1200, 4800)).toEqual({ widthPx: 500, heightPx: 2000, isScaled: true });
    expect(targetImageSize(10_000, 1)).toEqual({ widthPx: 2000, heightPx: 1, isScaled: true });
  });

  it('leaves an image of 2000 px or less as it is', () => {
    expect(targetImageSize(2000, 2000)).toEqual({ widthPx: 2000, heightPx: 2000, isScaled: false });
    expect(targetImageSize(640, 480).isScaled).toBe(false);
  });

  it('refuses an image without a size', () => {
    expect(reasonOf(() => targetImageSize(0, 100))).toBe('unreadable');
    expect(reasonOf(() => targetImageSize(Number.NaN, 100))).toBe('unreadable');
  });

  it('re-encodes a scaled GIF or AVIF as PNG, and keeps PNG, JPEG and WebP', () => {
    expect(reencodeTypeOf('image/gif')).toBe('image/png');
    expect(reencodeTypeOf('image/avif')).toBe('image/png');
    expect(reencodeTypeOf('image/jpeg')).toBe('image/jpeg');
    expect(reencodeTypeOf('image/webp')).toBe('image/webp');
  });
});

describe('size budgets', () => {
  it('takes an image up to 1 MB into a deck with room', () => {
    expect(() => checkImageBudget('a.png', MAX_CARD_IMAGE_BYTES, 0)).not.toThrow();
  });

  it('refuses an image over 1 MB, saying how large it is and what to do', () => {
    expect(() => checkImageBudget('photo.png', 1_500_000, 0)).toThrow(/“photo\.png” was not added: it is 1\.5 MB even after scaling it down to 2,000 px, and an image may take 1 MB\. Crop it/);
  });

  it('refuses an image that would take the deck over its total', () => {
    expect(() => checkImageBudget('a.png', 600_000, MAX_DECK_MEDIA_BYTES - 500_000)).toThrow(/this deck's images already take 49\.5 MB, and a deck may hold 50 MB/);
    expect(() => checkImageBudget('a.png', 500_000, MAX_DECK_MEDIA_BYTES - 500_000)).not.toThrow();
  });
});

describe('stored names', () => {
  it('keeps a safe stem of the file name with the extension of its type', () => {
    expect(uniqueImageName('Café Diagram (v2).PNG', 'image/png', new Set())).toBe('cafe-diagram-v2.png');
    expect(uniqueImageName('photo.jpeg', 'image/jpeg', new Set())).toBe('photo.jpg');
  });

  it('takes the extension of the re-encoded type, not of the original name', () => {
    expect(uniqueImageName('anim.gif', 'image/png', new Set())).toBe('anim.png');
  });

  it('names a pasted image without a name "image", and never reaches outside media/', () => {
    expect(uniqueImageName('', 'image/png', new Set())).toBe('image.png');
    expect(uniqueImageName('../../etc/passwd', 'image/png', new Set())).toBe('etc-passwd.png');
    expect(uniqueImageName('图片.png', 'image/png', new Set())).toBe('image.png');
  });

  it('numbers a name that is taken, ignoring case', () => {
    expect(uniqueImageName('image.png', 'image/png', new Set(['image.png', 'IMAGE-2.png']))).toBe('image-3.png');
  });

  it('refuses a type a card cannot hold', () => {
    expect(reasonOf(() => uniqueImageName('x.svg', 'image/svg+xml', new Set()))).toBe('type');
  });

  it('writes the Markdown reference with a harmless alt text', () => {
    expect(imageMarkdown('image-2.png', 'A [graph]\nof x')).toBe('![A graph of x](media/image-2.png)');
  });
});
