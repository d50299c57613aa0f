/**
 * Card order that merges: each card has a numeric position, and a deck's cards are shown by
 * (position, card id). Putting a card between two others takes the midpoint, so a reorder is one
 * event about one card, and two devices that reorder at once still agree on one order (equal
 * positions fall back to the card id). A double has 52 bits of fraction: about 50 inserts in a row
 * at the same spot before a midpoint equals a neighbour; `positionBetween` then says so and the
 * caller renumbers the deck (`renumbered`).
 */

/** A position strictly between `before` and `after` (null: the start or the end of the deck), or null when none is left. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : null;
}

/** Fresh whole-number positions for cards in their current order, for when midpoints have run out. */
export function renumbered<T>(items: readonly T[]): { readonly item: T; readonly position: number }[] {
  return items.map((item, index) => ({ item, position: index }));
}

/** Compares two cards by position, then by id (string order), so every device sorts them alike. */
export function comparePositioned(a: { readonly position: number; readonly id: string }, b: { readonly position: number; readonly id: string }): number {
  if (a.position !== b.position) return a.position - b.position;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
