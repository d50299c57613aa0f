/**
 * Typed storage failures. Dexie and the DOM report the same problem under several names
 * (a full disk can arrive as QuotaExceededError, as Dexie.QuotaExceededError, or as an
 * AbortError whose inner error is the quota one), so they are mapped to one small set of
 * kinds here, each with a message the user can act on.
 */
import { FlipdeckError } from '../domain/errors';

export type StorageErrorKind = 'quota' | 'closed' | 'conflict' | 'unknown';

/** What the caller was doing, so the message can say what was lost. */
export type StorageOperation =
  | 'save-review'
  | 'undo-review'
  | 'save-settings'
  | 'save-card'
  | 'load'
  | 'save-deck'
  | 'delete-deck'
  | 'restore';

const WHAT_WAS_LOST: Readonly<Record<StorageOperation, string>> = {
  'save-review': 'this grade was not saved',
  'undo-review': 'the grade was not undone',
  'save-settings': 'your settings were not saved',
  'save-card': 'the change to this card was not saved',
  load: 'your saved progress could not be loaded',
  'save-deck': 'the deck was not saved and your existing decks are unchanged',
  'delete-deck': 'the deck was not deleted',
  restore: 'nothing was restored and your existing data is unchanged',
};

export type StorageErrorCode = `storage/${StorageErrorKind}`;

/** A failed read or write of progress; `message` is user-facing, `cause` keeps the original for logs. */
export class StorageError extends FlipdeckError<StorageErrorCode> {
  constructor(
    readonly kind: StorageErrorKind,
    readonly operation: StorageOperation,
    message: string,
    cause?: unknown,
  ) {
    super(`storage/${kind}`, message, cause === undefined ? undefined : { cause });
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// InvalidStateError: the IDBDatabase was closed under us (versionchange, user cleared site data).
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'InvalidStateError']);

/** The error and everything it wraps: Dexie's `inner`, standard `cause`, and BulkError `failures`. */
function errorChain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.length < 20) {
    const current = pending.shift();
    if (current === undefined || current === null || seen.includes(current)) continue;
    seen.push(current);
    if (typeof current !== 'object') continue;
    const { inner, cause, failures } = current as { inner?: unknown; cause?: unknown; failures?: unknown };
    pending.push(inner, cause);
    if (Array.isArray(failures)) pending.push(...failures);
    else if (failures !== null && typeof failures === 'object') pending.push(...Object.values(failures));
  }
  return seen;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The `name` of the error and of every error it wraps, outermost first. */
export function errorNamesIn(error: unknown): string[] {
  return errorChain(error)
    .map(errorName)
    .filter((name): name is string => name !== undefined);
}

/** Whether the error (or one it wraps) means the device's storage is full. */
export const isQuotaError = (error: unknown): boolean => errorNamesIn(error).some((name) => QUOTA_NAMES.has(name));

/** Classifies any Dexie/DOM error; quota wins over the AbortError that usually wraps it. */
export function storageErrorKind(error: unknown): StorageErrorKind {
  if (error instanceof StorageError) return error.kind;
  if (isQuotaError(error)) return 'quota';
  if (errorNamesIn(error).some((name) => CLOSED_NAMES.has(name))) return 'closed';
  return 'unknown';
}

/** Maps whatever a storage call threw to a StorageError with a user-facing message. */
export function toStorageError(error: unknown, operation: StorageOperation): StorageError {
  if (error instanceof StorageError) return error;
  const kind = storageErrorKind(error);
  const lost = WHAT_WAS_LOST[operation];
  switch (kind) {
    case 'quota':
      return new StorageError(kind, operation, `Your device's storage is full, so ${lost}. Free up some space and try again.`, error);
    case 'closed':
      return new StorageError(
        kind,
        operation,
        `Flipdeck's storage was closed (it may have been updated in another tab), so ${lost}. Reload the page to keep going.`,
        error,
      );
    default:
      return new StorageError('unknown', operation, `Something went wrong with your device's storage, so ${lost}. Try again, or reload the page.`, error);
  }
}

/** The undo target changed or vanished since it was shown; undo refuses rather than clobber newer data. */
export function undoConflictError(reason: 'missing' | 'changed'): StorageError {
  const message =
    reason === 'missing'
      ? 'That grade was already undone (perhaps in another tab), so there is nothing to undo.'
      : 'This card was reviewed again since (perhaps in another tab), so that grade can no longer be undone.';
  return new StorageError('conflict', 'undo-review', message);
}

/**
 * The grade was computed from a card state that is no longer the stored one (another tab graded
 * the card meanwhile); saving it would silently overwrite that review, so it is refused.
 */
export function staleReviewError(): StorageError {
  return new StorageError(
    'conflict',
    'save-review',
    'This card was graded in another Flipdeck tab, so this grade was not saved. The session now shows your latest progress.',
  );
}

/** A stored log row is unreadable, so undo cannot know what to restore. */
export function corruptUndoError(): StorageError {
  return new StorageError('unknown', 'undo-review', 'That grade could not be undone because its saved record is damaged.');
}

/** A review entry whose states belong to another card is a caller bug; refuse it before writing. */
export function inconsistentReviewError(): StorageError {
  return new StorageError('unknown', 'save-review', 'This grade was not saved because its data was inconsistent. Reload the page and try again.');
}
