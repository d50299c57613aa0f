/**
 * Shapes and sizes both sides agree on. The server refuses what breaks them; the client never
 * makes it. Sizes are bytes.
 */

/** The one root map of every synced document: entry key -> sealed payload. Grow-only. */
export const ENTRIES_MAP = 'e';

/** Largest sealed entry: an event is well under 2 KiB; a settings event with many fields stays under this. */
export const MAX_ENTRY_BYTES = 16 * 1024;

/** Server defaults; each can be set by the operator (docs/sync.md). */
export const DEFAULT_SERVER_LIMITS = {
  /** One websocket message (a Yjs update); a month of heavy study sent at once fits. */
  maxMessageBytes: 8 * 1024 * 1024,
  /** One document: a month of events, stored. */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** All documents of one space. */
  maxSpaceBytes: 512 * 1024 * 1024,
  /** Documents in one space (a month each, plus a few). */
  maxDocumentsPerSpace: 1200,
  /** Failed credential checks from one address within failedAuthWindowMs before it is refused for that long. */
  maxFailedAuths: 10,
  failedAuthWindowMs: 60_000,
} as const;

export type ServerLimits = { -readonly [K in keyof typeof DEFAULT_SERVER_LIMITS]: number };

/**
 * Sent (as a Hocuspocus stateless message) by a device that moves to a new space: the server
 * refuses the old space from then on and drops its documents, so the old link admits no one.
 * Only a connection that was admitted with the space's credential can send it.
 */
export const REVOKE_SPACE_MESSAGE = 'flipdeck:revoke-space';
