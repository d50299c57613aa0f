/**
 * Card-browser search: which of a deck's cards match the typed text and the chosen filter.
 * Built for 10,000-card decks: each card's searchable text is lowered once per deck, not per keystroke.
 */
import type { Card } from '../deck/types';
import type { CardId } from '../ids';
import type { CardState } from '../scheduling/types';
import { isLeech } from '../stats/maturity';

export type CardFilter = 'all' | 'leeches' | 'suspended';

export interface CardSearch {
  readonly query: string;
  readonly filter: CardFilter;
}

const haystacks = new WeakMap<readonly Card[], readonly string[]>();

function haystacksOf(cards: readonly Card[]): readonly string[] {
  let texts = haystacks.get(cards);
  if (!texts) {
    texts = cards.map((card) => [card.id, card.front, card.back, ...card.tags].join('\n').toLowerCase());
    haystacks.set(cards, texts);
  }
  return texts;
}

/** Cards, in deck order, whose id, front, back or tags contain every word of the query and that pass the filter. */
export function searchCards(cards: readonly Card[], states: ReadonlyMap<CardId, CardState>, search: CardSearch): Card[] {
  const words = search.query.toLowerCase().split(/\s+/).filter(Boolean);
  const texts = haystacksOf(cards);
  return cards.filter((card, i) => {
    const state = states.get(card.id);
    if (search.filter === 'leeches' && !isLeech(state)) return false;
    if (search.filter === 'suspended' && state?.isSuspended !== true) return false;
    const text = texts[i] ?? '';
    return words.every((word) => text.includes(word));
  });
}

/** The leeches among the cards: 8 or more lapses, suspended or not. */
export function leechCount(cards: readonly Card[], states: ReadonlyMap<CardId, CardState>): number {
  return cards.reduce((n, card) => n + (isLeech(states.get(card.id)) ? 1 : 0), 0);
}

/** A card's Markdown as one short line of plain text, for a list row. */
export function plainPreview(markdown: string, maxChars = 120): string {
  // Escaped characters (\[ \* \_) are literal text: park them where the mark-stripping cannot reach.
  const escaped: string[] = [];
  const text = markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_whole, ch: string) => `\uE000${escaped.push(ch) - 1}\uE000`)
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\uE000(\d+)\uE000/g, (_whole, index: string) => escaped[Number(index)] ?? '');
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
