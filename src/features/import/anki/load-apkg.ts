/**
 * The browser side of an .apkg import: sql.js's WebAssembly is served from the app's own
 * origin (never a CDN), and field HTML becomes Markdown through turndown. This module and
 * everything it imports load only when a package is chosen.
 */
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import TurndownService from 'turndown';
import { ankiCollectionToDeck } from '../../../domain/import/anki-collection';
import type { ImportedDeck } from '../../../domain/import/imported-deck';
import { readAnkiPackage } from './read-apkg';

function createConverter(): (html: string) => string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', emDelimiter: '*' });
  // Their text is never card content; everything else is converted or reduced to its text.
  turndown.remove(['script', 'style', 'iframe', 'object', 'embed', 'svg' as keyof HTMLElementTagNameMap]);
  return (html) => turndown.turndown(html);
}

/** Reads an Anki package into a previewable deck. */
export async function importAnkiPackage(bytes: Uint8Array, source: string): Promise<ImportedDeck> {
  const collection = await readAnkiPackage(bytes, source, { locateFile: () => sqlWasmUrl });
  return ankiCollectionToDeck(collection, source, createConverter());
}
