/// <reference lib="webworker" />
/**
 * Reads and converts an Anki package off the main thread: unzipping, zstd, SQLite and turning
 * thousands of notes into Markdown take seconds on a big deck, which on the page would freeze it.
 * sql.js's WebAssembly is served from the app's own origin (never a CDN).
 */
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { ankiCollectionToDeck } from '../../../domain/import/anki-collection';
import { ImportError } from '../../../domain/import/import-error';
import type { ApkgMessage, ApkgRequest } from './apkg-messages';
import { createHtmlToMarkdown } from './html-to-markdown';
import { readAnkiPackage } from './read-apkg';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Progress is posted every this many converted sides: often enough for the bar, cheap enough not to matter. */
const PROGRESS_EVERY = 200;

const post = (message: ApkgMessage) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ApkgRequest>) => {
  const { bytes, source } = event.data;
  try {
    post({ type: 'progress', stage: 'read', done: 0, total: 0 });
    const collection = await readAnkiPackage(bytes, source, { locateFile: () => sqlWasmUrl });
    const total = collection.cards.length * 2;
    const convert = createHtmlToMarkdown();
    let done = 0;
    post({ type: 'progress', stage: 'convert', done, total });
    const deck = ankiCollectionToDeck(collection, source, (html) => {
      done += 1;
      if (done % PROGRESS_EVERY === 0) post({ type: 'progress', stage: 'convert', done, total });
      return convert(html);
    });
    post({ type: 'done', deck });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post(error instanceof ImportError ? { type: 'error', code: error.code, source: error.source, issues: error.issues, message } : { type: 'error', code: null, source, issues: [], message });
  }
};
