/**
 * The full check of a deck file's cloze notes: every deletion closed, numbered c1 to c500, nested
 * no deeper than Anki allows. parseDeck (which every load runs, on the first screen too) checks
 * only that a note has deletions; the places where a deck file first arrives, the build and the
 * import, run parseDeckStrict, which adds this check and reports each problem with its card, its
 * field and its line and column, in the same words as every other deck error.
 *
 * Imports name their `.ts` files because the Vite config loads this module natively.
 */
import { ClozeError, parseCloze } from '../cloze/cloze.ts';
import { DeckError, type DeckIssue } from './errors.ts';
import { parseDeck, type ParseDeckOptions } from './parse-deck.ts';
import type { Deck } from './types.ts';
import { isRecord, quote } from './valibot-messages.ts';

/** One issue per malformed cloze note among the raw card entries. */
export function clozeIssues(rawCards: unknown, source: string): DeckIssue[] {
  if (!Array.isArray(rawCards)) return [];
  const issues: DeckIssue[] = [];
  rawCards.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry['cloze'] !== 'string') return;
    try {
      parseCloze(entry['cloze']);
    } catch (error) {
      if (!(error instanceof ClozeError)) throw error;
      // The schema already says so, in the same place.
      if (error.code === 'no-cloze') return;
      const id = typeof entry['id'] === 'string' && entry['id'] !== '' ? entry['id'] : undefined;
      const label = id === undefined ? `card ${index + 1}` : `card ${index + 1} (id ${quote(id)})`;
      issues.push({
        cardNumber: index + 1,
        ...(id === undefined ? {} : { cardId: id }),
        field: 'cloze',
        message: `${source}: ${label}: field "cloze" is not a valid cloze text: ${error.message}`,
      });
    }
  });
  return issues;
}

/**
 * parseDeck plus the full cloze check, for a deck file that has not been checked before.
 * @throws DeckError `unsupported-schema-version` or `invalid-deck`
 */
export function parseDeckStrict(input: unknown, source: string, options: ParseDeckOptions = {}): Deck {
  let deck: Deck;
  try {
    deck = parseDeck(input, source, options);
  } catch (error) {
    // Report cloze problems beside the others, so the author sees every problem at once.
    if (error instanceof DeckError && error.code === 'invalid-deck') {
      const extra = clozeIssues(isRecord(input) ? input['cards'] : undefined, source);
      // The full parser's message on a note replaces the schema's vaguer one ("has no deletion" for `{{cx::`).
      const explained = new Set(extra.map((issue) => issue.cardNumber));
      const kept = error.issues.filter((issue) => !(issue.field === 'cloze' && explained.has(issue.cardNumber)));
      const issues = [...kept, ...extra];
      issues.sort((a, b) => (a.cardNumber ?? 0) - (b.cardNumber ?? 0));
      throw new DeckError('invalid-deck', source, issues);
    }
    throw error;
  }
  const issues = clozeIssues(isRecord(input) ? input['cards'] : undefined, source);
  if (issues.length > 0) throw new DeckError('invalid-deck', source, issues);
  return deck;
}
