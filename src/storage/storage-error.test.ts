import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FlipdeckError } from '../domain/errors';
import { StorageError, toStorageError } from './storage-error';

const dom = (name: string) => new DOMException(`simulated ${name}`, name);

describe('toStorageError', () => {
  it.each([
    ['a DOM QuotaExceededError', dom('QuotaExceededError'), 'quota'],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full', dom('QuotaExceededError')), 'quota'],
    ['an AbortError whose inner error is the quota one', new Dexie.AbortError('aborted', dom('QuotaExceededError')), 'quota'],
    ['an error whose cause is the quota one', new Error('wrapped', { cause: dom('QuotaExceededError') }), 'quota'],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulk', { 0: dom('QuotaExceededError') }), 'quota'],
    ['Dexie.DatabaseClosedError', new Dexie.DatabaseClosedError(), 'closed'],
    ['a DOM InvalidStateError', dom('InvalidStateError'), 'closed'],
    ['a plain AbortError', new Dexie.AbortError('aborted'), 'unknown'],
    ['a ConstraintError', dom('ConstraintError'), 'unknown'],
    ['something that is not an error', 'oops', 'unknown'],
  ] as const)('maps %s to %s', (_label, error, kind) => {
    const mapped = toStorageError(error, 'save-review');
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped).toBeInstanceOf(FlipdeckError);
    expect(mapped).toMatchObject({ kind, code: `storage/${kind}`, operation: 'save-review', cause: error });
  });

  it('says what was lost, in words the user can act on', () => {
    expect(toStorageError(dom('QuotaExceededError'), 'save-review').message).toBe(
      "Your device's storage is full, so this grade was not saved. Free up some space and try again.",
    );
    expect(toStorageError(new Dexie.DatabaseClosedError(), 'save-settings').message).toMatch(/settings were not saved\. Reload the page/);
    expect(toStorageError(new Error('x'), 'load').message).toMatch(/saved progress could not be loaded/);
  });

  it('passes a StorageError through unchanged', () => {
    const original = new StorageError('conflict', 'undo-review', 'nope');
    expect(toStorageError(original, 'load')).toBe(original);
  });
});
