import { describe, expect, it } from 'vitest';
import { fakeWorker as fakeApkgWorker } from '../../../test-support/fake-worker';
import { ImportError } from '../../../domain/import/import-error';
import type { ApkgMessage, ApkgProgress, ApkgRequest } from './apkg-messages';
import { importAnkiPackage } from './load-apkg';

const fakeWorker = () => fakeApkgWorker<ApkgRequest, ApkgMessage>();

describe('the .apkg worker client', () => {
  it('passes the progress on, resolves with the deck and ends the worker', async () => {
    const worker = fakeWorker();
    const seen: ApkgProgress[] = [];
    const bytes = Uint8Array.of(0x50, 0x4b);
    const result = importAnkiPackage(bytes, 'a.apkg', { createWorker: () => worker, onProgress: (p) => seen.push(p) });
    // The worker gets a copy: the chosen file stays readable here.
    expect(bytes.byteLength).toBe(2);
    worker.say({ type: 'progress', stage: 'convert', done: 200, total: 400 });
    const deck = { slug: 'a', title: 'A', description: '', cards: [], origin: 'apkg', warnings: [] } as const;
    worker.say({ type: 'done', deck });
    await expect(result).resolves.toEqual(deck);
    expect(seen).toEqual([{ type: 'progress', stage: 'convert', done: 200, total: 400 }]);
    expect(worker.isTerminated).toBe(true);
  });

  it('cancelling ends the worker at once and rejects; a late answer changes nothing', async () => {
    const worker = fakeWorker();
    const controller = new AbortController();
    const result = importAnkiPackage(Uint8Array.of(1), 'big.apkg', { createWorker: () => worker, signal: controller.signal });
    worker.say({ type: 'progress', stage: 'read', done: 0, total: 0 });
    const reason = new DOMException('Cancelled', 'AbortError');
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(worker.isTerminated).toBe(true);
    worker.say({ type: 'done', deck: { slug: 'x', title: 'X', description: '', cards: [], origin: 'apkg', warnings: [] } });
    await expect(result).rejects.toBe(reason);
  });

  it('an already cancelled import starts no worker', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    let isStarted = false;
    await expect(importAnkiPackage(Uint8Array.of(1), 'a.apkg', { signal: controller.signal, createWorker: () => ((isStarted = true), fakeWorker()) })).rejects.toThrow('Cancelled');
    expect(isStarted).toBe(false);
  });

  it('a refusal in the worker arrives as the same ImportError', async () => {
    const worker = fakeWorker();
    const result = importAnkiPackage(Uint8Array.of(1), 'huge.apkg', { createWorker: () => worker });
    worker.say({ type: 'error', code: 'too-large', source: 'huge.apkg', issues: [{ message: 'huge.apkg: 50,001 cards' }], message: 'huge.apkg: 50,001 cards' });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'too-large', issues: [{ message: 'huge.apkg: 50,001 cards' }] });
  });

  it('a reader that cannot start is reported against the file', async () => {
    const worker = fakeWorker();
    const result = importAnkiPackage(Uint8Array.of(1), 'a.apkg', { createWorker: () => worker });
    worker.fail('');
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(String((error as Error).message)).toContain('the Anki package reader could not be started (worker error)');
    expect(worker.isTerminated).toBe(true);
  });
});
