/**
 * Rules that tie a bundled deck to its file: the id inside must equal the file's base name.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import { DeckError } from './errors.ts';
import type { Deck } from './types.ts';
import { quote } from './valibot-messages.ts';

/** The deck id a file must declare: its base name without `.json` (`decks/foo.json` -> `foo`). */
export function expectedDeckIdFromFile(fileName: string): string {
  const baseName = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return baseName.endsWith('.json') ? baseName.slice(0, -'.json'.length) : baseName;
}

/**
 * Bundled decks are found by file name, so the id inside must equal it. Kept apart from
 * `parseDeck` because an imported deck has no meaningful file name.
 * @throws DeckError `deck-file-mismatch`
 */
export function assertDeckMatchesFile(deck: Deck, fileName: string): void {
  const expectedId = expectedDeckIdFromFile(fileName);
  if (deck.id === expectedId) return;
  throw new DeckError('deck-file-mismatch', fileName, [
    {
      field: 'id',
      message: `${fileName}: field "id" is ${quote(deck.id)} but the file is named for ${quote(expectedId)}; the id must equal the file name without ".json". Rename the file to "${deck.id}.json" or set "id" to ${quote(expectedId)}, keeping whichever id learners already studied under (progress is saved per deck id)`,
    },
  ]);
}
