/**
 * Recording an import as content events (issue 13: imported decks sync): the events replay to the
 * file's deck, cloze notes included, keep the deck's origin, and a second import adds only its
 * differences, matched by card id.
 */
import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../deck/types';
import { asCardId, asDeckId } from '../ids';
import { canRecordImport, importedDeckEvents } from './commands';
import { applyNewerContentEvents, replayDeckContent } from './content-replay';
import { studyDeckOf } from './cloze-notes';
import { ContentDevice } from './test-content';

const NOW = Date.UTC(2026, 11, 1, 9);
const DECK = asDeckId('user.capitals');
const card = (id: string, front: string, back: string, extra: Partial<Card> = {}): Card => ({ id: asCardId(id), front, back, tags: [], ...extra });
const file = (cards: readonly Card[], title = 'Capitals'): Deck => ({ schemaVersion: 1, id: DECK, title, description: 'From a CSV', cards });
const cloze = '{{c1::Paris}} is the capital of {{c2::France}}';
const clozeCards = [1, 2].map((n) => card(`paris.c${n}`, cloze, '', { noteId: 'paris', clozeNumber: n }));

describe('importedDeckEvents', () => {
  it('first import: replays to the file\'s deck, its cloze note as one note with the same card ids, with the origin named', () => {
    const phone = new ContentDevice('phone', 1);
    const incoming = file([card('de', 'Germany', 'Berlin'), ...clozeCards, card('it', 'Italy', 'Rome')]);
    phone.make((envelope) => importedDeckEvents(envelope, null, incoming, 'apkg'), NOW);
    const replayed = phone.view(DECK);
    expect(replayed.origin).toBe('apkg');
    expect(studyDeckOf(replayed.deck).cards.map((c) => c.id)).toEqual(['de', 'paris.c1', 'paris.c2', 'it']);
    expect(replayed.deck).toMatchObject({ title: 'Capitals', description: 'From a CSV' });
  });

  it('second import: only the differences (a changed back, a card gone, a new card, a new parent), and the origin stays', () => {
    const phone = new ContentDevice('phone', 2);
    phone.make((envelope) => importedDeckEvents(envelope, null, file([card('de', 'Germany', 'Bonn'), card('it', 'Italy', 'Rome')]), 'csv'), NOW);
    const before = phone.view(DECK);
    const next = { ...file([card('de', 'Germany', 'Berlin'), card('es', 'Spain', 'Madrid')]), parent: asDeckId('user.geography') };
    const made = phone.make((envelope) => importedDeckEvents(envelope, before, next, 'csv'), NOW + 60_000);
    expect(made.map((event) => event.kind).sort()).toEqual(['card-created', 'card-deleted', 'card-edited', 'deck-edited']);
    const after = phone.view(DECK);
    expect(after.origin).toBe('csv');
    expect(after.deck.parent).toBe('user.geography');
    expect(after.deck.cards.map((c) => [c.id, c.back])).toEqual([['de', 'Berlin'], ['es', 'Madrid']]);
    // The editor's fast path (no replay of the history) gives the same deck, origin included.
    expect(applyNewerContentEvents(before, made)).toEqual(after);
    // Importing the same file again changes nothing.
    expect(importedDeckEvents(phone.envelope(NOW + 120_000), after, next, 'csv')).toEqual([]);
  });

  it('the same file imported on two devices merges into one deck, whatever order the events arrive in', () => {
    const phone = new ContentDevice('phone', 3);
    const laptop = new ContentDevice('laptop', 4);
    phone.make((envelope) => importedDeckEvents(envelope, null, file([card('de', 'Germany', 'Berlin')]), 'csv'), NOW);
    laptop.make((envelope) => importedDeckEvents(envelope, null, file([card('de', 'Germany', 'Berlin'), card('es', 'Spain', 'Madrid')]), 'apkg'), NOW + 1_000);
    const merged = replayDeckContent(DECK, [...phone.events, ...laptop.events]);
    expect(replayDeckContent(DECK, [...laptop.events, ...phone.events].reverse())).toEqual(merged);
    expect(merged?.origin).toBe('apkg');
    expect(merged?.deck.cards.map((c) => c.id)).toEqual(['de', 'es']);
  });
});

describe('canRecordImport', () => {
  it('records a deck the events carry whole, and not one with a typed answer, an empty side or a card too big for one synced entry', () => {
    expect(canRecordImport(file([card('de', 'Germany', 'Berlin'), ...clozeCards]))).toBe(true);
    expect(canRecordImport(file([card('de', 'Germany', 'Berlin', { typeAnswer: true })]))).toBe(false);
    expect(canRecordImport(file([card('de', 'Germany', '')]))).toBe(false);
    expect(canRecordImport(file([card('de', 'Germany', 'é'.repeat(9_000))]))).toBe(false);
  });
});
