/**
 * What an edit in the editor becomes in the log: pure functions from the deck as it is now (an
 * AuthoredDeck) and the student's input to content events. The caller supplies the envelope (event
 * id, device, time), so every result can be reproduced in a test.
 */
import { CARD_ID_PATTERN, MAX_CARD_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../deck/deck-schema';
import type { Card, Deck } from '../deck/types';
import { slugify, userDeckId, type ImportedOrigin } from '../deck/user-deck';
import type { DeviceId, EventId } from '../events/types';
import { asCardId, type CardId, type DeckId } from '../ids';
import { clozeTextProblem, collapseToNotes, looksLikeCloze } from './cloze-notes';
import type { AuthoredDeck } from './content-replay';
import { positionBetween } from './position';
import { utf8 } from '../sync/bytes';
import { MAX_ENTRY_BYTES } from '../sync/limits';
import type { CardEditedBody, ContentEvent, ContentEventBody } from './types';

/** Makes one event's envelope: its id is fresh for each call (the repository's generator). */
export interface EventEnvelope {
  readonly newId: (createdAt: number) => EventId;
  readonly deviceId: DeviceId;
  readonly now: number;
}

/** What the student typed for a card. */
export interface CardDraft {
  readonly front: string;
  readonly back: string;
  readonly tags: readonly string[];
}

/** A draft the log cannot take, with the field and what to do. */
export class CardDraftError extends Error {
  override readonly name = 'CardDraftError';
  constructor(
    readonly field: 'front' | 'back' | 'title',
    message: string,
  ) {
    super(message);
  }
}

/** Wraps a body in its envelope for deck `deckId`. */
export function contentEvent(envelope: EventEnvelope, deckId: DeckId, body: ContentEventBody): ContentEvent {
  return { id: envelope.newId(envelope.now), deviceId: envelope.deviceId, createdAt: envelope.now, deckId, ...body } as ContentEvent;
}

/** Tags as the deck keeps them: trimmed, no empties, each once, in the order typed. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/**
 * Checks a draft against the deck-file rules (so an authored deck always exports as a valid file).
 * A front with cloze deletions is a cloze note (cloze-notes.ts): its deletions must parse, and its
 * back, the extra text under every answer, may be empty.
 * @throws CardDraftError naming the side that is wrong
 */
export function checkDraft(draft: CardDraft): CardDraft {
  const isCloze = looksLikeCloze(draft.front);
  for (const side of ['front', 'back'] as const) {
    const text = draft[side];
    const mayBeEmpty = side === 'back' && isCloze;
    if (text.trim() === '' && !mayBeEmpty) throw new CardDraftError(side, `The ${side} is empty: write something on it.`);
    if (text.length > MAX_CARD_TEXT_LENGTH) {
      throw new CardDraftError(side, `The ${side} has ${text.length.toLocaleString('en')} characters; the most a side can hold is ${MAX_CARD_TEXT_LENGTH.toLocaleString('en')}.`);
    }
  }
  const problem = clozeTextProblem(draft.front);
  if (problem !== null) throw new CardDraftError('front', `The front's cloze is not valid: ${problem}.`);
  return { front: draft.front, back: isCloze && draft.back.trim() === '' ? '' : draft.back, tags: normalizeTags(draft.tags) };
}

/** Checks a deck title. @throws CardDraftError */
export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new CardDraftError('title', 'A deck needs a title.');
  if (trimmed.length > MAX_TITLE_LENGTH) throw new CardDraftError('title', `The title has ${trimmed.length} characters; the most is ${MAX_TITLE_LENGTH}.`);
  return trimmed;
}

/**
 * The id of a new deck: "user." + a slug of the title + a random suffix, so two decks with the
 * same title (or the same title on two devices) never share an id. `random` is lowercase letters
 * and digits, e.g. 6 base32 characters.
 */
export function newAuthoredDeckId(title: string, random: string): DeckId {
  const suffix = random.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) || '0';
  return userDeckId(`${slugify(title).slice(0, 40).replace(/-+$/, '')}-${suffix}`);
}

/** The events that create a deck, a subdeck of `parent` when given (the caller checks it with parentCandidates). */
export function createDeckEvents(envelope: EventEnvelope, deckId: DeckId, title: string, description: string, parent: DeckId | null = null): ContentEvent[] {
  return [contentEvent(envelope, deckId, { kind: 'deck-created', title: checkTitle(title), description: description.trim(), ...(parent === null ? {} : { parent }) })];
}

/**
 * The deck's fields that changed, as one event, or none when nothing did. `parent`: the new
 * parent, null for top level, undefined to leave it as it is.
 */
export function editDeckEvents(envelope: EventEnvelope, current: AuthoredDeck, title: string, description: string, parent?: DeckId | null): ContentEvent[] {
  const nextTitle = checkTitle(title);
  const nextDescription = description.trim();
  const body = {
    kind: 'deck-edited' as const,
    ...(nextTitle === current.deck.title ? {} : { title: nextTitle }),
    ...(nextDescription === current.deck.description ? {} : { description: nextDescription }),
    ...(parent === undefined || parent === (current.deck.parent ?? null) ? {} : { parent }),
  };
  return 'title' in body || 'description' in body || 'parent' in body ? [contentEvent(envelope, current.deck.id, body)] : [];
}

/** The position after the deck's last card. */
export function endPosition(current: AuthoredDeck): number {
  const last = current.deck.cards.at(-1);
  return positionBetween(last === undefined ? null : (current.positions.get(last.id) ?? null), null) ?? 0;
}

/**
 * Events that add cards at the end of the deck, in order. Each card's id is the id of the event
 * that creates it: random and unique, and kept however the card is edited later.
 */
export function addCardEvents(envelope: EventEnvelope, current: AuthoredDeck, drafts: readonly CardDraft[]): ContentEvent[] {
  let position = endPosition(current);
  return drafts.map((raw) => {
    const draft = checkDraft(raw);
    const id = envelope.newId(envelope.now);
    if (!CARD_ID_PATTERN.test(id)) throw new Error(`Event id ${id} cannot serve as a card id.`);
    const event: ContentEvent = {
      id,
      deviceId: envelope.deviceId,
      createdAt: envelope.now,
      deckId: current.deck.id,
      kind: 'card-created',
      cardId: asCardId(id),
      front: draft.front,
      back: draft.back,
      tags: draft.tags,
      position,
    };
    position += 1;
    return event;
  });
}

/** The changed fields of a card as one event, or none when the draft equals the card. */
export function editCardEvents(envelope: EventEnvelope, current: AuthoredDeck, cardId: CardId, raw: CardDraft): ContentEvent[] {
  const card = findCard(current, cardId);
  const draft = checkDraft(raw);
  const changes: Omit<CardEditedBody, 'kind' | 'cardId'> = {
    ...(draft.front === card.front ? {} : { front: draft.front }),
    ...(draft.back === card.back ? {} : { back: draft.back }),
    ...(sameTags(draft.tags, card.tags) ? {} : { tags: draft.tags }),
  };
  if (Object.keys(changes).length === 0) return [];
  return [contentEvent(envelope, current.deck.id, { kind: 'card-edited', cardId, ...changes })];
}

/** The event that deletes a card. */
export function deleteCardEvents(envelope: EventEnvelope, current: AuthoredDeck, cardId: CardId): ContentEvent[] {
  findCard(current, cardId);
  return [contentEvent(envelope, current.deck.id, { kind: 'card-deleted', cardId })];
}

/**
 * The events that put a card at `toIndex` (0-based, in the order without the card) of its deck:
 * one `card-moved`, or, when midpoints have run out there, one per card renumbering the deck.
 */
export function reorderCardEvents(envelope: EventEnvelope, current: AuthoredDeck, cardId: CardId, toIndex: number): ContentEvent[] {
  findCard(current, cardId);
  const others = current.deck.cards.filter((card) => card.id !== cardId);
  const index = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
  const positionOf = (card: Card | undefined) => (card === undefined ? null : (current.positions.get(card.id) ?? null));
  const position = positionBetween(positionOf(others[index - 1]), positionOf(others[index]));
  if (position !== null) return [contentEvent(envelope, current.deck.id, { kind: 'card-moved', cardId, position })];
  const order = [...others.slice(0, index).map((c) => c.id), cardId, ...others.slice(index).map((c) => c.id)];
  return order.map((id, newPosition) => contentEvent(envelope, current.deck.id, { kind: 'card-moved', cardId: id, position: newPosition }));
}

/**
 * The events that move a card to the end of another deck: it leaves `from`, and `to` gets a
 * `card-created` with the same id (so the card keeps its id) and the card's content now.
 */
export function moveCardToDeckEvents(envelope: EventEnvelope, from: AuthoredDeck, to: AuthoredDeck, cardId: CardId): ContentEvent[] {
  if (from.deck.id === to.deck.id) throw new Error('The card is already in that deck.');
  const card = findCard(from, cardId);
  if (to.deck.cards.some((c) => c.id === cardId)) throw new Error('That deck already has this card.');
  return [
    contentEvent(envelope, from.deck.id, { kind: 'card-moved', cardId, position: from.positions.get(cardId) ?? 0, toDeckId: to.deck.id }),
    contentEvent(envelope, to.deck.id, { kind: 'card-created', cardId, front: card.front, back: card.back, tags: card.tags, position: endPosition(to) }),
  ];
}

/** Other cards of the deck whose front equals `front` (ignoring case and surrounding space). */
export function sameFrontCards(cards: readonly Card[], front: string, exceptId: CardId | null): Card[] {
  const key = front.trim().toLowerCase();
  if (key === '') return [];
  return cards.filter((card) => card.id !== exceptId && card.front.trim().toLowerCase() === key);
}

/** Every tag the deck uses, each once, sorted for a suggestion list. */
export function deckTags(cards: readonly Card[]): string[] {
  const tags = new Set<string>();
  for (const card of cards) for (const tag of card.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

function findCard(current: AuthoredDeck, cardId: CardId): Card {
  const card = current.deck.cards.find((c) => c.id === cardId);
  if (!card) throw new Error('That card is no longer in the deck.');
  return card;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * The events that make an authored deck equal `incoming`, a deck file with the same id imported
 * again (the lecturer's round trip): changed fields are edits, new cards are created with the
 * file's ids, cards missing from the file are deleted, and cards whose place changed are moved to
 * the file's order. Nothing when the file is the deck as it is. A cloze note of the file (its
 * cards `<note id>.c<n>`) is one note here, with the note's id, so its cards keep their ids.
 */
export function importOverEvents(envelope: EventEnvelope, current: AuthoredDeck, incoming: Deck): ContentEvent[] {
  const events = editDeckEvents(envelope, current, incoming.title, incoming.description);
  const existing = new Set(current.deck.cards.map((card) => card.id));
  const kept = new Set<string>();
  collapseToNotes(incoming.cards).forEach((card, index) => {
    kept.add(card.id);
    const draft = { front: card.front, back: card.back, tags: card.tags };
    if (existing.has(card.id)) {
      events.push(...editCardEvents(envelope, current, card.id, draft));
      if (current.positions.get(card.id) !== index) events.push(contentEvent(envelope, current.deck.id, { kind: 'card-moved', cardId: card.id, position: index }));
    } else {
      const checked = checkDraft(draft);
      events.push(contentEvent(envelope, current.deck.id, { kind: 'card-created', cardId: card.id, ...checked, position: index }));
    }
  });
  for (const card of current.deck.cards) if (!kept.has(card.id)) events.push(contentEvent(envelope, current.deck.id, { kind: 'card-deleted', cardId: card.id }));
  return events;
}

/** Room in a synced entry for an event's own fields (ids, deck id, kind, position) and its sealing, bytes. */
const ENTRY_ENVELOPE_BYTES = 1024;

/**
 * Whether an imported deck can be recorded as content events without losing anything: the events
 * carry a card's front, back and tags, so a card that asks for a typed answer (`typeAnswer`), one
 * the editor would refuse (an empty side, an oversized or broken cloze), or one too large for one
 * synced entry (MAX_ENTRY_BYTES) keeps its deck on this device.
 */
export function canRecordImport(deck: Deck): boolean {
  try {
    checkTitle(deck.title);
    for (const card of deck.cards) {
      if (card.typeAnswer !== undefined) return false;
      checkDraft(card);
      if (utf8(JSON.stringify([card.front, card.back, card.tags])).length + ENTRY_ENVELOPE_BYTES > MAX_ENTRY_BYTES) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The content events that record importing `incoming` (a file, package or link, `origin`), so the
 * deck syncs like one written in the app. First import (`current` null): a `deck-created` naming
 * the origin, and a `card-created` per note in the file's order. Importing again: the file's
 * differences from the deck as its events leave it (importOverEvents: cards matched by id, so an
 * Anki note's guid keeps its card; missing cards deleted), plus its parent when that changed.
 */
export function importedDeckEvents(envelope: EventEnvelope, current: AuthoredDeck | null, incoming: Deck, origin: ImportedOrigin): ContentEvent[] {
  if (current === null) {
    const created = contentEvent(envelope, incoming.id, {
      kind: 'deck-created',
      title: checkTitle(incoming.title),
      description: incoming.description.trim(),
      origin,
      ...(incoming.parent === undefined ? {} : { parent: incoming.parent }),
    });
    const empty: AuthoredDeck = { deck: { ...incoming, cards: [] }, positions: new Map(), createdAt: envelope.now, updatedAt: envelope.now, lastEvent: null };
    return [created, ...importOverEvents(envelope, empty, incoming)];
  }
  const parent = (incoming.parent ?? null) === (current.deck.parent ?? null) ? [] : [contentEvent(envelope, incoming.id, { kind: 'deck-edited', parent: incoming.parent ?? null })];
  return [...parent, ...importOverEvents(envelope, current, incoming)];
}
