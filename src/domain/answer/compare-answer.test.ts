import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { compareAnswer, expectedTypedAnswer, markdownToPlainText, MAX_COMPARED_LENGTH } from './compare-answer';

describe('compareAnswer', () => {
  it('accepts the answer with other spacing and marks it good as a whole', () => {
    expect(compareAnswer('container runtime', '  container   runtime ')).toEqual({
      isCorrect: true,
      typed: [{ kind: 'good', text: 'container runtime' }],
      expected: [{ kind: 'good', text: 'container runtime' }],
    });
  });

  it('marks a wrong letter in what was typed and the letter it should have been', () => {
    expect(compareAnswer('runc', 'rune')).toEqual({
      isCorrect: false,
      typed: [{ kind: 'good', text: 'run' }, { kind: 'bad', text: 'e' }],
      expected: [{ kind: 'good', text: 'run' }, { kind: 'missing', text: 'c' }],
    });
  });

  it('marks letters left out and letters added', () => {
    expect(compareAnswer('containerd', 'contanerd')).toEqual({
      isCorrect: false,
      typed: [{ kind: 'good', text: 'contanerd' }],
      expected: [{ kind: 'good', text: 'conta' }, { kind: 'missing', text: 'i' }, { kind: 'good', text: 'nerd' }],
    });
    expect(compareAnswer('cgroup', 'cgroups')).toEqual({
      isCorrect: false,
      typed: [{ kind: 'good', text: 'cgroup' }, { kind: 'bad', text: 's' }],
      expected: [{ kind: 'good', text: 'cgroup' }],
    });
  });

  it('counts case and accents, as Anki does, but not Unicode normal forms', () => {
    expect(compareAnswer('Docker', 'docker').isCorrect).toBe(false);
    expect(compareAnswer('café', 'cafe').expected).toEqual([{ kind: 'good', text: 'caf' }, { kind: 'missing', text: 'é' }]);
    expect(compareAnswer('caf\u00e9', 'cafe\u0301').isCorrect).toBe(true);
  });

  it('treats an empty answer as all missing, and an emoji as one character', () => {
    expect(compareAnswer('runc', '   ')).toEqual({ isCorrect: false, typed: [], expected: [{ kind: 'missing', text: 'runc' }] });
    expect(compareAnswer('a🐳b', 'a🐋b').typed).toEqual([{ kind: 'good', text: 'a' }, { kind: 'bad', text: '🐋' }, { kind: 'good', text: 'b' }]);
  });

  it('marks an over-long answer wrong as a whole instead of aligning it', () => {
    const long = 'x'.repeat(MAX_COMPARED_LENGTH + 1);
    expect(compareAnswer(long, `${long}y`)).toEqual({ isCorrect: false, typed: [{ kind: 'bad', text: `${long}y` }], expected: [{ kind: 'missing', text: long }] });
  });
});

describe('expectedTypedAnswer', () => {
  const card = { id: asCardId('c'), front: 'Q', back: 'The **`runc`** [runtime](https://example.org)', tags: [] };

  it('is null for a card without typeAnswer, the back as plain text for true, the given text for a string', () => {
    expect(expectedTypedAnswer(card)).toBeNull();
    expect(expectedTypedAnswer({ ...card, typeAnswer: true })).toBe('The runc runtime');
    expect(expectedTypedAnswer({ ...card, typeAnswer: 'runc' })).toBe('runc');
  });

  it('is the card\'s own deletions on a cloze card', () => {
    const cloze = { ...card, front: '{{c1::containerd}} calls {{c2::runc}}', back: '', noteId: 'n', clozeNumber: 2, typeAnswer: true as const };
    expect(expectedTypedAnswer(cloze)).toBe('runc');
  });

  it('reduces Markdown lists, headings, quotes and escapes to their words', () => {
    expect(markdownToPlainText('# Title\n\n- **one**\n- two\n\n> \\*quoted\\*')).toBe('Title one two *quoted*');
  });
});
