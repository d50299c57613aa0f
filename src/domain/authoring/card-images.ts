/**
 * The rules for an image a student pastes, drops or picks into the card editor: which types are
 * taken, how far it is scaled down, how many bytes it and its deck may hold, and the name it is
 * stored under. Pure: the editor decodes and re-encodes (canvas), storage keeps the bytes, and both
 * ask these functions what is allowed.
 *
 * Budgets, in bytes after scaling down and re-encoding:
 * - one image: at most MAX_CARD_IMAGE_BYTES (1 MB). A 2,000 px photo is about 0.3–0.8 MB as WebP
 *   or JPEG, so only a noisy screenshot kept as PNG gets near it;
 * - one deck: at most MAX_DECK_MEDIA_BYTES (50 MB) of stored media, imported or added, so a deck
 *   stays well inside the storage a browser grants a site and a backup stays a file one can mail.
 */
import { mediaPath } from '../deck/user-deck';

/** The longer side, in CSS pixels, an image is scaled down to when it is larger. */
export const MAX_IMAGE_EDGE_PX = 2_000;
/** Bytes one added image may take once scaled down and re-encoded. */
export const MAX_CARD_IMAGE_BYTES = 1_000_000;
/** Bytes all of a deck's stored media may take together. */
export const MAX_DECK_MEDIA_BYTES = 50_000_000;

/** The image types a card may hold, with the extension each is stored under. Never SVG: it can run script. */
const CARD_IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** Why an image was refused; `message` says what and why, for the student. */
export class CardImageError extends Error {
  constructor(
    readonly reason: 'type' | 'unreadable' | 'too-large' | 'deck-full',
    message: string,
  ) {
    super(message);
    this.name = 'CardImageError';
  }
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Whether `mimeType` is one of the image types a card may hold (PNG, JPEG, GIF, WebP, AVIF). */
export const isCardImageType = (mimeType: string): boolean => mimeType.toLowerCase() in CARD_IMAGE_EXTENSIONS;

/** Throws CardImageError('type') unless `mimeType` is a type a card may hold; `fileName` names it in the message. */
export function checkCardImageType(fileName: string, mimeType: string): void {
  if (isCardImageType(mimeType)) return;
  const what = fileName === '' ? 'This file' : `“${fileName}”`;
  const kind = mimeType.includes('svg') ? 'an SVG image, which can carry script' : mimeType === '' ? 'of an unknown type' : `a ${mimeType} file`;
  throw new CardImageError('type', `${what} was not added: it is ${kind}. A card can hold PNG, JPEG, GIF, WebP or AVIF images.`);
}

/** The size an image of `widthPx` × `heightPx` is stored at: its longer side at most MAX_IMAGE_EDGE_PX, aspect kept. */
export function targetImageSize(widthPx: number, heightPx: number, maxEdgePx = MAX_IMAGE_EDGE_PX): { widthPx: number; heightPx: number; isScaled: boolean } {
  if (!(widthPx > 0) || !(heightPx > 0)) throw new CardImageError('unreadable', 'The image has no size, so it could not be read.');
  const longer = Math.max(widthPx, heightPx);
  if (longer <= maxEdgePx) return { widthPx, heightPx, isScaled: false };
  const scale = maxEdgePx / longer;
  return {
    widthPx: Math.max(1, Math.round(widthPx * scale)),
    heightPx: Math.max(1, Math.round(heightPx * scale)),
    isScaled: true,
  };
}

/**
 * The type a scaled-down image is re-encoded as: its own where canvases write it (PNG, JPEG,
 * WebP), PNG otherwise (a GIF loses its animation, AVIF has no encoder in browsers).
 */
export const reencodeTypeOf = (mimeType: string): string => (['image/png', 'image/jpeg', 'image/webp'].includes(mimeType) ? mimeType : 'image/png');

/**
 * Throws CardImageError unless an image of `byteLength` bytes fits the budgets: the one-image
 * limit, and the deck's limit given `deckBytes` already stored for it.
 */
export function checkImageBudget(fileName: string, byteLength: number, deckBytes: number): void {
  const what = fileName === '' ? 'The image' : `“${fileName}”`;
  if (byteLength > MAX_CARD_IMAGE_BYTES) {
    throw new CardImageError(
      'too-large',
      `${what} was not added: it is ${megabytes(byteLength)} even after scaling it down to ${MAX_IMAGE_EDGE_PX.toLocaleString('en')} px, and an image may take ${megabytes(MAX_CARD_IMAGE_BYTES)}. Crop it or save it as JPEG or WebP, then add it again.`,
    );
  }
  if (deckBytes + byteLength > MAX_DECK_MEDIA_BYTES) {
    throw new CardImageError(
      'deck-full',
      `${what} was not added: this deck's images already take ${megabytes(deckBytes)}, and a deck may hold ${megabytes(MAX_DECK_MEDIA_BYTES)}. Delete cards with images you no longer need, or start another deck.`,
    );
  }
}

/** Longest stem kept from the original file name, in characters. */
const MAX_STEM_LENGTH = 40;

/**
 * A stored file name for an image of `mimeType` called `wanted`, unlike every name in `taken`:
 * lower-case letters, digits and dashes, the extension of its (possibly re-encoded) type, and
 * "-2", "-3"… when the name is taken. A pasted screenshot has no name: it becomes "image".
 */
export function uniqueImageName(wanted: string, mimeType: string, taken: ReadonlySet<string>): string {
  const extension = CARD_IMAGE_EXTENSIONS[mimeType.toLowerCase()];
  if (extension === undefined) throw new CardImageError('type', `A card cannot hold a ${mimeType} file.`);
  const stem =
    wanted
      .replace(/\.[a-z0-9]+$/i, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_STEM_LENGTH)
      .replace(/-+$/, '') || 'image';
  const takenLower = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${stem}.${extension}` : `${stem}-${n}.${extension}`;
    if (!takenLower.has(name)) return name;
  }
}

/** The Markdown a card uses to show stored image `name`; `alt` is its text for screen readers. */
export function imageMarkdown(name: string, alt: string): string {
  const safeAlt = alt.replace(/[[\]\\]/g, ' ').replace(/\s+/g, ' ').trim();
  return `![${safeAlt}](${mediaPath(name)})`;
}
