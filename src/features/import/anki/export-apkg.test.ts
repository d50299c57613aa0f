import { describe, expect, it, vi } from 'vitest';
import { fakeWorker as fakeApkgWorker } from '../../../test-support/fake-worker';
import type { AnkiExportSource } from '../../../domain/export/anki-package';
import type { ApkgExportMessage, ApkgExportProgress, ApkgExportRequest } from './apkg-export-messages';
import { EXPORT_PART_ROWS, exportAnkiPackage } from './export-apkg';

const fakeWorker = () => fakeApkgWorker<ApkgExportRequest, ApkgExportMessage>();

const source: AnkiExportSource = { decks: [], states: [], reviews: [], media: [], nowMs: 0 };

describe('the .apkg export worker client', () => {
  it('passes the progress on, resolves with the file and ends the worker', async () => {
    const worker = fakeWorker();
    const seen: ApkgExportProgress[] = [];
    const result = exportAnkiPackage(source, { createWorker: () => worker, onProgress: (p) => seen.push(p) });
    expect(worker.posted).toEqual([{ type: 'source', source }]);
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

  it('sends a big deck\'s states and reviews in parts, a task each, then the rest; cancelling stops the parts', async () => {
    const state = { cardId: 'c' } as unknown as AnkiExportSource['states'][number];
    const review = { id: 'r' } as unknown as AnkiExportSource['reviews'][number];
    const big: AnkiExportSource = { ...source, states: Array.from({ length: EXPORT_PART_ROWS + 1 }, () => state), reviews: Array.from({ length: EXPORT_PART_ROWS * 2 }, () => review) };
    const worker = fakeWorker();
    void exportAnkiPackage(big, { createWorker: () => worker });
    // One part per task: only the first is posted before the page gets the thread back.
    expect(worker.posted).toHaveLength(1);
    await vi.waitFor(() => expect(worker.posted.at(-1)).toEqual({ type: 'source', source }));
    const parts = worker.posted.slice(0, -1) as { type: string; states?: unknown[]; reviews?: unknown[] }[];
    expect(parts.map((part) => part.type)).toEqual(['states', 'states', 'reviews', 'reviews']);
    expect(parts.flatMap((part) => part.states ?? [])).toHaveLength(big.states.length);
    expect(parts.flatMap((part) => part.reviews ?? [])).toHaveLength(big.reviews.length);

    const cancelled = fakeWorker();
    const controller = new AbortController();
    const result = exportAnkiPackage(big, { createWorker: () => cancelled, signal: controller.signal });
    controller.abort(new DOMException('Export cancelled', 'AbortError'));
    await expect(result).rejects.toThrow('Export cancelled');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelled.posted).toHaveLength(1);
  });

  it('a failure in the worker is reported in words', async () => {
    const worker = fakeWorker();
    const result = exportAnkiPackage(source, { createWorker: () => worker });
    worker.say({ type: 'error', message: 'out of memory' });
    await expect(result).rejects.toThrow('The Anki package could not be written (out of memory).');
  });

  it('a writer that cannot start says so, and what to do', async () => {
    const worker = fakeWorker();
    const result = exportAnkiPackage(source, { createWorker: () => worker });
    worker.fail('Failed to fetch a dynamically imported module');
    await expect(result).rejects.toThrow('The Anki package writer could not be started (Failed to fetch a dynamically imported module). Connect to the internet once and try again.');
    expect(worker.isTerminated).toBe(true);
  });
});
