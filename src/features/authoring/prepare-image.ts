/**
 * Turns a pasted, dropped or picked file into the bytes a card stores: checked against the types a
 * card may hold, decoded, scaled down to MAX_IMAGE_EDGE_PX on its longer side through a canvas,
 * and re-encoded when that makes it fit the byte budget. The rules are the domain's
 * (card-images.ts); this is only the browser's part. A file that needs no change keeps its bytes
 * (a small animated GIF stays animated).
 */
import { CardImageError, MAX_CARD_IMAGE_BYTES, checkCardImageType, reencodeTypeOf, targetImageSize } from '../../domain/authoring/card-images';
import type { CardImageUpload } from '../../store/authoring-slice';

/** An image ready to store, with its size in pixels before and after scaling. */
export interface PreparedImage extends CardImageUpload {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly originalWidthPx: number;
  readonly originalHeightPx: number;
}

/** Quality for the lossy encoders (JPEG, WebP), 0–1: no visible loss on a photo or a slide. */
const LOSSY_QUALITY = 0.9;

const canvasBlob = (canvas: HTMLCanvasElement, type: string): Promise<Blob | null> => new Promise((resolve) => canvas.toBlob(resolve, type, LOSSY_QUALITY));

/** Decodes, scales down and re-encodes `file` (named `fileName`, empty when pasted). Throws CardImageError with the student's message. */
export async function prepareCardImage(file: Blob, fileName: string): Promise<PreparedImage> {
  checkCardImageType(fileName, file.type);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new CardImageError('unreadable', `${fileName === '' ? 'The image' : `“${fileName}”`} was not added: this browser could not read it as a ${file.type.replace('image/', '').toUpperCase()} image. It may be damaged; try saving it again.`);
  }
  try {
    const original = { originalWidthPx: bitmap.width, originalHeightPx: bitmap.height };
    const target = targetImageSize(bitmap.width, bitmap.height);
    const isOverBudget = file.size > MAX_CARD_IMAGE_BYTES;
    if (!target.isScaled && (!isOverBudget || file.type === 'image/gif')) {
      return { fileName, mimeType: file.type, bytes: new Uint8Array(await file.arrayBuffer()), widthPx: bitmap.width, heightPx: bitmap.height, ...original };
    }
    const canvas = document.createElement('canvas');
    canvas.width = target.widthPx;
    canvas.height = target.heightPx;
    const context = canvas.getContext('2d');
    if (context === null) throw new CardImageError('unreadable', 'This browser could not scale the image down, so it was not added.');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, target.widthPx, target.heightPx);
    let encoded = await canvasBlob(canvas, reencodeTypeOf(file.type));
    // A photo kept as PNG is often several MB at 2,000 px; WebP keeps it sharp at a fraction. A
    // browser without a WebP encoder returns PNG again, which the type check below sees.
    if (encoded !== null && encoded.size > MAX_CARD_IMAGE_BYTES && encoded.type !== 'image/webp') {
      const webp = await canvasBlob(canvas, 'image/webp');
      if (webp !== null && webp.type === 'image/webp' && webp.size < encoded.size) encoded = webp;
    }
    if (encoded === null) throw new CardImageError('unreadable', 'This browser could not scale the image down, so it was not added.');
    return { fileName, mimeType: encoded.type, bytes: new Uint8Array(await encoded.arrayBuffer()), widthPx: target.widthPx, heightPx: target.heightPx, ...original };
  } finally {
    bitmap.close();
  }
}
