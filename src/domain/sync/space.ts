/**
 * A sync space: the random id and random secret a device makes when sync is turned on, and the
 * link that carries both to another device in its URL fragment (never sent to any server).
 * Everything else (keys, the server credential, document names) is derived from these two.
 */
import { FlipdeckError } from '../errors.ts';
import { fromBase64Url, toBase64Url } from './bytes.ts';

/** Bytes of randomness; the caller passes crypto.getRandomValues, tests pass a seeded source. */
export type RandomBytes = (length: number) => Uint8Array;

/** The space id is public to the server (it names the space); the secret never leaves devices. */
export interface SyncSpace {
  /** 16 random bytes, base64url (22 characters). */
  readonly spaceId: string;
  /** 32 random bytes, base64url (43 characters). */
  readonly secret: string;
}

export const SPACE_ID_BYTES = 16;
export const SECRET_BYTES = 32;
const SPACE_ID = /^[A-Za-z0-9_-]{22}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The link's route: `#/sync/<spaceId>.<secret>`, beside the app's other hash routes. */
export const SYNC_LINK_PREFIX = '#/sync/';

export class SyncLinkError extends FlipdeckError<'bad-sync-link'> {
  constructor(message: string) {
    super('bad-sync-link', message);
  }
}

/** Whether `value` is a well-formed space id (the server checks document names with this). */
export const isSpaceId = (value: unknown): value is string => typeof value === 'string' && SPACE_ID.test(value);

/** A new space from fresh randomness. */
export function createSyncSpace(randomBytes: RandomBytes): SyncSpace {
  return { spaceId: toBase64Url(randomBytes(SPACE_ID_BYTES)), secret: toBase64Url(randomBytes(SECRET_BYTES)) };
}

/** The decoded secret; a space that passed parseSyncSpace always has 32 bytes. */
export const secretBytes = (space: SyncSpace): Uint8Array => fromBase64Url(space.secret);

/** The fragment that carries the space: append it to the app's URL. */
export const syncLinkHash = (space: SyncSpace): string => `${SYNC_LINK_PREFIX}${space.spaceId}.${space.secret}`;

/** Parses a link's fragment (with or without the leading '#'), naming what is wrong. */
export function parseSyncLink(hash: string): SyncSpace {
  const fragment = hash.startsWith('#') ? hash : `#${hash}`;
  if (!fragment.startsWith(SYNC_LINK_PREFIX)) throw new SyncLinkError('This is not a Flipdeck sync link: it should end in #/sync/ followed by a code.');
  return parseSyncSpace(fragment.slice(SYNC_LINK_PREFIX.length));
}

/** Parses `<spaceId>.<secret>`, e.g. a code stored on the device or typed in. */
export function parseSyncSpace(code: string): SyncSpace {
  const [spaceId, secret, ...rest] = code.trim().split('.');
  if (rest.length > 0 || spaceId === undefined || secret === undefined) throw new SyncLinkError('The sync code should be two parts joined by a dot.');
  if (!SPACE_ID.test(spaceId)) throw new SyncLinkError('The first part of the sync code (the space id) should be 22 letters, digits, - or _. The link may be cut short.');
  if (!SECRET.test(secret)) throw new SyncLinkError('The second part of the sync code (the secret) should be 43 letters, digits, - or _. The link may be cut short.');
  return { spaceId, secret };
}
