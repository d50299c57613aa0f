/**
 * Our own deck files (docs/deck-format.md) as imports. The deck-file parser does the checking;
 * this adds only what an import needs: a clear refusal of a backup file chosen by mistake, and
 * the deck id as the slug, so importing a newer version of the same file updates it in place.
 */
import { DeckError } from '../deck/errors.ts';
import { parseJsonText } from '../deck/json-text.ts';
import { parseDeckStrict } from '../deck/check-clozes.ts';
import { buildImportedDeck, type ImportedDeck } from './imported-deck.ts';
import { ImportError, importError } from './import-error.ts';

/** The `format` value that marks a Flipdeck backup file. */
export const BACKUP_FORMAT = 'flipdeck-backup';

/**
 * Parses deck JSON text as an import.
 * @throws ImportError `wrong-type`, `malformed` or `invalid-deck`
 */
export function parseDeckJsonImport(text: string, source: string, origin: 'json' | 'shared-link' = 'json'): ImportedDeck {
  try {
    const json = parseJsonText(text, source);
    if (typeof json === 'object' && json !== null && (json as Record<string, unknown>)['format'] === BACKUP_FORMAT) {
      throw importError('wrong-type', source, 'this is a Flipdeck backup, not a deck. Restore it on the Backup page instead.');
    }
    const deck = parseDeckStrict(json, source);
    return buildImportedDeck({ slug: deck.id, title: deck.title, description: deck.description, cards: deck.cards, origin }, source, []);
  } catch (error) {
    if (error instanceof DeckError) {
      throw new ImportError(error.code === 'invalid-json' ? 'malformed' : 'invalid-deck', source, error.issues, { cause: error });
    }
    throw error;
  }
}
