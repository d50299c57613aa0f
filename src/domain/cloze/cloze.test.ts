import { describe, expect, it } from 'vitest';
import { asCardId } from '../ids';
import { cardFaces } from './card-faces';
import { ClozeError, clozeAnswer, clozeNumbers, parseCloze, revealCloze } from './cloze';
import { CLOZE_MARKS } from './cloze-marks';

const { blankStart: B, blankEnd: b, answerStart: A, answerEnd: a } = CLOZE_MARKS;

function errorOf(text: string): ClozeError {
  try {
    parseCloze(text);
  } catch (error) {
    if (error instanceof ClozeError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseCloze and revealCloze', () => {
  it('makes one card per cloze number and blanks only that card on its front', () => {
    const nodes = parseCloze('{{c1::Canberra}} is the capital of {{c2::Australia}}.');
    expect(clozeNumbers(nodes)).toEqual([1, 2]);
    expect(revealCloze(nodes, 1, 'front')).toBe(`${B}\\[…\\]${b} is the capital of Australia.`);
    expect(revealCloze(nodes, 2, 'front')).toBe(`Canberra is the capital of ${B}\\[…\\]${b}.`);
    expect(revealCloze(nodes, 1, 'back')).toBe(`${A}Canberra${a} is the capital of Australia.`);
  });

  it('shows a hint in place of the blank, escaped so it reads literally', () => {
    const nodes = parseCloze('Runs containers: {{c1::runc::low-level *runtime*}}');
    expect(revealCloze(nodes, 1, 'front')).toBe(`Runs containers: ${B}\\[low\\-level \\*runtime\\*\\]${b}`);
    expect(revealCloze(nodes, 1, 'back')).toBe(`Runs containers: ${A}runc${a}`);
  });

  it('blanks every deletion of a repeated number on one card, and a multi-number deletion on each', () => {
    const nodes = parseCloze('{{c1::a}} {{c2::b}} {{c1::c}} {{c2,3::d}}');
    expect(clozeNumbers(nodes)).toEqual([1, 2, 3]);
    expect(revealCloze(nodes, 1, 'front')).toBe(`${B}\\[…\\]${b} b ${B}\\[…\\]${b} d`);
    expect(revealCloze(nodes, 3, 'front')).toBe(`a b c ${B}\\[…\\]${b}`);
    expect(clozeAnswer(nodes, 1)).toBe('a, c');
    expect(clozeAnswer(nodes, 2)).toBe('b, d');
  });

  it('nests as Anki does: the outer card hides all of it, the inner card hides only its part', () => {
    const nodes = parseCloze('{{c1::The {{c2::kernel}} isolates processes}} with namespaces.');
    expect(clozeNumbers(nodes)).toEqual([1, 2]);
    expect(revealCloze(nodes, 1, 'front')).toBe(`${B}\\[…\\]${b} with namespaces.`);
    expect(revealCloze(nodes, 2, 'front')).toBe(`The ${B}\\[…\\]${b} isolates processes with namespaces.`);
    expect(revealCloze(nodes, 1, 'back')).toBe(`${A}The kernel isolates processes${a} with namespaces.`);
    expect(revealCloze(nodes, 2, 'back')).toBe(`The ${A}kernel${a} isolates processes with namespaces.`);
    expect(clozeAnswer(nodes, 1)).toBe('The kernel isolates processes');
  });

  it('keeps Markdown inside an answer and a "}}" outside any deletion as text', () => {
    const nodes = parseCloze('Use {{c1::**cgroups**}} }} here');
    expect(revealCloze(nodes, 1, 'back')).toBe(`Use ${A}**cgroups**${a} }} here`);
  });

  it('takes a hint after a nested deletion, and removes stray mark characters from the text', () => {
    const nodes = parseCloze(`{{c1::a {{c2::b}}::the hint}} ${A}x`);
    expect(revealCloze(nodes, 1, 'front')).toBe(`${B}\\[the hint\\]${b} x`);
  });

  it('refuses an unclosed deletion, naming where it opened', () => {
    const error = errorOf('line one\nsee {{c1::answer and more');
    expect(error.code).toBe('unclosed-cloze');
    expect(error.position).toEqual({ offset: 13, line: 2, column: 5 });
    expect(error.message).toBe('the cloze opened at line 2, column 5 is never closed: end it with }}');
  });

  it('refuses c0, a number that is not a number and a missing number, with their positions', () => {
    expect(errorOf('x {{c0::y}}').message).toBe('{{c0:: at line 1, column 3: cloze numbers run from c1 to c500, not c0');
    expect(errorOf('{{c1a::y}}').message).toBe('{{c1a:: at line 1, column 1: the cloze number must be a whole number such as c1 (or a list such as c1,2), not "1a"');
    expect(errorOf('{{cx::y}}').code).toBe('invalid-cloze-number');
    expect(errorOf('{{c::y}}').message).toBe('{{c:: at line 1, column 1 has no cloze number: write {{c1::…}}');
    expect(errorOf('{{c1,,2::y}}').code).toBe('invalid-cloze-number');
    expect(errorOf('{{c501::y}}').code).toBe('invalid-cloze-number');
  });

  it('refuses nesting deeper than Anki allows, a deletion in a hint, and a text with no deletion', () => {
    expect(errorOf(`${'{{c1::'.repeat(11)}x${'}}'.repeat(11)}`).code).toBe('cloze-too-deep');
    expect(errorOf('{{c1::a::hint {{c2::b}}}}').code).toBe('cloze-in-hint');
    const none = errorOf('no deletions, only {{code}} and {{c1 ::spaced}}');
    expect(none.code).toBe('no-cloze');
    expect(none.message).toContain('{{c1::answer}}');
  });
});

describe('cardFaces', () => {
  const base = { id: asCardId('n.c1'), tags: [] };

  it('shows a plain card as it is, with the question repeated above the answer', () => {
    expect(cardFaces({ ...base, front: 'Q', back: 'A' })).toEqual({ front: 'Q', back: 'A', isBackComplete: false });
  });

  it('shows a cloze card blanked, then revealed with the extra text under it', () => {
    const card = { ...base, front: '{{c1::runc}} runs containers', back: 'Used by containerd.', noteId: 'n', clozeNumber: 1 };
    expect(cardFaces(card)).toEqual({
      front: `${B}\\[…\\]${b} runs containers`,
      back: `${A}runc${a} runs containers\n\nUsed by containerd.`,
      isBackComplete: true,
    });
    expect(cardFaces({ ...card, back: '' }).back).toBe(`${A}runc${a} runs containers`);
  });
});
