import { describe, expect, it } from 'vitest';
import { makeCloze } from './make-cloze';

describe('make cloze', () => {
  it('wraps the selection with c1 in a text without deletions, keeping the wrapped words selected', () => {
    const text = 'Docker calls containerd.';
    const wrap = makeCloze(text, 13, 23, false);
    expect(wrap.text).toBe('Docker calls {{c1::containerd}}.');
    expect(wrap.insert).toBe('{{c1::containerd}}');
    expect(wrap.text.slice(wrap.selectionStart, wrap.selectionEnd)).toBe('containerd');
  });

  it('numbers the next deletion one above the highest, and with Alt reuses the highest', () => {
    const text = '{{c1::a}} b {{c3::c}} d';
    expect(makeCloze(text, 10, 11, false).text).toBe('{{c1::a}} {{c4::b}} {{c3::c}} d');
    expect(makeCloze(text, 22, 23, true).text).toBe('{{c1::a}} b {{c3::c}} {{c3::d}}');
    expect(makeCloze('plain', 0, 5, true).text).toBe('{{c1::plain}}');
  });

  it('inserts an empty deletion with the caret inside it when nothing is selected', () => {
    const wrap = makeCloze('ab', 1, 1, false);
    expect(wrap.text).toBe('a{{c1::}}b');
    expect([wrap.selectionStart, wrap.selectionEnd]).toEqual([7, 7]);
  });

  it('accepts a backwards or out-of-range selection', () => {
    expect(makeCloze('abc', 3, 1, false).text).toBe('a{{c1::bc}}');
    expect(makeCloze('abc', 2, 99, false).text).toBe('ab{{c1::c}}');
  });
});
