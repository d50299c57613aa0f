/** Display text for the statistics and the card browser, shared by both screens. */
import type { PassCount } from './retention';

/** "Mon, 30 Nov" in the reader's locale, for a day start or a due time in epoch ms. */
export function formatDay(atMs: number): string {
  return new Date(atMs).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "Dec 2025" in the reader's locale. */
export function formatMonth(atMs: number): string {
  return new Date(atMs).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}

/** "92.3% (24 of 26)", or "No reviews" when there is nothing to judge by. */
export function formatPassRate({ passed, total }: PassCount): string {
  if (total === 0) return 'No reviews';
  return `${((passed / total) * 100).toFixed(1)}% (${passed} of ${total})`;
}

/** A duration in ms as "45 s", "4 min 5 s" or "1 h 2 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1 card", "3 cards": a count with its noun (pass the plural when it is not noun + "s"). */
export function plural(count: number, noun: string, nounPlural = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : nounPlural}`;
}
