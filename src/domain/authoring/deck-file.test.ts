import { describe, expect, it } from 'vitest';
import { assertDeckMatchesFile } from '../deck/deck-file';
import { parseDeckJsonText } from '../deck/parse-deck';
import { portableDeckId, userDeckId } from '../deck/user-deck';
import { deckToJson } from '../export/deck-export';
import { NOW } from '../events/test-events';
import { asCardId } from '../ids';
import { addCardEvents, createDeckEvents, editCardEvents, importOverEvents } from './commands';
import { replayDeckContent } from './content-replay';
import { AUTHORED, ContentDevice } from './test-content';

function authoredDeck() {
  const device = new ContentDevice('lecturer', 1);
  device.make((e) => createDeckEvents(e, AUTHORED, 'Networks', 'Layers, TCP and UDP'), NOW);
  device.make(
    (e) =>
      addCardEvents(e, device.view(), [
        { front: 'What is **TCP**?', back: '- reliable\n- ordered\n\n| a | b |\n|---|---|\n| 1 | 2 |', tags: ['transport'] },
        { front: 'UDP?', back: 'Datagrams', tags: [] },
      ]),
    NOW + 1,
  );
  return device;
}

describe('Export as deck file', () => {
  it('writes decks/<id>.json that the build accepts and that reads back as the same deck with the same card ids', () => {
    const { deck } = authoredDeck().view();
    const fileName = `decks/${portableDeckId(deck.id)}.json`;
    const parsed = parseDeckJsonText(deckToJson(deck), fileName);
    expect(() => assertDeckMatchesFile(parsed, fileName)).not.toThrow();
    expect(parsed.cards).toEqual(deck.cards);
    expect({ ...parsed, id: userDeckId(parsed.id) }).toEqual(deck);
  });

  it('imported again over the authored deck, an unchanged file changes nothing and a changed one becomes edits', () => {
    const device = authoredDeck();
    const { deck } = device.view();
    const sameFile = { ...parseDeckJsonText(deckToJson(deck), 'x.json'), id: deck.id };
    expect(importOverEvents(device.envelope(NOW + 2), device.view(), sameFile)).toEqual([]);

    const [tcp, udp] = deck.cards;
    const changed = { ...sameFile, title: 'Networks 2', cards: [{ ...udp!, back: 'Datagrams, unreliable' }, { id: asCardId('ip'), front: 'IP?', back: 'Routing', tags: [] }] };
    device.make((e) => importOverEvents(e, device.view(), changed), NOW + 3);
    const after = replayDeckContent(AUTHORED, device.events)!;
    expect(after.deck).toEqual({ ...changed, id: AUTHORED });
    expect(after.deck.cards.map((c) => c.id)).not.toContain(tcp!.id);
    // An edit made in the app since still counts: it is one more event, after the import.
    device.make((e) => editCardEvents(e, device.view(), udp!.id, { ...udp!, back: 'Fire and forget' }), NOW + 4);
    expect(replayDeckContent(AUTHORED, device.events)!.deck.cards[0]?.back).toBe('Fire and forget');
  });
});
