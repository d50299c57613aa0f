/**
 * "512 B", "1.5 KB", "5 MB", "266 MB", "12 GB": a byte count for messages and the storage panel.
 * Units are binary (1 KB = 1024 B), as browsers report quota. One decimal below 10 of a unit,
 * none above, and a trailing ".0" is dropped, so a limit reads "5 MB" rather than "5.0 MB".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Rounding can carry into the next unit (1023.9 KB -> "1024 KB"); step up instead.
  if (Math.round(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${text} ${units[unit]}`;
}
