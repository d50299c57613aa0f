/**
 * Which of the user's decks an Anki package updates. Anki identifies a note by its guid, and a
 * newer export of the same deck keeps every guid whatever the file is called (update1.apkg,
 * update2.apkg) or whatever its deck is named. Imported Anki card ids are
 * `anki-<guid slug>-<template or cloze ordinal>`, so the deck that shares the most notes with
 * the package is the one it updates; cards then match by (note, ordinal) through their ids,
 * and progress, keyed by card id, stays with them.
 */
import { isUserDeckId, portableDeckId } from '../deck/user-deck.ts';
import type { Deck } from '../deck/types.ts';
import { familyCards, type ImportedDeck } from './imported-deck.ts';
import { buildDeckTree, deckFamily } from '../deck/deck-tree.ts';

/** The note part of an Anki card id: `anki-<guid slug>` (guid slugs never contain "-"). */
function noteKey(cardId: string): string | undefined {
  if (!cardId.startsWith('anki-')) return undefined;
  const end = cardId.indexOf('-', 'anki-'.length);
  return end === -1 ? cardId : cardId.slice(0, end);
}

const noteKeys = (cards: readonly Deck['cards'][number][]): Set<string> => new Set(cards.map((card) => noteKey(card.id)).filter((key) => key !== undefined));

/**
 * The import retargeted at the user deck whose family (the deck and its subdecks) shares the most
 * of its notes, its subdecks' included, keeping that deck's id and title; or the import unchanged
 * when no family shares at least half the notes of the smaller of the two (a stray shared note
 * does not merge two decks). A deck imported whole before subdecks existed is such a family too,
 * so a newer export that splits into subdecks updates it.
 */
export function retargetAnkiImport(imported: ImportedDeck, decks: Iterable<Pick<Deck, 'id' | 'title' | 'cards' | 'parent'>>): ImportedDeck {
  const incoming = noteKeys(familyCards(imported));
  if (incoming.size === 0) return imported;
  const userDecks = [...decks].filter((deck) => isUserDeckId(deck.id));
  const tree = buildDeckTree(userDecks.map((deck) => ({ id: deck.id, cardCount: deck.cards.length, ...(deck.parent === undefined ? {} : { parent: deck.parent }) })));
  const byId = new Map(userDecks.map((deck) => [deck.id, deck]));
  let best: { readonly deck: Pick<Deck, 'id' | 'title'>; readonly shared: number } | undefined;
  for (const rootId of tree.roots) {
    const root = byId.get(rootId)!;
    const existing = noteKeys(deckFamily(tree, rootId).flatMap((id) => byId.get(id)?.cards ?? []));
    let shared = 0;
    for (const key of incoming) if (existing.has(key)) shared += 1;
    const isEnough = shared > 0 && shared * 2 >= Math.min(incoming.size, existing.size);
    if (isEnough && (best === undefined || shared > best.shared)) best = { deck: root, shared };
  }
  if (best === undefined || portableDeckId(best.deck.id) === imported.slug) return imported;
  return { ...imported, slug: portableDeckId(best.deck.id), title: best.deck.title };
}
