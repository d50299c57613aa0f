/**
 * Admission to a space: the client shows the credential derived from the space's secret
 * (src/domain/sync/keys.ts); the server keeps only its SHA-256 (the verifier), set by the first
 * device that connects. Failures are counted per remote address, and an address that fails too
 * often is refused outright for the rest of the window, so a credential cannot be guessed online
 * (it has 256 bits anyway; the limit keeps a misbehaving client from burning CPU).
 */
import { timingSafeEqual } from 'node:crypto';
import { credentialVerifier, isCredential, spaceOfDocument, type ServerLimits } from '../../src/domain/sync/index.ts';
import { SyncRefusal } from './refusal.ts';
import type { SyncStore } from './sqlite-store.ts';

export interface Admission {
  readonly spaceId: string;
}

export function createAuthenticator(store: SyncStore, limits: ServerLimits, clock: () => number = Date.now) {
  const failures = new Map<string, { count: number; windowStart: number }>();

  function fail(address: string, refusal: SyncRefusal): never {
    const now = clock();
    const entry = failures.get(address);
    if (entry === undefined || now - entry.windowStart > limits.failedAuthWindowMs) failures.set(address, { count: 1, windowStart: now });
    else entry.count += 1;
    throw refusal;
  }

  return async function admit(documentName: string, token: string, address: string): Promise<Admission> {
    const entry = failures.get(address);
    if (entry !== undefined && clock() - entry.windowStart <= limits.failedAuthWindowMs && entry.count >= limits.maxFailedAuths) {
      throw new SyncRefusal('rate-limited', `too many refused attempts from this address; try again in ${Math.ceil(limits.failedAuthWindowMs / 1000)} seconds`);
    }
    const spaceId = spaceOfDocument(documentName);
    if (spaceId === null) fail(address, new SyncRefusal('bad-document', 'this is not the name of a Flipdeck sync document'));
    if (!isCredential(token)) fail(address, new SyncRefusal('bad-credential', 'the sync credential is missing or malformed'));
    const verifier = await credentialVerifier(token);
    const record = store.space(spaceId) ?? store.claimSpace(spaceId, verifier, clock());
    // Not counted as a failure: devices still on a closed space retry, and must not lock their
    // address out of the new space.
    if (record.revoked) throw new SyncRefusal('revoked', 'this sync space was closed; link the device again from one that syncs');
    const expected = Buffer.from(record.verifier);
    const given = Buffer.from(verifier);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) fail(address, new SyncRefusal('bad-credential', 'the sync credential does not match this space (wrong or old secret)'));
    return { spaceId };
  };
}
