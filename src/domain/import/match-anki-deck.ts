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
import type { ImportedDeck } from './imported-deck.ts';

/** The note part of an Anki card id: `anki-<guid slug>` (guid slugs never contain "-"). */
function noteKey(cardId: string): string | undefined {
  if (!cardId.startsWith('anki-')) return undefined;
  const end = cardId.indexOf('-', 'anki-'.length);
  return end === -1 ? cardId : cardId.slice(0, end);
}

const noteKeys = (cards: Deck['cards']): Set<string> => new Set(cards.map((card) => noteKey(card.id)).filter((key) => key !== undefined));

/**
 * The import retargeted at the user deck sharing the most of its notes, keeping that deck's id
 * and title, or the import unchanged when no deck shares at least half the notes of the smaller
 * of the two (a stray shared note does not merge two decks).
 */
export function retargetAnkiImport(imported: ImportedDeck, decks: Iterable<Pick<Deck, 'id' | 'title' | 'cards'>>): ImportedDeck {
  const incoming = noteKeys(imported.cards);
  if (incoming.size === 0) return imported;
  let best: { readonly deck: Pick<Deck, 'id' | 'title'>; readonly shared: number } | undefined;
  for (const deck of decks) {
    if (!isUserDeckId(deck.id)) continue;
    const existing = noteKeys(deck.cards);
    let shared = 0;
    for (const key of incoming) if (existing.has(key)) shared += 1;
    const isEnough = shared > 0 && shared * 2 >= Math.min(incoming.size, existing.size);
    if (isEnough && (best === undefined || shared > best.shared)) best = { deck, shared };
  }
  if (best === undefined || portableDeckId(best.deck.id) === imported.slug) return imported;
  return { ...imported, slug: portableDeckId(best.deck.id), title: best.deck.title };
}
