import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { siblingNoteOf } from './sibling-note';

const card = (id: string, noteId?: string) => ({ id: asCardId(id), ...(noteId === undefined ? {} : { noteId }) });

describe('siblingNoteOf', () => {
  it('gives a cloze card its note, whatever its id', () => {
    expect(siblingNoteOf(card('n1.c2', 'n1'))).toBe('n1');
  });

  it('gives the cards imported from one Anki note one note, and cards of other notes another', () => {
    const front = siblingNoteOf(card('anki-g_2frev_2b1-0'));
    expect(front).toBeDefined();
    expect(siblingNoteOf(card('anki-g_2frev_2b1-1'))).toBe(front);
    // A guid that only starts like the first one is another note.
    expect(siblingNoteOf(card('anki-g_2frev_2b12-1'))).not.toBe(front);
  });

  it('leaves every other card without siblings', () => {
    expect(siblingNoteOf(card('capital'))).toBeUndefined();
    expect(siblingNoteOf(card('anki-'))).toBeUndefined();
    expect(siblingNoteOf(card('anki-abc'))).toBeUndefined();
    expect(siblingNoteOf(card('anki-a-b-0'))).toBeUndefined();
  });
});
