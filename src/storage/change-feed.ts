/**
 * Tells the app's other tabs on this device what this tab changed in storage, so their deck
 * counts, lists and settings follow without a reload (two tabs converge on the same counts).
 * IndexedDB has no change events of its own. A BroadcastChannel never delivers a message to the
 * tab that sent it; where there is none, the feed is silent and tabs converge on their next read.
 */
import { asDeckId, type DeckId } from '../domain/ids';

export type StorageChange =
  /** Card states or the review log of one deck (a grade, an undo, a suspension). */
  | { readonly kind: 'progress'; readonly deckId: DeckId }
  /** Which decks exist, or progress of any deck (import, rename, delete, restore). */
  | { readonly kind: 'library' }
  /** Study settings, per-deck overrides or appearance. */
  | { readonly kind: 'settings' };

export interface ChangeFeed {
  publish(change: StorageChange): void;
  /** Calls `listener` for each change another tab publishes; returns the unsubscribe. */
  subscribe(listener: (change: StorageChange) => void): () => void;
}

const CHANNEL_NAME = 'flipdeck-storage-changes';

/** A feed that tells nothing and hears nothing (no BroadcastChannel, or storage in memory only). */
export const silentChangeFeed: ChangeFeed = { publish: () => {}, subscribe: () => () => {} };

/** The feed shared by every Flipdeck tab of this origin. */
export function createBroadcastChangeFeed(name: string = CHANNEL_NAME): ChangeFeed {
  if (typeof BroadcastChannel === 'undefined') return silentChangeFeed;
  const channel = new BroadcastChannel(name);
  return {
    publish(change) {
      try {
        channel.postMessage(change);
      } catch {
        // Telling other tabs is best effort: they still converge on their next read.
      }
    },
    subscribe(listener) {
      const onMessage = (event: MessageEvent) => {
        const change = parseChange(event.data);
        if (change) listener(change);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

/**
 * A message as a change, or null. Another tab may run an older or newer version of the app, so
 * anything unknown is ignored rather than trusted.
 */
export function parseChange(data: unknown): StorageChange | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, deckId } = data as { kind?: unknown; deckId?: unknown };
  if (kind === 'progress') return typeof deckId === 'string' && deckId !== '' ? { kind, deckId: asDeckId(deckId) } : null;
  if (kind === 'library' || kind === 'settings') return { kind };
  return null;
}
