/**
 * Typing the answer, compared as Anki compares it (rslib/src/typeanswer.rs): character by
 * character, so a student sees exactly which letters were wrong and which were missing. The typed
 * text is split into runs that match the expected answer and runs that do not; the expected answer
 * into matching runs and runs the student left out. Case and accents count, as in Anki; spaces at
 * either end and runs of spaces do not, and both texts are compared in Unicode NFC form.
 */
import { parseCloze, clozeAnswer } from '../cloze/cloze';
import type { Card } from '../deck/types';

export interface TypedRun {
  readonly kind: 'good' | 'bad';
  readonly text: string;
}

export interface ExpectedRun {
  readonly kind: 'good' | 'missing';
  readonly text: string;
}

export interface AnswerComparison {
  readonly isCorrect: boolean;
  /** What the student typed, normalised, in runs. Empty when nothing was typed. */
  readonly typed: readonly TypedRun[];
  /** The expected answer, normalised, in runs. */
  readonly expected: readonly ExpectedRun[];
}

/**
 * Past this many characters on either side the quadratic alignment is skipped and a text that
 * differs is marked wrong as a whole: a typed answer is a word or a line, not an essay.
 */
export const MAX_COMPARED_LENGTH = 1_000;

const normalise = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');

function pushRun<K extends string>(runs: { kind: K; text: string }[], kind: K, char: string): void {
  const last = runs.at(-1);
  if (last?.kind === kind) last.text += char;
  else runs.push({ kind, text: char });
}

/** Compares the typed text with the expected answer. */
export function compareAnswer(expectedText: string, typedText: string): AnswerComparison {
  const expectedNorm = normalise(expectedText);
  const typedNorm = normalise(typedText);
  if (typedNorm === expectedNorm) {
    const runs = expectedNorm === '' ? [] : [{ kind: 'good' as const, text: expectedNorm }];
    return { isCorrect: true, typed: runs, expected: runs };
  }
  // Code points, not UTF-16 units: an emoji or a letter outside the BMP is one character.
  const expected = Array.from(expectedNorm);
  const typed = Array.from(typedNorm);
  if (typed.length === 0) return { isCorrect: false, typed: [], expected: [{ kind: 'missing', text: expectedNorm }] };
  if (expected.length > MAX_COMPARED_LENGTH || typed.length > MAX_COMPARED_LENGTH) {
    return { isCorrect: false, typed: [{ kind: 'bad', text: typedNorm }], expected: [{ kind: 'missing', text: expectedNorm }] };
  }

  // Longest common subsequence table, from the ends, so the walk below goes front to back.
  const width = expected.length + 1;
  const lengths = new Uint16Array((typed.length + 1) * width);
  for (let t = typed.length - 1; t >= 0; t -= 1) {
    for (let e = expected.length - 1; e >= 0; e -= 1) {
      lengths[t * width + e] =
        typed[t] === expected[e]
          ? (lengths[(t + 1) * width + e + 1] ?? 0) + 1
          : Math.max(lengths[(t + 1) * width + e] ?? 0, lengths[t * width + e + 1] ?? 0);
    }
  }
  const typedRuns: { kind: TypedRun['kind']; text: string }[] = [];
  const expectedRuns: { kind: ExpectedRun['kind']; text: string }[] = [];
  let t = 0;
  let e = 0;
  while (t < typed.length || e < expected.length) {
    const typedChar = typed[t];
    const expectedChar = expected[e];
    if (typedChar !== undefined && typedChar === expectedChar) {
      pushRun(typedRuns, 'good', typedChar);
      pushRun(expectedRuns, 'good', expectedChar);
      t += 1;
      e += 1;
    } else if (expectedChar === undefined || (typedChar !== undefined && (lengths[(t + 1) * width + e] ?? 0) >= (lengths[t * width + e + 1] ?? 0))) {
      pushRun(typedRuns, 'bad', typedChar as string);
      t += 1;
    } else {
      pushRun(expectedRuns, 'missing', expectedChar);
      e += 1;
    }
  }
  return { isCorrect: false, typed: typedRuns, expected: expectedRuns };
}

/** Markdown reduced to the words it shows, for comparing a typed answer with a card's back. */
export function markdownToPlainText(markdown: string): string {
  // Escaped punctuation is kept aside first, so `\*` survives the emphasis stripping as `*`.
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>$])/g, (_, char: string) => `\uE000${char.charCodeAt(0)}\uE001`)
    .replace(/^\s*(?:`{3,}|~{3,}).*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/\uE000(\d+)\uE001/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The answer a card expects typed, or null when the card is not a type-in card. */
export function expectedTypedAnswer(card: Card): string | null {
  if (card.typeAnswer === undefined) return null;
  if (typeof card.typeAnswer === 'string') return card.typeAnswer;
  if (card.clozeNumber !== undefined) {
    try {
      return clozeAnswer(parseCloze(card.front), card.clozeNumber);
    } catch {
      return null;
    }
  }
  return markdownToPlainText(card.back);
}
