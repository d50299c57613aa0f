/// <reference lib="webworker" />
/**
 * Writes an Anki package off the main thread: turning thousands of cards into Anki rows, SQLite
 * and the zip take seconds on a big deck. Uses the importer's sql.js, served from the app's origin.
 */
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { buildAnkiPackageRows, type AnkiExportSource } from '../../../domain/export/anki-package';
import type { ApkgExportMessage, ApkgExportRequest } from './apkg-export-messages';
import { writeAnkiCollection, zipAnkiPackage } from './write-apkg';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: ApkgExportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

const states: AnkiExportSource['states'][number][] = [];
const reviews: AnkiExportSource['reviews'][number][] = [];

scope.onmessage = (event: MessageEvent<ApkgExportRequest>) => {
  const request = event.data;
  if (request.type === 'states') states.push(...request.states);
  else if (request.type === 'reviews') reviews.push(...request.reviews);
  else void write({ ...request.source, states: [...states, ...request.source.states], reviews: [...reviews, ...request.source.reviews] });
};

async function write(source: AnkiExportSource) {
  try {
    const cardCount = source.decks.reduce((sum, deck) => sum + deck.cards.length, 0);
    post({ type: 'progress', stage: 'build', done: 0, total: cardCount });
    const rows = buildAnkiPackageRows({ ...source, mediaNames: source.media.map((file) => file.name) }, (done, total) => post({ type: 'progress', stage: 'build', done, total }));
    const collection = await writeAnkiCollection(rows, { locateFile: () => sqlWasmUrl }, (done, total) => post({ type: 'progress', stage: 'write', done, total }));
    post({ type: 'progress', stage: 'zip', done: 0, total: 1 });
    const bytes = zipAnkiPackage(collection, source.media);
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
