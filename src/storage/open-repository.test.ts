import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeOpenFailure, openRepository } from './open-repository';
import { makeReview, makeState } from './test-fixtures';

const NOT_KEPT = /progress from this visit will not be kept/;

/** An IndexedDB factory whose open() throws, as browsers do in private mode or with storage off. */
function throwingFactory(error: unknown): IDBFactory {
  const factory = new IDBFactory();
  factory.open = () => {
    throw error;
  };
  return factory;
}

/** An IndexedDB factory whose open request never settles (a hung open). */
function hangingFactory(): IDBFactory {
  const factory = new IDBFactory();
  factory.open = () => ({}) as IDBOpenDBRequest;
  return factory;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openRepository', () => {
  it('opens persistent storage when IndexedDB works', async () => {
    const { repository, problem } = await openRepository({ dbName: 'open-ok', indexedDB: new IDBFactory() });
    expect(problem).toBeNull();
    expect(repository.isPersistent).toBe(true);
    expect(await repository.recordReview(makeReview(null, makeState('c1')))).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('keeps progress across opens of the same database', async () => {
    const factory = new IDBFactory();
    const first = await openRepository({ dbName: 'open-twice', indexedDB: factory });
    await first.repository.recordReview(makeReview(null, makeState('c1')));
    const second = await openRepository({ dbName: 'open-twice', indexedDB: factory });
    expect((await second.repository.exportAll()).reviewLog).toHaveLength(1);
  });

  it('falls back to memory when the page has no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { repository, problem } = await openRepository({});
    expect(repository.isPersistent).toBe(false);
    expect(problem).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(NOT_KEPT) });
  });

  it('falls back to memory when opening throws (private mode, storage blocked)', async () => {
    const { repository, problem } = await openRepository({ indexedDB: throwingFactory(new DOMException('The operation is insecure.', 'SecurityError')) });
    expect(repository.isPersistent).toBe(false);
    expect(problem).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(NOT_KEPT) });
    // The fallback still works, so studying can go on.
    expect(await repository.recordReview(makeReview(null, makeState('c1')))).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('treats Firefox private mode (InvalidStateError) as unavailable', async () => {
    const { problem } = await openRepository({ indexedDB: throwingFactory(new DOMException('A mutation operation was attempted', 'InvalidStateError')) });
    expect(problem?.kind).toBe('unavailable');
  });

  it('reports a full disk as quota', async () => {
    const { problem } = await openRepository({ indexedDB: throwingFactory(new DOMException('Quota exceeded', 'QuotaExceededError')) });
    expect(problem).toMatchObject({ kind: 'quota', message: expect.stringMatching(/storage is full/) });
  });

  it('gives up on an open that hangs', async () => {
    const { repository, problem } = await openRepository({ indexedDB: hangingFactory(), openTimeoutMs: 20 });
    expect(repository.isPersistent).toBe(false);
    expect(problem).toMatchObject({ kind: 'unknown', message: expect.stringMatching(/took too long/) });
  });

  it('reports blocked when an older tab keeps the open waiting past the timeout', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('flipdeck', 1);
      request.onsuccess = () => resolve(request.result);
    });
    old.onversionchange = () => {};
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    // The blocked event must arrive before the timeout; 50 ms was too tight on a busy machine.
    const { repository, problem } = await openRepository({ indexedDB: factory, openTimeoutMs: 2_000 });

    expect(repository.isPersistent).toBe(false);
    expect(problem).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/another tab/) });
    old.close();
  });

  it('asks for a reload when the stored database is newer than this build', () => {
    const problem = describeOpenFailure(new DOMException('The requested version is less than the existing version', 'VersionError'), false);
    expect(problem).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/newer version of Flipdeck/) });
  });
});
