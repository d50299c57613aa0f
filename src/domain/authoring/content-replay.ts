/**
 * Replay of a deck's content: the deck is a pure function of the set of its content events,
 * optionally over a base deck (a bundled or imported one) whose fields count as older than any
 * event. Each field (a deck's title and description; a card's front, back, tags, position and
 * whether it is in the deck) takes the value of the latest event that sets it, in the log's order
 * (createdAt, then id). Per-field last-writer-wins is a max per field, so the result does not
 * depend on the order events arrive in, and a copy of an event changes nothing.
 */
import { compareEvents } from '../events/order';
import type { EventBase } from '../events/types';
import { DECK_SCHEMA_VERSION, type Card, type Deck } from '../deck/types';
import type { ImportedOrigin } from '../deck/user-deck';
import type { CardId, DeckId } from '../ids';
import { comparePositioned } from './position';
import type { ContentEvent } from './types';

/** Where a field's value came from: an event, or null for the base deck (older than any event). */
type Stamp = Pick<EventBase, 'createdAt' | 'id'> | null;

interface Register<T> {
  value: T;
  at: Stamp;
}

interface CardRegisters {
  front: Register<string>;
  back: Register<string>;
  tags: Register<readonly string[]>;
  position: Register<number>;
  isPresent: Register<boolean>;
}

/** A deck as its content events leave it: the deck, and each card's position for reorders. */
export interface AuthoredDeck {
  readonly deck: Deck;
  readonly positions: ReadonlyMap<CardId, number>;
  /** When the deck was created (its first event, or 0 for a base deck), epoch ms. */
  readonly createdAt: number;
  /** The latest event's createdAt (0 when there is none), epoch ms. */
  readonly updatedAt: number;
  /** The latest event folded in (log order), or null for none: where `applyNewerContentEvents` may go on from. */
  readonly lastEvent: NonNullable<Stamp> | null;
  /** An imported deck's origin (the latest `deck-created` that names one); absent: written in the app. */
  readonly origin?: ImportedOrigin;
}

/** The log's order (createdAt, then id), on stamps. */
const isAfter = (a: NonNullable<Stamp>, b: NonNullable<Stamp>): boolean => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
const isNewer = (stamp: Stamp, than: Stamp): boolean => stamp !== null && (than === null || isAfter(stamp, than));

function write<T>(register: Register<T>, value: T | undefined, stamp: Stamp): void {
  if (value !== undefined && isNewer(stamp, register.at)) {
    register.value = value;
    register.at = stamp;
  }
}

const emptyCard = (): CardRegisters => ({
  front: { value: '', at: null },
  back: { value: '', at: null },
  tags: { value: [], at: null },
  position: { value: 0, at: null },
  isPresent: { value: false, at: null },
});

/**
 * Folds the content events of deck `deckId` (events of other decks are ignored) over `base`.
 * Null when there is no deck: no base and no `deck-created`.
 */
export function replayDeckContent(deckId: DeckId, events: readonly ContentEvent[], base: Deck | null = null): AuthoredDeck | null {
  const title: Register<string> = { value: base?.title ?? '', at: null };
  const description: Register<string> = { value: base?.description ?? '', at: null };
  const parent: Register<DeckId | null> = { value: base?.parent ?? null, at: null };
  const origin: Register<ImportedOrigin | null> = { value: null, at: null };
  let isCreated = base !== null;
  let createdAt = base === null ? Number.POSITIVE_INFINITY : 0;
  let updatedAt = 0;
  const cards = new Map<CardId, CardRegisters>();
  base?.cards.forEach((card, index) => {
    cards.set(card.id, {
      front: { value: card.front, at: null },
      back: { value: card.back, at: null },
      tags: { value: card.tags, at: null },
      position: { value: index, at: null },
      isPresent: { value: true, at: null },
    });
  });
  const cardOf = (cardId: CardId) => {
    let card = cards.get(cardId);
    if (!card) {
      card = emptyCard();
      cards.set(cardId, card);
    }
    return card;
  };

  const seen = new Set<string>();
  let lastEvent: NonNullable<Stamp> | null = null;
  for (const event of events) {
    if (event.deckId !== deckId || seen.has(event.id)) continue;
    seen.add(event.id);
    updatedAt = Math.max(updatedAt, event.createdAt);
    const stamp = { createdAt: event.createdAt, id: event.id };
    if (lastEvent === null || isAfter(stamp, lastEvent)) lastEvent = stamp;
    switch (event.kind) {
      case 'deck-created':
        isCreated = true;
        createdAt = Math.min(createdAt, event.createdAt);
        write(title, event.title, stamp);
        write(description, event.description, stamp);
        write(parent, event.parent, stamp);
        write(origin, event.origin, stamp);
        break;
      case 'deck-edited':
        write(title, event.title, stamp);
        write(description, event.description, stamp);
        write(parent, event.parent, stamp);
        break;
      case 'card-created': {
        const card = cardOf(event.cardId);
        write(card.front, event.front, stamp);
        write(card.back, event.back, stamp);
        write(card.tags, event.tags, stamp);
        write(card.position, event.position, stamp);
        write(card.isPresent, true, stamp);
        break;
      }
      case 'card-edited': {
        const card = cardOf(event.cardId);
        write(card.front, event.front, stamp);
        write(card.back, event.back, stamp);
        write(card.tags, event.tags, stamp);
        break;
      }
      case 'card-deleted':
        write(cardOf(event.cardId).isPresent, false, stamp);
        break;
      case 'deck-deleted':
        // Storage drops what a tombstone covers (deck-deletion.ts); what is left was made after it.
        break;
      case 'card-moved': {
        const card = cardOf(event.cardId);
        write(card.position, event.position, stamp);
        if (event.toDeckId !== undefined && event.toDeckId !== deckId) write(card.isPresent, false, stamp);
        break;
      }
      case 'card-kept':
      case 'card-reset':
        // Choices about a bundled card's lecturer version (overlay.ts); nothing in an authored deck.
        break;
      default:
        assertNever(event);
    }
  }
  if (!isCreated) return null;

  const present = [...cards].flatMap(([id, card]) => (card.isPresent.value ? [{ id, position: card.position.value, card }] : []));
  present.sort(comparePositioned);
  const deckCards: Card[] = present.map(({ id, card }) => ({ id, front: card.front.value, back: card.back.value, tags: card.tags.value }));
  return {
    deck: { schemaVersion: DECK_SCHEMA_VERSION, id: deckId, title: title.value, description: description.value, cards: deckCards, ...(parent.value === null ? {} : { parent: parent.value }) },
    positions: new Map(present.map(({ id, position }) => [id, position])),
    createdAt: Number.isFinite(createdAt) ? createdAt : 0,
    updatedAt,
    lastEvent,
    ...(origin.value === null ? {} : { origin: origin.value }),
  };
}

/**
 * The deck after `events`, computed from `current` without its history, when every one of them
 * comes after the last event `current` folded in: each then wins every field it sets, so this
 * equals a full replay (a test checks it). Null when some event is not newer: replay in full.
 * The usual case is an edit made here, now, whose id the device's monotonic generator made.
 */
export function applyNewerContentEvents(current: AuthoredDeck, events: readonly ContentEvent[]): AuthoredDeck | null {
  const deckId = current.deck.id;
  const own = contentInLogOrder(events.filter((event) => event.deckId === deckId));
  if (own.length === 0) return current;
  if (current.lastEvent !== null && !isAfter(own[0]!, current.lastEvent)) return null;
  const appended = appendedCards(current, own);
  if (appended !== null) {
    const positions = new Map(current.positions);
    for (const { card, position } of appended) positions.set(card.id, position);
    return { ...current, deck: { ...current.deck, cards: [...current.deck.cards, ...appended.map(({ card }) => card)] }, positions, ...stampOf(current, own) };
  }
  let { title, description } = current.deck;
  let parent: DeckId | null = current.deck.parent ?? null;
  let origin = current.origin;
  const cards = new Map(current.deck.cards.map((card) => [card.id, card]));
  const positions = new Map(current.positions);
  let isOrderChanged = false;
  for (const event of own) {
    switch (event.kind) {
      case 'deck-created':
      case 'deck-edited':
        title = event.title ?? title;
        description = event.description ?? description;
        parent = event.parent === undefined ? parent : event.parent;
        if (event.kind === 'deck-created') origin = event.origin ?? origin;
        break;
      case 'card-created':
        cards.set(event.cardId, { id: event.cardId, front: event.front, back: event.back, tags: event.tags });
        positions.set(event.cardId, event.position);
        isOrderChanged = true;
        break;
      case 'card-edited': {
        const card = cards.get(event.cardId);
        // An edit of a card not in the deck (deleted, or not created yet) needs its history: replay.
        if (!card) return null;
        cards.set(event.cardId, { ...card, ...(event.front === undefined ? {} : { front: event.front }), ...(event.back === undefined ? {} : { back: event.back }), ...(event.tags === undefined ? {} : { tags: event.tags }) });
        break;
      }
      case 'card-deleted':
        cards.delete(event.cardId);
        positions.delete(event.cardId);
        break;
      case 'deck-deleted':
        return null;
      case 'card-moved':
        if (!cards.has(event.cardId)) return null;
        if (event.toDeckId !== undefined && event.toDeckId !== deckId) {
          cards.delete(event.cardId);
          positions.delete(event.cardId);
        } else {
          positions.set(event.cardId, event.position);
          isOrderChanged = true;
        }
        break;
      case 'card-kept':
      case 'card-reset':
        break;
      default:
        assertNever(event);
    }
  }
  const kept = current.deck.cards.flatMap((card) => {
    const next = cards.get(card.id);
    return next === undefined ? [] : [next];
  });
  const isCreated = own.some((event) => event.kind === 'card-created');
  const list = isOrderChanged || isCreated ? [...cards.values()].map((card) => ({ card, id: card.id, position: positions.get(card.id) ?? 0 })).sort(comparePositioned).map(({ card }) => card) : kept;
  return {
    deck: { ...withoutParent(current.deck), title, description, cards: list, ...(parent === null ? {} : { parent }) },
    positions,
    createdAt: current.createdAt,
    ...stampOf(current, own),
    ...(origin === undefined ? {} : { origin }),
  };
}

/** When and by which event a deck was last changed, once `own` (in log order) is applied. */
function stampOf(current: AuthoredDeck, own: readonly ContentEvent[]): Pick<AuthoredDeck, 'updatedAt' | 'lastEvent'> {
  const last = own.at(-1)!;
  return { updatedAt: Math.max(current.updatedAt, ...own.map((event) => event.createdAt)), lastEvent: { createdAt: last.createdAt, id: last.id } };
}

/**
 * The cards `own` adds after every card of the deck, in order, when that is all it does (a card
 * added in the editor, a bulk add): they go on the end without sorting the whole deck again.
 * Null for anything else, which takes the general path.
 */
function appendedCards(current: AuthoredDeck, own: readonly ContentEvent[]): { card: Card; position: number }[] | null {
  const lastCard = current.deck.cards.at(-1);
  const end = lastCard === undefined ? -Infinity : current.positions.get(lastCard.id);
  if (end === undefined) return null;
  const added: { card: Card; id: string; position: number }[] = [];
  for (const event of own) {
    if (event.kind !== 'card-created' || event.position <= end || current.positions.has(event.cardId)) return null;
    added.push({ card: { id: event.cardId, front: event.front, back: event.back, tags: event.tags }, id: event.cardId, position: event.position });
  }
  if (new Set(added.map((entry) => entry.id)).size !== added.length) return null;
  return added.sort(comparePositioned);
}

/** The decks that `events` touch: their own stream, and the destination of a move. */
export function touchedDecks(events: readonly ContentEvent[]): Set<DeckId> {
  const decks = new Set<DeckId>();
  for (const event of events) {
    decks.add(event.deckId);
    if (event.kind === 'card-moved' && event.toDeckId !== undefined) decks.add(event.toDeckId);
  }
  return decks;
}

/** The events in log order with duplicate ids dropped: the order a device shows a history in. */
export function contentInLogOrder(events: readonly ContentEvent[]): ContentEvent[] {
  const seen = new Set<string>();
  return [...events].sort(compareEvents).filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}

function withoutParent(deck: Deck): Deck {
  const { parent: _parent, ...rest } = deck;
  return rest;
}

function assertNever(value: never): never {
  throw new Error(`Unknown content event: ${JSON.stringify(value)}`);
}
