/**
 * Turns a deck link into a QR code the share panel can draw and offer as a file. Only SharePanel
 * imports it, and ShareDeck fetches SharePanel with `import()` the first time the panel opens, so
 * the QR encoder is never in the first-load bundle.
 */
import { encode } from 'uqr';

/** A QR code as SVG: a square of `sizeModules` modules, quiet zone included. */
export interface QrCode {
  readonly sizeModules: number;
  /** Path data for the dark modules, one module = 1 user unit. */
  readonly pathData: string;
  /** The accessible name, on the page and in the file's <title>. */
  readonly label: string;
  /** A `data:` URL of a standalone SVG file, for a download link. */
  readonly fileHref: string;
  readonly fileName: string;
}

// ECC level M survives a photo of a projected slide better than the default L, and the spec's
// 4-module quiet zone lets a phone find the code on a busy slide.
const ECC = 'M';
const QUIET_ZONE_MODULES = 4;
// Pixels per module in the downloaded file's width/height: big enough to open and print sharply.
const FILE_PX_PER_MODULE = 8;

/** Path data drawing each horizontal run of dark modules as one rectangle. */
export function darkModulesPath(modules: readonly (readonly boolean[])[]): string {
  let path = '';
  modules.forEach((row, y) => {
    let runStart = -1;
    for (let x = 0; x <= row.length; x += 1) {
      const isDark = x < row.length && row[x] === true;
      if (isDark && runStart < 0) runStart = x;
      if (!isDark && runStart >= 0) {
        path += `M${runStart} ${y}h${x - runStart}v1h${runStart - x}z`;
        runStart = -1;
      }
    }
  });
  return path;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** A standalone SVG document: black on white whatever the page theme, so any scanner reads it. */
export function qrSvgFile(sizeModules: number, pathData: string, label: string): string {
  const px = sizeModules * FILE_PX_PER_MODULE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sizeModules} ${sizeModules}" width="${px}" height="${px}" shape-rendering="crispEdges" role="img">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect width="${sizeModules}" height="${sizeModules}" fill="#fff"/><path d="${pathData}" fill="#000"/></svg>`
  );
}

/** A file name from a title, e.g. "C3: Containers" → "c3-containers-qr.svg". */
export function qrFileName(title: string): string {
  // NFKD splits "é" into "e" + a combining accent, which the dash rule then drops.
  const slug = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'flipdeck'}-qr.svg`;
}

/** The QR code for the link `url` to the deck `deckTitle`. Throws if `url` is too long for a QR code. */
export function makeQrCode(url: string, deckTitle: string): QrCode {
  const { size, data } = encode(url, { ecc: ECC, border: QUIET_ZONE_MODULES });
  const pathData = darkModulesPath(data);
  const label = `QR code for the link to ${deckTitle}`;
  return {
    sizeModules: size,
    pathData,
    label,
    fileHref: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvgFile(size, pathData, label))}`,
    fileName: qrFileName(deckTitle),
  };
}

/** `makeQrCode`, or null (logged) when the link cannot be encoded: the panel then offers the link alone. */
export function tryMakeQrCode(url: string, deckTitle: string): QrCode | null {
  try {
    return makeQrCode(url, deckTitle);
  } catch (error) {
    console.error('The QR code could not be made', error);
    return null;
  }
}
