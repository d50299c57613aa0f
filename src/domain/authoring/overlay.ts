/**
 * The student's own versions of a bundled deck's cards, over the lecturer's. A bundled deck ships
 * with the build and is never written here; what the student changes in one of its cards is kept
 * as content events in the deck's stream (types.ts): `card-edited` with the fields they set and
 * `overHash`, the hash of the lecturer's card they edited; `card-kept` and `card-reset` record a
 * choice after a build changed the lecturer's card. Progress stays keyed by (deckId, cardId).
 *
 * Each field (front, back, tags) and the hash are registers, last writer wins in the log's order
 * (createdAt, then id) as in content-replay.ts; a reset writes "the lecturer's" into every field.
 * So the result is a pure function of the set of events: any order, any copies, the same overlay.
 */
import type { Card, Deck } from '../deck/types';
import type { CardId, DeckId } from '../ids';
import { checkDraft, contentEvent, type CardDraft, type EventEnvelope } from './commands';
import type { ContentEvent } from './types';

/** Where a register's value came from, in the log's order. */
interface Stamp {
  readonly createdAt: number;
  readonly id: string;
}

/** A field's value: the student's text, or null for the lecturer's. */
interface Register<T> {
  value: T | null;
  at: Stamp | null;
}

interface CardRegisters {
  front: Register<string>;
  back: Register<string>;
  tags: Register<readonly string[]>;
  overHash: Register<string>;
}

/**
 * - `edited`: the student's version, over the lecturer's card as it still is;
 * - `lecturer-changed`: a later build changed the lecturer's card; the student's version stays until they choose;
 * - `removed-by-lecturer`: the card is no longer in the deck; it leaves the queue and its history stays.
 */
export type CardOverlayStatus = 'edited' | 'lecturer-changed' | 'removed-by-lecturer';

/** One bundled card the student has their own version of. */
export interface CardOverlay {
  readonly cardId: CardId;
  readonly status: CardOverlayStatus;
  /** The student's version: their fields over the lecturer's (their fields alone for a removed card). */
  readonly mine: Card;
  /** The lecturer's card in this build; null when the lecturer removed it. */
  readonly lecturer: Card | null;
  /** The hash of the lecturer's card the student's version was made over (or last kept over). */
  readonly overHash: string;
}

/** A bundled deck as the student sees it. */
export interface DeckOverlay {
  /** The lecturer's deck with the student's versions in place; same ids, same order. */
  readonly deck: Deck;
  /** Every card with a version of the student's, by id, including removed ones. */
  readonly cards: ReadonlyMap<CardId, CardOverlay>;
  /** Cards whose lecturer version changed since the student's edit, in deck order. */
  readonly changed: readonly CardOverlay[];
  /** Edited cards the lecturer removed, by card id. */
  readonly removed: readonly CardOverlay[];
}

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A hash of what the lecturer's card shows (front, back, tags): 16 hex digits from two FNV-1a passes. */
export function cardHash(card: Pick<Card, 'front' | 'back' | 'tags'>): string {
  const text = [card.front, card.back, ...card.tags].join('\u001f');
  return [fnv1a(text, 0x811c9dc5), fnv1a(text, 0x050c5d1f)].map((part) => part.toString(16).padStart(8, '0')).join('');
}

const isAfter = (a: Stamp, b: Stamp): boolean => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

function write<T>(register: Register<T>, value: T | null | undefined, stamp: Stamp): void {
  if (value !== undefined && (register.at === null || isAfter(stamp, register.at))) {
    register.value = value;
    register.at = stamp;
  }
}

/** The registers of each card of deck `deckId` that its events touch. */
function foldCards(deckId: DeckId, events: readonly ContentEvent[]): Map<CardId, CardRegisters> {
  const cards = new Map<CardId, CardRegisters>();
  const seen = new Set<string>();
  for (const event of events) {
    if (event.deckId !== deckId || seen.has(event.id)) continue;
    if (event.kind !== 'card-edited' && event.kind !== 'card-kept' && event.kind !== 'card-reset') continue;
    seen.add(event.id);
    let card = cards.get(event.cardId);
    if (!card) {
      card = { front: { value: null, at: null }, back: { value: null, at: null }, tags: { value: null, at: null }, overHash: { value: null, at: null } };
      cards.set(event.cardId, card);
    }
    const stamp = { createdAt: event.createdAt, id: event.id };
    write(card.overHash, event.overHash, stamp);
    if (event.kind === 'card-edited') {
      write(card.front, event.front, stamp);
      write(card.back, event.back, stamp);
      write(card.tags, event.tags, stamp);
    } else if (event.kind === 'card-reset') {
      write(card.front, null, stamp);
      write(card.back, null, stamp);
      write(card.tags, null, stamp);
    }
  }
  return cards;
}

/**
 * The lecturer's deck `lecturer` with the student's versions from `events` (its content events;
 * other decks' are ignored). A card the lecturer has since removed keeps only the fields the
 * student set (the build no longer has the rest).
 */
export function overlayBundledDeck(lecturer: Deck, events: readonly ContentEvent[]): DeckOverlay {
  const registers = foldCards(lecturer.id, events);
  const byId = new Map(lecturer.cards.map((card, index) => [card.id, { card, index }]));
  const cards = new Map<CardId, CardOverlay>();
  for (const [cardId, r] of registers) {
    if (r.front.value === null && r.back.value === null && r.tags.value === null) continue;
    const current = byId.get(cardId)?.card ?? null;
    const under = current ?? { id: cardId, front: '', back: '', tags: [] };
    const mine: Card = { ...under, id: cardId, front: r.front.value ?? under.front, back: r.back.value ?? under.back, tags: r.tags.value ?? under.tags };
    const overHash = r.overHash.value ?? '';
    const status: CardOverlayStatus = current === null ? 'removed-by-lecturer' : cardHash(current) === overHash ? 'edited' : 'lecturer-changed';
    cards.set(cardId, { cardId, status, mine, lecturer: current, overHash });
  }
  const order = (overlay: CardOverlay) => byId.get(overlay.cardId)?.index ?? Number.POSITIVE_INFINITY;
  const listed = [...cards.values()].sort((a, b) => order(a) - order(b) || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  const deck: Deck = cards.size === 0 ? lecturer : { ...lecturer, cards: lecturer.cards.map((card) => cards.get(card.id)?.mine ?? card) };
  return {
    deck,
    cards,
    changed: listed.filter((overlay) => overlay.status === 'lecturer-changed'),
    removed: listed.filter((overlay) => overlay.status === 'removed-by-lecturer'),
  };
}

/** The lecturer's card `cardId`, or a typed error when this build no longer has it. */
function lecturerCard(lecturer: Deck, cardId: CardId): Card {
  const card = lecturer.cards.find((c) => c.id === cardId);
  if (!card) throw new Error('The lecturer has removed this card from the deck, so it cannot be edited.');
  return card;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * The student's edit of a bundled card as events: the fields that differ from what they see now,
 * over the lecturer's card as it is in this build. A draft equal to the lecturer's card is a reset.
 * None when nothing changed.
 */
export function editBundledCardEvents(envelope: EventEnvelope, lecturer: Deck, overlay: DeckOverlay, cardId: CardId, raw: CardDraft): ContentEvent[] {
  const original = lecturerCard(lecturer, cardId);
  const shown = overlay.cards.get(cardId)?.mine ?? original;
  const draft = checkDraft(raw);
  const overHash = cardHash(original);
  const isLecturers = draft.front === original.front && draft.back === original.back && sameTags(draft.tags, original.tags);
  if (isLecturers) return overlay.cards.has(cardId) ? [contentEvent(envelope, lecturer.id, { kind: 'card-reset', cardId, overHash })] : [];
  const changes = {
    ...(draft.front === shown.front ? {} : { front: draft.front }),
    ...(draft.back === shown.back ? {} : { back: draft.back }),
    ...(sameTags(draft.tags, shown.tags) ? {} : { tags: draft.tags }),
  };
  if (Object.keys(changes).length === 0) return [];
  return [contentEvent(envelope, lecturer.id, { kind: 'card-edited', cardId, ...changes, overHash })];
}

/** "Keep mine": the student keeps their version over the lecturer's card as it is in this build. */
export function keepMineEvents(envelope: EventEnvelope, lecturer: Deck, cardId: CardId): ContentEvent[] {
  return [contentEvent(envelope, lecturer.id, { kind: 'card-kept', cardId, overHash: cardHash(lecturerCard(lecturer, cardId)) })];
}

/** "Take the lecturer's" / "Reset to the lecturer's version": the student's fields go. */
export function resetCardEvents(envelope: EventEnvelope, lecturer: Deck, cardId: CardId): ContentEvent[] {
  return [contentEvent(envelope, lecturer.id, { kind: 'card-reset', cardId, overHash: cardHash(lecturerCard(lecturer, cardId)) })];
}
