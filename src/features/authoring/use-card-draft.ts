import { useDeferredValue, useMemo, useState } from 'react';
import { deckTags, sameFrontCards } from '../../domain/authoring/commands';
import type { Card, Deck } from '../../domain/deck/types';
import type { CardId } from '../../domain/ids';

/** The fields of the card being written, what it started as, and what the deck says about it. */
export function useCardDraft(deck: Deck, cardId: CardId | null) {
  const original = useMemo(() => (cardId === null ? null : (deck.cards.find((c) => c.id === cardId) ?? null)), [deck, cardId]);
  const [front, setFront] = useState(original?.front ?? '');
  const [back, setBack] = useState(original?.back ?? '');
  const [tags, setTags] = useState<readonly string[]>(original?.tags ?? []);
  // The preview and the same-front check follow typing a frame behind, so keys never wait on Markdown.
  const shownFront = useDeferredValue(front);
  const shownBack = useDeferredValue(back);
  // Re-indexing a 10,000-card deck takes milliseconds: after a save it happens in a render of its
  // own, behind the one that readies the editor for the next card.
  const indexedCards = useDeferredValue(deck.cards);
  const suggestions = useMemo(() => deckTags(indexedCards), [indexedCards]);
  const byFront = useMemo(() => frontIndex(indexedCards), [indexedCards]);
  const duplicates = useMemo(() => sameFrontCards(byFront.get(key(shownFront)) ?? [], shownFront, cardId), [byFront, shownFront, cardId]);
  const isDirty = front !== (original?.front ?? '') || back !== (original?.back ?? '') || tags.join('\u0000') !== (original?.tags ?? []).join('\u0000');

  function reset(next: { front: string; back: string; tags: readonly string[] }) {
    setFront(next.front);
    setBack(next.back);
    setTags(next.tags);
  }

  return { original, front, back, tags, setFront, setBack, setTags, shownFront, shownBack, suggestions, duplicates, isDirty, reset };
}

const key = (front: string) => front.trim().toLowerCase();

/** Cards by normalised front, so the same-front warning is one lookup per keystroke, not a scan of the deck. */
function frontIndex(cards: readonly Card[]): Map<string, Card[]> {
  const index = new Map<string, Card[]>();
  for (const card of cards) {
    const k = key(card.front);
    const list = index.get(k);
    if (list) list.push(card);
    else index.set(k, [card]);
  }
  return index;
}
