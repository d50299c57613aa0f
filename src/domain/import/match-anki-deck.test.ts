import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../deck/types';
import { asDeckId } from '../ids';
import type { ImportedDeck } from './imported-deck';
import { retargetAnkiImport } from './match-anki-deck';

const card = (id: string): Card => ({ id: id as Card['id'], front: id, back: 'b', tags: [] });
const imported = (slug: string, ids: string[]): ImportedDeck => ({ slug, title: slug, description: '', cards: ids.map(card), origin: 'apkg', warnings: [] });
const deck = (id: string, title: string, ids: string[]): Pick<Deck, 'id' | 'title' | 'cards'> => ({ id: asDeckId(id), title, cards: ids.map(card) });

describe('which deck an Anki package updates (#11)', () => {
  it('a newer export under another file name updates the deck holding its notes, keeping that deck’s id and title', () => {
    const update2 = imported('update2', ['anki-abc-0', 'anki-abc-1', 'anki-new-0']);
    const decks = [deck('user.update1', 'Update one', ['anki-abc-0', 'anki-gone-0']), deck('user.other', 'Other', ['anki-zzz-0'])];
    expect(retargetAnkiImport(update2, decks)).toMatchObject({ slug: 'update1', title: 'Update one', cards: update2.cards });
  });

  it('matches by note, so a note whose cards all changed ordinal still counts', () => {
    const result = retargetAnkiImport(imported('b', ['anki-n1-3', 'anki-n2-3']), [deck('user.a', 'A', ['anki-n1-0', 'anki-n2-0'])]);
    expect(result.slug).toBe('a');
  });

  it('picks the deck sharing the most notes', () => {
    const decks = [deck('user.one', 'One', ['anki-a-0']), deck('user.two', 'Two', ['anki-a-0', 'anki-b-0'])];
    expect(retargetAnkiImport(imported('x', ['anki-a-0', 'anki-b-0', 'anki-c-0']), decks).slug).toBe('two');
  });

  it('a stray shared note, bundled decks and non-Anki cards leave the import as it is', () => {
    const big = Array.from({ length: 10 }, (_, i) => `anki-n${i}-0`);
    const decks = [
      deck('user.big', 'Big', big),
      deck('bundled-deck', 'Bundled', ['anki-s0-0', 'anki-s1-0']),
      deck('user.csv', 'CSV', ['h-0011223344556677']),
    ];
    const strayOnly = imported('x', ['anki-n0-0', ...Array.from({ length: 9 }, (_, i) => `anki-s${i}-0`)]);
    expect(retargetAnkiImport(strayOnly, decks)).toBe(strayOnly);
    const textImport = imported('csv-2', ['h-0011223344556677']);
    expect(retargetAnkiImport(textImport, decks)).toBe(textImport);
  });
});
