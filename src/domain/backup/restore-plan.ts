/**
 * How a backup merges into what this browser already holds. `planRestore` states the rules over
 * two whole snapshots, and its tests pin them; the restore the app runs
 * (storage/streamed-restore.ts) applies the same rules as it reads the file, a slice at a time,
 * with `deckVerdict` from here. Pure and free of storage, so it can also run in a Worker.
 *
 * Conflict rules (documented in docs/import-export.md):
 * - Progress is the union of both event logs, an event counted once by its id; storage then
 *   replays the cards that got new events. Since nothing is ever removed from a log, restoring an
 *   older backup cannot bring back a review that was undone since, nor undo a later reset or
 *   unsuspend: those are events this browser keeps. Restoring the same backup twice adds nothing.
 * - Settings are settings events too, merged the same way: the latest change of each field wins.
 * - A deck present on both sides: the copy changed last (updatedAt) wins; on a tie, this browser's.
 * - Images travel with their deck: a deck taken from the backup takes the backup's images.
 * Into an empty browser this is a plain restore: everything in the backup is added.
 */
import type { UserDeck } from '../deck/user-deck.ts';
import type { ProgressEvent } from '../events/types.ts';
import type { ContentEvent } from '../authoring/types.ts';
import type { DeckId } from '../ids.ts';
import type { ImportedMedia } from '../import/imported-deck.ts';
import type { CardState, ReviewLogEntry } from '../scheduling/types.ts';
import type { StudySettings } from '../settings/study-settings.ts';

/** One stored image of a user deck. */
export interface DeckMediaFile extends ImportedMedia {
  readonly deckId: DeckId;
}

/** Everything a backup holds, and everything a browser holds that a backup covers. */
export interface ProgressSnapshot {
  readonly decks: readonly UserDeck[];
  /** The user decks' images; absent when not read (planning a restore does not need them). */
  readonly media?: readonly DeckMediaFile[];
  /** The record of truth: every card event and settings event. */
  readonly events: readonly ProgressEvent[];
  /** Decks and cards written in the app; absent in backups made before authoring. */
  readonly contentEvents?: readonly ContentEvent[];
  /** What the events replay to, for display and the review-log export. */
  readonly cardStates: readonly CardState[];
  /** The effective reviews (undone ones left out), in log order. */
  readonly reviewLog: readonly ReviewLogEntry[];
  readonly settings: StudySettings;
}

/** What a restore changes, for the confirmation screen. */
export interface RestoreSummary {
  readonly decksAdded: number;
  readonly decksUpdated: number;
  /** Decks on both sides where this browser's copy is newer and stays. */
  readonly decksKept: number;
  /** Cards that get events from the backup, so their schedule is replayed. */
  readonly cardStatesWritten: number;
  /** Cards in the backup whose events are all here already. */
  readonly cardStatesKept: number;
  readonly reviewsAdded: number;
  readonly reviewsAlreadyPresent: number;
  readonly isSettingsChanged: boolean;
  readonly imagesRestored: number;
}

/** What a backup holds and what restoring it would change (or did), before anything is written. */
export interface BackupPreview {
  /** When the backup was made, epoch ms; 0 when the file does not say. */
  readonly exportedAt: number;
  readonly deckCount: number;
  /** The backup's effective reviews (undone ones left out). */
  readonly reviewCount: number;
  readonly summary: RestoreSummary;
}

/** How far a pass over a backup file has read it, in bytes. */
export interface BackupProgress {
  readonly phase: 'checking' | 'writing';
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

/** What happens to a backup's deck: added, updated (the backup's copy is newer) or kept (this browser's is as new). */
export function deckVerdict(deck: { readonly updatedAt: number }, mine: { readonly updatedAt: number } | undefined): 'added' | 'updated' | 'kept' {
  if (mine === undefined) return 'added';
  return deck.updatedAt > mine.updatedAt ? 'updated' : 'kept';
}

export interface RestorePlan {
  readonly decksToPut: readonly UserDeck[];
  /** The images of `decksToPut`, which replace whatever images those decks had. */
  readonly mediaToPut: readonly DeckMediaFile[];
  /** The backup's events that this browser does not have (by id), each once. */
  readonly eventsToAdd: readonly ProgressEvent[];
  readonly summary: RestoreSummary;
}

const cardOf = (event: { readonly deckId: string; readonly cardId: string }) => `${event.deckId}\u0000${event.cardId}`;

/** The events of `incoming` whose ids are not in `knownIds` (nor earlier in `incoming`). */
export function newEvents(knownIds: ReadonlySet<string>, incoming: readonly ProgressEvent[]): ProgressEvent[] {
  const seen = new Set(knownIds);
  const added: ProgressEvent[] = [];
  for (const event of incoming) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    added.push(event);
  }
  return added;
}

/** The writes that merge `backup` into `current`, and a summary of them. */
export function planRestore(current: ProgressSnapshot, backup: ProgressSnapshot): RestorePlan {
  const currentDecks = new Map(current.decks.map((d) => [d.id, d]));
  const decksToPut: UserDeck[] = [];
  let decksAdded = 0;
  let decksKept = 0;
  for (const deck of backup.decks) {
    const verdict = deckVerdict(deck, currentDecks.get(deck.id));
    if (verdict === 'added') decksAdded += 1;
    else if (verdict === 'kept') {
      decksKept += 1;
      continue;
    }
    decksToPut.push(deck);
  }

  const eventsToAdd = newEvents(new Set(current.events.map((event) => event.id)), backup.events);
  const cardsWithNew = new Set<string>();
  let reviewsAdded = 0;
  let isSettingsChanged = false;
  for (const event of eventsToAdd) {
    if (event.kind === 'settings') {
      isSettingsChanged = true;
      continue;
    }
    cardsWithNew.add(cardOf(event));
    if (event.kind === 'review') reviewsAdded += 1;
  }
  const distinct = newEvents(new Set(), backup.events);
  const backupCards = new Set(distinct.flatMap((event) => (event.kind === 'settings' ? [] : [cardOf(event)])));
  const backupReviews = distinct.filter((event) => event.kind === 'review').length;

  const takenDecks = new Set(decksToPut.map((deck) => deck.id));
  const mediaToPut = (backup.media ?? []).filter((file) => takenDecks.has(file.deckId));

  return {
    decksToPut,
    mediaToPut,
    eventsToAdd,
    summary: {
      decksAdded,
      decksUpdated: decksToPut.length - decksAdded,
      decksKept,
      cardStatesWritten: cardsWithNew.size,
      cardStatesKept: backupCards.size - cardsWithNew.size,
      reviewsAdded,
      reviewsAlreadyPresent: backupReviews - reviewsAdded,
      isSettingsChanged,
      imagesRestored: mediaToPut.length,
    },
  };
}
