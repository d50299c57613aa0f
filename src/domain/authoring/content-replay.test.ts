import { describe, expect, it } from 'vitest';
import { seededRandom } from '../scheduling/memory-model';
import { DECK_SCHEMA_VERSION, type Deck } from '../deck/types';
import { NOW } from '../events/test-events';
import { asCardId, asDeckId } from '../ids';
import { addCardEvents, createDeckEvents, deleteCardEvents, editCardEvents, editDeckEvents, moveCardToDeckEvents, reorderCardEvents } from './commands';
import { applyNewerContentEvents, contentInLogOrder, replayDeckContent } from './content-replay';
import { AUTHORED, ContentDevice } from './test-content';
import type { ContentEvent } from './types';

const MINUTE = 60_000;
const draft = (front: string, back = `${front} answer`, tags: string[] = []) => ({ front, back, tags });

function startedDeck(device: ContentDevice) {
  device.make((e) => createDeckEvents(e, AUTHORED, 'Networks', 'TCP and friends'), NOW);
  device.make((e) => addCardEvents(e, device.view(), [draft('What is TCP?'), draft('What is UDP?'), draft('What is IP?')]), NOW + MINUTE);
  return device.view();
}

describe('replayDeckContent', () => {
  it('is null until the deck is created, then lists its cards in the order they were added', () => {
    expect(replayDeckContent(AUTHORED, [])).toBeNull();
    const deck = startedDeck(new ContentDevice('phone', 1));
    expect(deck.deck.title).toBe('Networks');
    expect(deck.deck.description).toBe('TCP and friends');
    expect(deck.deck.cards.map((c) => c.front)).toEqual(['What is TCP?', 'What is UDP?', 'What is IP?']);
    expect(deck.createdAt).toBe(NOW);
    expect(deck.updatedAt).toBe(NOW + MINUTE);
  });

  it('keeps the card id through edits of every field, so progress keyed by it stays', () => {
    const device = new ContentDevice('phone', 2);
    const before = startedDeck(device);
    const id = before.deck.cards[0]!.id;
    device.make((e) => editCardEvents(e, device.view(), id, draft('What does TCP stand for?', 'Transmission Control Protocol', ['transport'])), NOW + 2 * MINUTE);
    const after = device.view();
    expect(after.deck.cards[0]).toEqual({ id, front: 'What does TCP stand for?', back: 'Transmission Control Protocol', tags: ['transport'] });
    expect(after.deck.cards.map((c) => c.id)).toEqual(before.deck.cards.map((c) => c.id));
  });

  it('writes only the fields that changed, and nothing when nothing did', () => {
    const device = new ContentDevice('phone', 3);
    const deck = startedDeck(device);
    const card = deck.deck.cards[1]!;
    const [event] = editCardEvents(device.envelope(NOW), deck, card.id, { ...card, back: 'Datagrams' });
    expect(event).toMatchObject({ kind: 'card-edited', back: 'Datagrams' });
    expect(event).not.toHaveProperty('front');
    expect(editCardEvents(device.envelope(NOW), deck, card.id, card)).toEqual([]);
    expect(editDeckEvents(device.envelope(NOW), deck, 'Networks', 'TCP and friends')).toEqual([]);
  });

  it('merges concurrent edits of different fields of one card, and the later edit of the same field wins', () => {
    const phone = new ContentDevice('phone', 4);
    const deck = startedDeck(phone);
    const laptop = new ContentDevice('laptop', 5);
    laptop.events.push(...phone.events);
    const card = deck.deck.cards[0]!;
    phone.make((e) => editCardEvents(e, phone.view(), card.id, { ...card, front: 'TCP?' }), NOW + 10 * MINUTE);
    laptop.make((e) => editCardEvents(e, laptop.view(), card.id, { ...card, back: 'A reliable stream', tags: ['l4'] }), NOW + 11 * MINUTE);
    laptop.make((e) => editCardEvents(e, laptop.view(), card.id, { ...card, front: 'TCP, please', back: 'A reliable stream', tags: ['l4'] }), NOW + 12 * MINUTE);
    const merged = replayDeckContent(AUTHORED, [...phone.events, ...laptop.events]);
    expect(merged?.deck.cards[0]).toEqual({ id: card.id, front: 'TCP, please', back: 'A reliable stream', tags: ['l4'] });
  });

  it('deletes a card; an edit made elsewhere at the same time does not bring it back', () => {
    const phone = new ContentDevice('phone', 6);
    const deck = startedDeck(phone);
    const card = deck.deck.cards[2]!;
    const laptop = new ContentDevice('laptop', 7);
    laptop.events.push(...phone.events);
    phone.make((e) => deleteCardEvents(e, phone.view(), card.id), NOW + 10 * MINUTE);
    laptop.make((e) => editCardEvents(e, laptop.view(), card.id, { ...card, front: 'IP?' }), NOW + 11 * MINUTE);
    const merged = replayDeckContent(AUTHORED, [...phone.events, ...laptop.events]);
    expect(merged?.deck.cards.map((c) => c.id)).not.toContain(card.id);
    expect(merged?.deck.cards).toHaveLength(2);
  });

  it('reorders by one event per move, and keeps renumbering as a fallback when midpoints run out', () => {
    const device = new ContentDevice('phone', 8);
    const deck = startedDeck(device);
    const [tcp, udp, ip] = deck.deck.cards;
    const moved = device.make((e) => reorderCardEvents(e, device.view(), ip!.id, 0), NOW + 2 * MINUTE);
    expect(moved).toHaveLength(1);
    expect(device.view().deck.cards.map((c) => c.id)).toEqual([ip!.id, tcp!.id, udp!.id]);

    // Put UDP between IP and TCP over and over: the gap halves each time until nothing is left.
    let at = NOW + 3 * MINUTE;
    for (let i = 0; i < 80; i += 1) {
      device.make((e) => reorderCardEvents(e, device.view(), udp!.id, 1), (at += 1));
      device.make((e) => reorderCardEvents(e, device.view(), tcp!.id, 1), (at += 1));
    }
    const order = device.view().deck.cards.map((c) => c.id);
    expect(order).toEqual([ip!.id, tcp!.id, udp!.id]);
    expect(new Set(device.view().positions.values()).size).toBe(3);
  });

  it('moves a card to another deck with the same id and its content', () => {
    const device = new ContentDevice('phone', 9);
    const deck = startedDeck(device);
    const other = asDeckId('user.other-xyz');
    device.make((e) => createDeckEvents(e, other, 'Other', ''), NOW + 2 * MINUTE);
    const card = deck.deck.cards[0]!;
    device.make((e) => moveCardToDeckEvents(e, device.view(), device.view(other), card.id), NOW + 3 * MINUTE);
    expect(device.view().deck.cards.map((c) => c.id)).not.toContain(card.id);
    expect(device.view(other).deck.cards).toEqual([card]);
  });

  it('folds over a base deck: the base counts as older than any event', () => {
    const base: Deck = {
      schemaVersion: DECK_SCHEMA_VERSION,
      id: asDeckId('c3'),
      title: 'C3',
      description: 'Bundled',
      cards: [
        { id: asCardId('a'), front: 'A?', back: 'A', tags: [] },
        { id: asCardId('b'), front: 'B?', back: 'B', tags: ['x'] },
      ],
    };
    const device = new ContentDevice('phone', 10);
    const start = replayDeckContent(base.id, [], base)!;
    expect(start.deck).toEqual(base);
    device.make((e) => editCardEvents(e, start, asCardId('b'), { front: 'B, fixed?', back: 'B', tags: ['x'] }), NOW);
    const edited = replayDeckContent(base.id, device.events, base)!;
    expect(edited.deck.cards[1]).toEqual({ id: 'b', front: 'B, fixed?', back: 'B', tags: ['x'] });
    expect(edited.deck.cards[0]).toEqual(base.cards[0]);
    const deleted = [...device.events, ...deleteCardEvents(device.envelope(NOW + 1), edited, asCardId('a'))];
    expect(replayDeckContent(base.id, deleted, base)!.deck.cards.map((c) => c.id)).toEqual(['b']);
  });

  it('ignores events of other decks', () => {
    const device = new ContentDevice('phone', 11);
    startedDeck(device);
    expect(replayDeckContent(asDeckId('user.else-1'), device.events)).toBeNull();
  });
});

/** Random edits on two devices that meet now and then and swap everything they hold. */
function simulate(seed: number): { all: ContentEvent[]; phone: ContentDevice; laptop: ContentDevice } {
  const random = seededRandom(seed);
  const phone = new ContentDevice('phone', seed * 2 + 1);
  const laptop = new ContentDevice('laptop', seed * 2 + 2);
  const other = asDeckId('user.other-1');
  phone.make((e) => [...createDeckEvents(e, AUTHORED, 'Deck', ''), ...createDeckEvents(e, other, 'Other', '')], NOW);
  laptop.events.push(...phone.events);
  let at = NOW;
  for (let step = 0; step < 50; step += 1) {
    at += Math.floor(random() * 3 * MINUTE);
    const device = random() < 0.5 ? phone : laptop;
    const view = device.view();
    const cards = view.deck.cards;
    const card = cards[Math.floor(random() * cards.length)];
    const roll = random();
    if (roll < 0.3 || card === undefined) device.make((e) => addCardEvents(e, view, [draft(`Q${step}`)]), at);
    else if (roll < 0.55) device.make((e) => editCardEvents(e, view, card.id, { ...card, front: `${card.front}!`, tags: random() < 0.5 ? ['t'] : [] }), at);
    else if (roll < 0.7) device.make((e) => reorderCardEvents(e, view, card.id, Math.floor(random() * cards.length)), at);
    else if (roll < 0.8) device.make((e) => deleteCardEvents(e, view, card.id), at);
    else if (roll < 0.87) device.make((e) => moveCardToDeckEvents(e, view, device.view(other), card.id), at);
    else device.make((e) => editDeckEvents(e, view, `Deck ${step}`, random() < 0.5 ? 'd' : ''), at);
    if (random() < 0.2) {
      const union = [...new Map([...phone.events, ...laptop.events].map((e) => [e.id, e])).values()];
      phone.events.splice(0, phone.events.length, ...union);
      laptop.events.splice(0, laptop.events.length, ...union);
    }
  }
  return { all: [...new Map([...phone.events, ...laptop.events].map((e) => [e.id, e])).values()], phone, laptop };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('content replay across devices (property)', () => {
  it('gives the same decks for the same events in any order, with copies, on 80 random histories', () => {
    for (let seed = 1; seed <= 80; seed += 1) {
      const { all } = simulate(seed);
      const random = seededRandom(seed + 7_777);
      const expected = [AUTHORED, asDeckId('user.other-1')].map((id) => replayDeckContent(id, all));
      const arrival = shuffled([...all, ...all.filter(() => random() < 0.25)], random);
      expect([AUTHORED, asDeckId('user.other-1')].map((id) => replayDeckContent(id, arrival))).toEqual(expected);
      // Every card appears at most once, and each deck's order is total.
      for (const deck of expected) expect(new Set(deck!.deck.cards.map((c) => c.id)).size).toBe(deck!.deck.cards.length);
    }
  });

  it('converges once each device has every event', () => {
    for (let seed = 101; seed <= 140; seed += 1) {
      const { phone, laptop } = simulate(seed);
      expect(replayDeckContent(AUTHORED, [...laptop.events].reverse().concat(phone.events))).toEqual(replayDeckContent(AUTHORED, [...phone.events, ...laptop.events]));
    }
  });
});

describe('applyNewerContentEvents', () => {
  it('equals a full replay whenever the new events all come after the deck it starts from, on 80 random histories', () => {
    let fastPaths = 0;
    for (let seed = 301; seed <= 380; seed += 1) {
      const ordered = contentInLogOrder(simulate(seed).all);
      const random = seededRandom(seed);
      const cut = 1 + Math.floor(random() * (ordered.length - 1));
      const before = replayDeckContent(AUTHORED, ordered.slice(0, cut));
      if (before === null) continue;
      const applied = applyNewerContentEvents(before, ordered.slice(cut));
      if (applied === null) continue;
      fastPaths += 1;
      expect(applied).toEqual(replayDeckContent(AUTHORED, ordered));
    }
    expect(fastPaths).toBeGreaterThan(40);
  });

  it('puts added cards on the end, in order, as a full replay does, after a reorder and a delete too', () => {
    const device = new ContentDevice('phone', 13);
    startedDeck(device);
    const [tcp, udp] = device.view().deck.cards;
    device.make((e) => reorderCardEvents(e, device.view(), udp!.id, 0), NOW + 2 * MINUTE);
    device.make((e) => deleteCardEvents(e, device.view(), tcp!.id), NOW + 3 * MINUTE);
    const before = device.view();
    const added = device.make((e) => addCardEvents(e, device.view(), [draft('What is ARP?'), draft('What is DNS?')]), NOW + 4 * MINUTE);
    const applied = applyNewerContentEvents(before, added);
    expect(applied?.deck.cards.map((card) => card.front)).toEqual(['What is UDP?', 'What is IP?', 'What is ARP?', 'What is DNS?']);
    expect(applied).toEqual(device.view());
  });

  it('refuses an event that is not newer than the deck it starts from', () => {
    const device = new ContentDevice('phone', 12);
    startedDeck(device);
    const ordered = contentInLogOrder(device.events);
    const deck = replayDeckContent(AUTHORED, ordered)!;
    expect(applyNewerContentEvents(deck, ordered.slice(-1))).toBeNull();
  });
});

describe('a deck\'s parent in its content events', () => {
  it('is set at creation, changed or cleared by the latest edit in any arrival order, and the fast path agrees', () => {
    const course = asDeckId('user.course-aaaaaa');
    const other = asDeckId('user.other-bbbbbb');
    const device = new ContentDevice('student', 11);
    device.make((e) => createDeckEvents(e, AUTHORED, 'Week 1', '', course), NOW);
    expect(device.view().deck.parent).toBe(course);
    const before = device.view();
    const moved = device.make((e) => editDeckEvents(e, device.view(), 'Week 1', '', other), NOW + 1);
    expect(device.view().deck.parent).toBe(other);
    expect(applyNewerContentEvents(before, moved)).toEqual(device.view());
    const cleared = device.make((e) => editDeckEvents(e, device.view(), 'Week 1', '', null), NOW + 2);
    expect(device.view().deck.parent).toBeUndefined();
    expect(applyNewerContentEvents(replayDeckContent(AUTHORED, [...device.events].slice(0, 2))!, cleared)).toEqual(device.view());
    expect(replayDeckContent(AUTHORED, [...device.events].reverse())).toEqual(device.view());
    expect(editDeckEvents(device.envelope(NOW + 3), device.view(), 'Week 1', '', null)).toEqual([]);
    expect(editDeckEvents(device.envelope(NOW + 3), device.view(), 'Week 1', '')).toEqual([]);
  });
});
