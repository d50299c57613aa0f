/**
 * The media a card may carry, by file extension: images it shows and sounds it plays. Everything
 * else in a package (SVG above all, which runs script when its blob URL is opened on its own) is
 * left out at import and refused in a backup.
 */

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** The formats Anki records and Chromium, Firefox and Safari play (Safari: not OGG/Opus). */
const SOUND_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  webm: 'audio/webm',
};

const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The MIME type of an image a card shows, or undefined for anything else. */
export const imageTypeOf = (name: string): string | undefined => IMAGE_TYPES[extensionOf(name)];

/** The MIME type of a sound a card plays, or undefined for anything else. */
export const soundTypeOf = (name: string): string | undefined => SOUND_TYPES[extensionOf(name)];

/** The MIME type of any media a card may hold, or undefined for a file that is left out. */
export const mediaTypeOf = (name: string): string | undefined => imageTypeOf(name) ?? soundTypeOf(name);

/** Whether a restored file's declared type is one a card may hold: an image other than SVG, or a sound. */
export const isCardMediaType = (mimeType: string): boolean =>
  (mimeType.startsWith('image/') && !mimeType.includes('svg')) || Object.values(SOUND_TYPES).includes(mimeType);
