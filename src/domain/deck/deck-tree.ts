/**
 * The deck tree: decks grouped under the deck their `parent` field names (Anki's "Course::Week 1"
 * is the deck "Week 1" with parent "Course"). Studying a deck includes its subdecks' cards.
 *
 * The rules, checked over the whole library because no single deck file can see them:
 *   - the parent must be a deck that exists (bundled decks: another bundled deck);
 *   - no cycles (a deck cannot be, through its parents, its own subdeck);
 *   - a deck without cards of its own must have a subdeck (it exists only to group them).
 * A deck that breaks one is listed at the top level with the problem, never hidden, so a broken
 * link costs nobody their deck. The build refuses bundled decks that break one.
 */
import type { DeckId } from '../ids.ts';

export interface TreeDeck {
  readonly id: DeckId;
  readonly parent?: DeckId;
  readonly cardCount: number;
}

export interface DeckTreeProblem {
  readonly deckId: DeckId;
  readonly message: string;
}

export interface DeckTree {
  /** Top-level decks, in the order given. */
  readonly roots: readonly DeckId[];
  /** Each deck's subdecks, in the order given. */
  readonly children: ReadonlyMap<DeckId, readonly DeckId[]>;
  /** The parent of every deck whose link is valid. */
  readonly parentOf: ReadonlyMap<DeckId, DeckId>;
  readonly problems: readonly DeckTreeProblem[];
}

/** Groups `decks` by their parent links, keeping the given order; broken links become problems. */
export function buildDeckTree(decks: readonly TreeDeck[]): DeckTree {
  const ids = new Set(decks.map((deck) => deck.id));
  const problems: DeckTreeProblem[] = [];
  const parentOf = new Map<DeckId, DeckId>();
  for (const deck of decks) {
    if (deck.parent === undefined) continue;
    if (!ids.has(deck.parent)) problems.push({ deckId: deck.id, message: `its parent deck "${deck.parent}" does not exist; it is listed at the top level` });
    else parentOf.set(deck.id, deck.parent);
  }
  // A deck whose chain of parents comes back to it is on a cycle: cut every link of the cycle.
  const onCycle = new Set<DeckId>();
  for (const deck of decks) {
    const seen = new Set<DeckId>([deck.id]);
    for (let at = parentOf.get(deck.id); at !== undefined; at = parentOf.get(at)) {
      if (at === deck.id) {
        onCycle.add(deck.id);
        break;
      }
      if (seen.has(at)) break;
      seen.add(at);
    }
  }
  for (const id of onCycle) {
    parentOf.delete(id);
    problems.push({ deckId: id, message: 'its parent links form a cycle (it would be its own subdeck); it is listed at the top level' });
  }
  const children = new Map<DeckId, DeckId[]>();
  const roots: DeckId[] = [];
  for (const deck of decks) {
    const parent = parentOf.get(deck.id);
    if (parent === undefined) roots.push(deck.id);
    else children.set(parent, [...(children.get(parent) ?? []), deck.id]);
  }
  for (const deck of decks) {
    if (deck.cardCount === 0 && !children.has(deck.id)) problems.push({ deckId: deck.id, message: 'it has no cards and no subdecks' });
  }
  return { roots, children, parentOf, problems };
}

/** The deck and all its subdecks, depth first: what studying it includes. */
export function deckFamily(tree: DeckTree, id: DeckId): DeckId[] {
  const family: DeckId[] = [];
  const visit = (at: DeckId) => {
    family.push(at);
    for (const child of tree.children.get(at) ?? []) visit(child);
  };
  visit(id);
  return family;
}

/** The decks above `id`, nearest first. */
export function deckAncestors(tree: DeckTree, id: DeckId): DeckId[] {
  const ancestors: DeckId[] = [];
  for (let at = tree.parentOf.get(id); at !== undefined; at = tree.parentOf.get(at)) ancestors.push(at);
  return ancestors;
}

/**
 * The decks that may become `deckId`'s parent: every deck but itself and its subdecks (through
 * any depth), since choosing one of those would make the deck its own subdeck. For a deck not yet
 * created (`deckId` null) every deck may. Order is that of `decks`.
 */
export function parentCandidates(decks: readonly Pick<TreeDeck, 'id' | 'parent'>[], deckId: DeckId | null): DeckId[] {
  if (deckId === null) return decks.map((deck) => deck.id);
  const children = new Map<DeckId, DeckId[]>();
  for (const deck of decks) if (deck.parent !== undefined) children.set(deck.parent, [...(children.get(deck.parent) ?? []), deck.id]);
  const excluded = new Set<DeckId>();
  const stack = [deckId];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (excluded.has(at)) continue;
    excluded.add(at);
    stack.push(...(children.get(at) ?? []));
  }
  return decks.filter((deck) => !excluded.has(deck.id)).map((deck) => deck.id);
}
