/**
 * rehype step for revealed clozes: the marks revealCloze puts in the Markdown become
 * `<span class="cloze-blank">` (the front's `[…]` or `[hint]`) and `<mark class="cloze-answer">`
 * (the back's answer). An answer may span several elements (`{{c1::**bold** word}}`), so every
 * run of text between the answer's marks is wrapped on its own, in document order; the marks
 * themselves are removed. Text without marks passes through untouched.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { CLOZE_MARKS } from '../../domain/cloze/cloze-marks';

type Wrap = 'blank' | 'answer' | null;

const WRAPS: Readonly<Record<Exclude<Wrap, null>, { tagName: string; className: string }>> = {
  blank: { tagName: 'span', className: 'cloze-blank' },
  answer: { tagName: 'mark', className: 'cloze-answer' },
};

const MARK_SPLIT = /([\uFDD0-\uFDD3])/;

function wrapped(value: string, wrap: Wrap): ElementContent {
  const text: Text = { type: 'text', value };
  if (wrap === null) return text;
  const { tagName, className } = WRAPS[wrap];
  return { type: 'element', tagName, properties: { className: [className] }, children: [text] };
}

function transform(parent: Root | Element, state: { wrap: Wrap }): void {
  const children: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      transform(child, state);
      children.push(child);
      continue;
    }
    if (child.type !== 'text' || (!MARK_SPLIT.test(child.value) && state.wrap === null)) {
      children.push(child);
      continue;
    }
    for (const part of child.value.split(MARK_SPLIT)) {
      if (part === CLOZE_MARKS.blankStart) state.wrap = 'blank';
      else if (part === CLOZE_MARKS.answerStart) state.wrap = 'answer';
      else if (part === CLOZE_MARKS.blankEnd || part === CLOZE_MARKS.answerEnd) state.wrap = null;
      // Whitespace between block elements (table rows, list items) is never wrapped: a <mark> there is invalid.
      else if (part !== '') children.push(wrapped(part, part.trim() === '' ? null : state.wrap));
    }
  }
  parent.children = children as typeof parent.children;
}

/** The rehype plugin: always on, a no-op on text without cloze marks. */
export const rehypeCloze = () => (tree: Root) => transform(tree, { wrap: null });
