import { describe, expect, it } from 'vitest';
import { DECK_SCHEMA_VERSION, type Deck } from '../deck/types';
import { NOW } from '../events/test-events';
import { asCardId, asDeckId } from '../ids';
import { seededRandom } from '../scheduling/memory-model';
import { cardHash, editBundledCardEvents, keepMineEvents, overlayBundledDeck, resetCardEvents } from './overlay';
import { ContentDevice } from './test-content';
import type { ContentEvent } from './types';

const MINUTE = 60_000;
const BUNDLED = asDeckId('c3-containers-iaas-storage');
const A = asCardId('why-containers');
const B = asCardId('cgroups');
const C = asCardId('namespaces');

const lecturerDeck = (cards: Deck['cards']): Deck => ({ schemaVersion: DECK_SCHEMA_VERSION, id: BUNDLED, title: 'C3', description: 'Containers', cards });
const v1 = lecturerDeck([
  { id: A, front: 'Why containers?', back: 'To run one app without a whole OS.', tags: ['containers'] },
  { id: B, front: 'What are cgroups?', back: 'Resource limits.', tags: [] },
  { id: C, front: 'What are namespaces?', back: 'Isolation of views.', tags: [] },
]);
const draftOf = (deck: Deck, id: string, change: Partial<{ front: string; back: string; tags: string[] }>) => {
  const card = deck.cards.find((c) => c.id === id)!;
  return { front: card.front, back: card.back, tags: [...card.tags], ...change };
};
/** The overlay a device sees now over `lecturer`. */
const seen = (device: ContentDevice, lecturer: Deck) => overlayBundledDeck(lecturer, device.events);
const edit = (device: ContentDevice, lecturer: Deck, id: string, change: Partial<{ front: string; back: string; tags: string[] }>, at: number) =>
  device.make((e) => editBundledCardEvents(e, lecturer, seen(device, lecturer), asCardId(id), draftOf(seen(device, lecturer).deck, id, change)), at);

describe('cardHash', () => {
  it('changes with the front, the back or the tags, and not otherwise', () => {
    const card = v1.cards[0]!;
    expect(cardHash(card)).toBe(cardHash({ ...card }));
    expect(cardHash(card)).toMatch(/^[0-9a-f]{16}$/);
    for (const changed of [{ ...card, front: 'Why?' }, { ...card, back: 'x' }, { ...card, tags: [] }]) expect(cardHash(changed)).not.toBe(cardHash(card));
    // The separator keeps text moving between fields from hashing the same.
    expect(cardHash({ front: 'ab', back: 'c', tags: [] })).not.toBe(cardHash({ front: 'a', back: 'bc', tags: [] }));
  });
});

describe('overlayBundledDeck', () => {
  it('is the lecturer deck itself when the student changed nothing', () => {
    const overlay = overlayBundledDeck(v1, []);
    expect(overlay.deck).toBe(v1);
    expect(overlay.cards.size).toBe(0);
  });

  it("shows the student's version in place, with the same id and order, over the lecturer's other fields", () => {
    const phone = new ContentDevice('phone', 1);
    const [event] = edit(phone, v1, A, { back: 'Mnemonic: one app, one box.' }, NOW);
    expect(event).toMatchObject({ kind: 'card-edited', deckId: BUNDLED, cardId: A, back: 'Mnemonic: one app, one box.', overHash: cardHash(v1.cards[0]!) });
    expect(event).not.toHaveProperty('front');
    const overlay = seen(phone, v1);
    expect(overlay.deck.cards.map((c) => c.id)).toEqual([A, B, C]);
    expect(overlay.deck.cards[0]).toEqual({ id: A, front: 'Why containers?', back: 'Mnemonic: one app, one box.', tags: ['containers'] });
    expect(overlay.cards.get(A)).toMatchObject({ status: 'edited', lecturer: v1.cards[0] });
    expect(overlay.changed).toEqual([]);
  });

  it('writes nothing for an unchanged draft, and a reset for a draft equal to the lecturer card', () => {
    const phone = new ContentDevice('phone', 2);
    expect(edit(phone, v1, A, {}, NOW)).toEqual([]);
    edit(phone, v1, A, { front: 'Why use containers?' }, NOW + MINUTE);
    const [reset] = edit(phone, v1, A, { front: 'Why containers?' }, NOW + 2 * MINUTE);
    expect(reset).toMatchObject({ kind: 'card-reset', cardId: A });
    expect(seen(phone, v1).cards.size).toBe(0);
  });

  it("tells the student when a new build changed the lecturer's card, and keeps theirs", () => {
    const phone = new ContentDevice('phone', 3);
    edit(phone, v1, A, { front: 'Why use containers at all?' }, NOW);
    const v2 = lecturerDeck([{ ...v1.cards[0]!, back: 'A single app does not need a full OS.' }, ...v1.cards.slice(1)]);
    const overlay = seen(phone, v2);
    const card = overlay.cards.get(A)!;
    expect(card.status).toBe('lecturer-changed');
    expect(card.lecturer).toEqual(v2.cards[0]);
    // The fields the student did not set follow the lecturer; the one they set stays theirs.
    expect(card.mine).toEqual({ id: A, front: 'Why use containers at all?', back: 'A single app does not need a full OS.', tags: ['containers'] });
    expect(overlay.changed.map((c) => c.cardId)).toEqual([A]);
  });

  it('"Keep mine" records the new hash so the notice goes; the version stays', () => {
    const phone = new ContentDevice('phone', 4);
    edit(phone, v1, A, { back: 'Mine.' }, NOW);
    const v2 = lecturerDeck([{ ...v1.cards[0]!, back: 'Theirs, new.' }, ...v1.cards.slice(1)]);
    const [kept] = phone.make((e) => keepMineEvents(e, v2, A), NOW + MINUTE);
    expect(kept).toMatchObject({ kind: 'card-kept', cardId: A, overHash: cardHash(v2.cards[0]!) });
    const overlay = seen(phone, v2);
    expect(overlay.cards.get(A)).toMatchObject({ status: 'edited', mine: { back: 'Mine.' } });
    expect(overlay.changed).toEqual([]);
  });

  it('"Take the lecturer\'s" and reset drop every field of the student\'s', () => {
    const phone = new ContentDevice('phone', 5);
    edit(phone, v1, A, { front: 'F', back: 'B', tags: ['mine'] }, NOW);
    phone.make((e) => resetCardEvents(e, v1, A), NOW + MINUTE);
    const overlay = seen(phone, v1);
    expect(overlay.cards.has(A)).toBe(false);
    expect(overlay.deck.cards[0]).toEqual(v1.cards[0]);
    // Editing again after a reset starts from the lecturer's card.
    edit(phone, v1, A, { tags: ['again'] }, NOW + 2 * MINUTE);
    expect(seen(phone, v1).cards.get(A)!.mine).toEqual({ ...v1.cards[0]!, tags: ['again'] });
  });

  it('an edited card the lecturer removed leaves the deck, and is listed as removed', () => {
    const phone = new ContentDevice('phone', 6);
    edit(phone, v1, B, { back: 'Limits on CPU and memory.' }, NOW);
    const v2 = lecturerDeck([v1.cards[0]!, v1.cards[2]!]);
    const overlay = seen(phone, v2);
    expect(overlay.deck.cards.map((c) => c.id)).toEqual([A, C]);
    expect(overlay.removed.map((c) => c.cardId)).toEqual([B]);
    expect(overlay.removed[0]).toMatchObject({ status: 'removed-by-lecturer', lecturer: null, mine: { back: 'Limits on CPU and memory.' } });
    expect(() => phone.make((e) => keepMineEvents(e, v2, B), NOW + MINUTE)).toThrow(/removed/);
  });

  it("ignores other decks' events and duplicate copies", () => {
    const phone = new ContentDevice('phone', 7);
    const events = edit(phone, v1, A, { back: 'Mine.' }, NOW);
    const elsewhere: ContentEvent = { ...events[0]!, id: events[0]!.id.replace(/.$/, 'Z') as ContentEvent['id'], deckId: asDeckId('other') } as ContentEvent;
    expect(overlayBundledDeck(v1, [...events, ...events, elsewhere])).toEqual(overlayBundledDeck(v1, events));
  });

  it('keeps edits of different fields made on two devices, and the later edit of the same field', () => {
    const phone = new ContentDevice('phone', 8);
    const laptop = new ContentDevice('laptop', 9);
    edit(phone, v1, A, { front: 'Phone front' }, NOW);
    edit(laptop, v1, A, { back: 'Laptop back' }, NOW + MINUTE);
    edit(phone, v1, B, { back: 'Phone B' }, NOW + 2 * MINUTE);
    edit(laptop, v1, B, { back: 'Laptop B, later' }, NOW + 3 * MINUTE);
    const merged = overlayBundledDeck(v1, [...phone.events, ...laptop.events]);
    expect(merged.deck.cards[0]).toMatchObject({ front: 'Phone front', back: 'Laptop back' });
    expect(merged.deck.cards[1]).toMatchObject({ back: 'Laptop B, later' });
  });
});

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Two devices editing, keeping and resetting the same bundled cards, each from its own view, across a build change. */
function simulate(seed: number) {
  const random = seededRandom(seed);
  const phone = new ContentDevice('phone', seed * 2);
  const laptop = new ContentDevice('laptop', seed * 2 + 1);
  const v2 = lecturerDeck([{ ...v1.cards[0]!, back: 'Changed by the lecturer.' }, v1.cards[1]!]);
  const ids = [A, B, C];
  for (let step = 0; step < 30; step += 1) {
    const device = random() < 0.5 ? phone : laptop;
    const lecturer = step < 15 ? v1 : v2;
    const id = ids[Math.floor(random() * ids.length)]!;
    if (!lecturer.cards.some((c) => c.id === id)) continue;
    const at = NOW + Math.floor(random() * 40) * MINUTE;
    const roll = random();
    if (roll < 0.6) {
      const field = (['front', 'back', 'tags'] as const)[Math.floor(random() * 3)]!;
      edit(device, lecturer, id, field === 'tags' ? { tags: [`t${step}`] } : { [field]: `${field} ${step} ${device.name}` }, at);
    } else if (roll < 0.8) device.make((e) => keepMineEvents(e, lecturer, id), at);
    else device.make((e) => resetCardEvents(e, lecturer, id), at);
  }
  return { phone, laptop, v2 };
}

describe('overlayBundledDeck, two devices', () => {
  it('gives the same overlay for any arrival order and any duplicates (shuffled histories)', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const { phone, laptop, v2 } = simulate(seed);
      const all = [...phone.events, ...laptop.events];
      const expected = overlayBundledDeck(v2, all);
      const random = seededRandom(seed + 9_999);
      for (let round = 0; round < 5; round += 1) {
        const arrival = shuffled([...all, ...all.filter(() => random() < 0.25)], random);
        expect(overlayBundledDeck(v2, arrival)).toEqual(expected);
      }
      // Ids and order are always the lecturer's.
      expect(expected.deck.cards.map((c) => c.id)).toEqual(v2.cards.map((c) => c.id));
    }
  });
});
