/**
 * Turns a chosen file into a previewable deck, or the reasons it cannot be one. Pure apart from
 * being asynchronous (an .apkg is unpacked lazily); nothing here touches storage.
 */
import { decodeText } from '../../domain/import/decode-text';
import { detectImportKind, type ImportKind } from '../../domain/import/detect-format';
import type { Deck } from '../../domain/deck/types';
import type { ImportedDeck } from '../../domain/import/imported-deck';
import { importError } from '../../domain/import/import-error';
import { retargetAnkiImport } from '../../domain/import/match-anki-deck';
import { parseDeckJsonImport } from '../../domain/import/parse-deck-json';
import { detectDelimiter, parseDelimitedDeck, type DelimitedOptions } from '../../domain/import/parse-delimited';
import { parseMarkdownDeck } from '../../domain/import/parse-markdown-deck';
import type { ApkgImportOptions } from './anki/load-apkg';

export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type ImportOutcome =
  | { readonly ok: true; readonly kind: ImportKind; readonly deck: ImportedDeck; readonly csvOptions?: DelimitedOptions }
  | { readonly ok: false; readonly kind: ImportKind; readonly error: unknown; readonly csvOptions?: DelimitedOptions };

/**
 * Parses the file with the parser its name or content calls for. An Anki package is matched
 * against `decks` by note guid, so a newer export updates the deck it came from in place.
 */
export async function readImport(
  file: ChosenFile,
  csvOptions?: Partial<DelimitedOptions>,
  decks: Iterable<Pick<Deck, 'id' | 'title' | 'cards' | 'parent'>> = [],
  apkgOptions: ApkgImportOptions = {},
): Promise<ImportOutcome> {
  const kind = detectImportKind(file.name, file.bytes);
  try {
    switch (kind) {
      case 'apkg': {
        let importAnkiPackage;
        try {
          ({ importAnkiPackage } = await import('./anki/load-apkg'));
        } catch (error) {
          throw importError('wrong-type', file.name, `the Anki package reader could not be loaded (${(error as Error).message}). Connect to the internet once and try again.`);
        }
        return { ok: true, kind, deck: retargetAnkiImport(await importAnkiPackage(file.bytes, file.name, apkgOptions), decks) };
      }
      case 'json':
        return { ok: true, kind, deck: parseDeckJsonImport(decodeText(file.bytes, file.name), file.name) };
      case 'markdown':
        return { ok: true, kind, deck: parseMarkdownDeck(decodeText(file.bytes, file.name), file.name) };
      case 'delimited': {
        const { deck, options } = parseDelimitedDeck(decodeText(file.bytes, file.name), file.name, csvOptions);
        return { ok: true, kind, deck, csvOptions: options };
      }
    }
  } catch (error) {
    return { ok: false, kind, error, ...(kind === 'delimited' ? optionsToRetry(file, csvOptions) : {}) };
  }
}

/** After a failed CSV parse, the options to show so the user can try another delimiter. */
function optionsToRetry(file: ChosenFile, chosen?: Partial<DelimitedOptions>): { csvOptions?: DelimitedOptions } {
  try {
    const text = decodeText(file.bytes, file.name);
    return { csvOptions: { delimiter: chosen?.delimiter ?? detectDelimiter(text), hasHeader: chosen?.hasHeader ?? false } };
  } catch {
    // Undecodable text: another delimiter would not help.
    return {};
  }
}
