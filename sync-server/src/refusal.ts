/**
 * Why the server refused something. Hocuspocus sends `reason` to the client (as the permission
 * denied reason, or in the close message of the document); the client shows it, so it says what
 * was wrong. Reasons never include a payload.
 */
export type RefusalCode = 'bad-credential' | 'rate-limited' | 'bad-document' | 'revoked' | 'too-large' | 'malformed' | 'document-full' | 'space-full' | 'too-many-documents';

export class SyncRefusal extends Error {
  readonly code: RefusalCode;
  /** What Hocuspocus sends to the client. */
  readonly reason: string;

  constructor(code: RefusalCode, reason: string) {
    super(reason);
    this.name = 'SyncRefusal';
    this.code = code;
    this.reason = `${code}: ${reason}`;
  }
}
