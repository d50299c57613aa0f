import { describe, expect, it } from 'vitest';
import type { AnkiExportSource } from '../../../domain/export/anki-package';
import type { ApkgExportMessage, ApkgExportProgress } from './apkg-export-messages';
import { exportAnkiPackage, type ApkgExportWorker } from './export-apkg';

/** A worker that does nothing by itself: the test speaks for it. */
function fakeWorker() {
  return {
    onmessage: null as ApkgExportWorker['onmessage'],
    onerror: null as ApkgExportWorker['onerror'],
    posted: [] as unknown[],
    isTerminated: false,
    postMessage(message: unknown) {
      this.posted.push(message);
    },
    terminate() {
      this.isTerminated = true;
    },
    say(message: ApkgExportMessage) {
      this.onmessage?.({ data: message } as MessageEvent<ApkgExportMessage>);
    },
  };
}

const source: AnkiExportSource = { decks: [], states: [], reviews: [], media: [], nowMs: 0 };

describe('the .apkg export worker client', () => {
  it('passes the progress on, resolves with the file and ends the worker', async () => {
    const worker = fakeWorker();
    const seen: ApkgExportProgress[] = [];
    const result = exportAnkiPackage(source, { createWorker: () => worker, onProgress: (p) => seen.push(p) });
    expect(worker.posted).toEqual([{ source }]);
    worker.say({ type: 'progress', stage: 'write', done: 1000, total: 4000 });
    worker.say({ type: 'done', bytes: Uint8Array.of(0x50, 0x4b) });
    await expect(result).resolves.toEqual(Uint8Array.of(0x50, 0x4b));
    expect(seen).toEqual([{ type: 'progress', stage: 'write', done: 1000, total: 4000 }]);
    expect(worker.isTerminated).toBe(true);
  });

  it('cancelling ends the worker at once and rejects; a late file changes nothing', async () => {
    const worker = fakeWorker();
    const controller = new AbortController();
    const result = exportAnkiPackage(source, { createWorker: () => worker, signal: controller.signal });
    const reason = new DOMException('Export cancelled', 'AbortError');
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(worker.isTerminated).toBe(true);
    worker.say({ type: 'done', bytes: Uint8Array.of(1) });
    await expect(result).rejects.toBe(reason);
  });

  it('a failure in the worker is reported in words', async () => {
    const worker = fakeWorker();
    const result = exportAnkiPackage(source, { createWorker: () => worker });
    worker.say({ type: 'error', message: 'out of memory' });
    await expect(result).rejects.toThrow('The Anki package could not be written (out of memory).');
  });
});
