/**
 * The "link another device" QR code. The link carries the space's secret in its fragment, so the
 * code is drawn on the page only and never offered as a file.
 */
import { encode } from 'uqr';

export interface SyncQr {
  readonly sizeModules: number;
  readonly pathData: string;
}

/** The QR code of `url`, or null when it cannot be encoded (the link is shown alone). */
export function syncQr(url: string): SyncQr | null {
  try {
    const { size, data } = encode(url, { ecc: 'M', border: 4 });
    let path = '';
    data.forEach((row, y) => {
      let start = -1;
      for (let x = 0; x <= row.length; x += 1) {
        const isDark = x < row.length && row[x] === true;
        if (isDark && start < 0) start = x;
        if (!isDark && start >= 0) {
          path += `M${start} ${y}h${x - start}v1h${start - x}z`;
          start = -1;
        }
      }
    });
    return { sizeModules: size, pathData: path };
  } catch {
    return null;
  }
}
