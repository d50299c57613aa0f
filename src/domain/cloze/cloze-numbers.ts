/**
 * The card numbers of a cloze text, read with one regular expression: what loading a deck needs
 * to expand a note into its cards. It trusts the text to be well formed, which the build (bundled
 * decks) and the import (everything else) have checked with the full parser (cloze.ts); it is kept
 * apart from that parser so the first screen does not download it.
 *
 * Imports name their `.ts` files because the Vite config loads the deck modules natively.
 */

const OPENER = /\{\{c(\d+(?:,\d+)*)::/g;

/** The cloze numbers in `text`, ascending; empty when it has no deletion. */
export function clozeNumbersOf(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(OPENER)) {
    for (const part of (match[1] ?? '').split(',')) numbers.add(Number(part));
  }
  return [...numbers].sort((a, b) => a - b);
}
