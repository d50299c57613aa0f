import { describe, expect, it } from 'vitest';
import { MAX_CARD_TEXT_LENGTH } from '../deck/deck-schema';
import { parseBulkCards } from './bulk-add';

describe('parseBulkCards: front :: back lines', () => {
  it('reads one card per line, with optional tags, and passes over blank lines', () => {
    const result = parseBulkCards('What is TCP? :: A reliable stream\n\n  What is UDP?::Datagrams :: l4 transport\r\n');
    expect(result.format).toBe('lines');
    expect(result.cards).toEqual([
      { line: 1, front: 'What is TCP?', back: 'A reliable stream', tags: [] },
      { line: 3, front: 'What is UDP?', back: 'Datagrams', tags: ['l4', 'transport'] },
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('keeps the "::" inside a cloze', () => {
    const result = parseBulkCards('{{c1::Paris}} is the capital of {{c2::France::country}} :: Geography');
    expect(result.cards[0]).toMatchObject({ front: '{{c1::Paris}} is the capital of {{c2::France::country}}', back: 'Geography' });
  });

  it('lists every rejected line with its number and the reason', () => {
    const long = 'x'.repeat(MAX_CARD_TEXT_LENGTH + 1);
    const result = parseBulkCards(['no separator here', ' :: back only', 'front only ::  ', 'a :: b :: c :: d', `${long} :: b`, 'ok :: fine'].join('\n'));
    expect(result.cards.map((c) => c.line)).toEqual([6]);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [1, 'no " :: " between the front and the back'],
      [2, 'the front is empty'],
      [3, 'the back is empty'],
      [4, '4 parts: expected front, back and optional tags separated by " :: "'],
      [5, `the front has ${(MAX_CARD_TEXT_LENGTH + 1).toLocaleString('en')} characters; the most is ${MAX_CARD_TEXT_LENGTH.toLocaleString('en')}`],
    ]);
    expect(result.rejected[0]?.text).toBe('no separator here');
  });
});

describe('parseBulkCards: a table pasted from a spreadsheet', () => {
  it('reads two or three tab-separated columns and skips a front/back header', () => {
    const result = parseBulkCards('Front\tBack\nTCP\tStream\tl4\nUDP\tDatagram\n');
    expect(result.format).toBe('table');
    expect(result.headerLine).toBe(1);
    expect(result.cards).toEqual([
      { line: 2, front: 'TCP', back: 'Stream', tags: ['l4'] },
      { line: 3, front: 'UDP', back: 'Datagram', tags: [] },
    ]);
  });

  it('reads quoted cells holding line breaks, tabs and quotes, and numbers lines as the paste has them', () => {
    const result = parseBulkCards('"Two\nlines"\t"say ""hi""\tthere"\nonly one column\nlast\tone');
    expect(result.cards[0]).toEqual({ line: 1, front: 'Two\nlines', back: 'say "hi"\tthere', tags: [] });
    expect(result.rejected).toEqual([{ line: 3, text: 'only one column', reason: 'only one column: a card needs a front and a back' }]);
    expect(result.cards[1]).toMatchObject({ line: 4, front: 'last', back: 'one' });
  });

  it('rejects a row with an empty side rather than adding half a card', () => {
    const result = parseBulkCards('a\t\n\tb\nc\td');
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [1, 'the back is empty'],
      [2, 'the front is empty'],
    ]);
    expect(result.cards).toHaveLength(1);
  });
});
