/**
 * How a backup merges into what this browser already holds. Pure: storage reads the current
 * data inside its restore transaction, calls `planRestore`, and writes exactly what it returns.
 *
 * Conflict rules (documented in docs/import-export.md):
 * - Reviews are never lost: the log becomes the union of both, a review counted once when the
 *   same card was graded at the same millisecond with the same rating.
 * - A card's scheduling state comes from whichever side reviewed it last (lastReviewedAt);
 *   on a tie this browser's state stays.
 * - A deck present on both sides: the copy changed last (updatedAt) wins; on a tie, this browser's.
 * - Settings: the backup's settings replace this browser's, since restoring means "put me back".
 * - Images travel with their deck: a deck taken from the backup takes the backup's images.
 * Into an empty browser this is a plain restore: everything in the backup is added.
 */
import type { UserDeck } from '../deck/user-deck.ts';
import type { DeckId } from '../ids.ts';
import type { ImportedMedia } from '../import/imported-deck.ts';
import type { CardState, ReviewLogEntry } from '../scheduling/types.ts';
import type { StudySettings } from '../settings.ts';

/** One stored image of a user deck. */
export interface DeckMediaFile extends ImportedMedia {
  readonly deckId: DeckId;
}

/** Everything a backup holds, and everything a browser holds that a backup covers. */
export interface ProgressSnapshot {
  readonly decks: readonly UserDeck[];
  /** The user decks' images; absent when not read (planning a restore does not need them). */
  readonly media?: readonly DeckMediaFile[];
  readonly cardStates: readonly CardState[];
  readonly reviewLog: readonly ReviewLogEntry[];
  readonly settings: StudySettings;
}

/** What a restore changes, for the confirmation screen. */
export interface RestoreSummary {
  readonly decksAdded: number;
  readonly decksUpdated: number;
  /** Decks on both sides where this browser's copy is newer and stays. */
  readonly decksKept: number;
  readonly cardStatesWritten: number;
  readonly cardStatesKept: number;
  readonly reviewsAdded: number;
  readonly reviewsAlreadyPresent: number;
  readonly isSettingsChanged: boolean;
  readonly imagesRestored: number;
}

export interface RestorePlan {
  readonly decksToPut: readonly UserDeck[];
  /** The images of `decksToPut`, which replace whatever images those decks had. */
  readonly mediaToPut: readonly DeckMediaFile[];
  readonly cardStatesToPut: readonly CardState[];
  /** New log rows without ids, oldest first, so storage assigns ids in review order. */
  readonly reviewsToAdd: readonly ReviewLogEntry[];
  /** Null when the settings are already equal. */
  readonly settings: StudySettings | null;
  readonly summary: RestoreSummary;
}

const stateKey = (s: { readonly deckId: string; readonly cardId: string }) => JSON.stringify([s.deckId, s.cardId]);
const reviewKey = (r: ReviewLogEntry) => JSON.stringify([r.deckId, r.cardId, r.reviewedAt, r.rating]);

/** The writes that merge `backup` into `current`, and a summary of them. */
export function planRestore(current: ProgressSnapshot, backup: ProgressSnapshot): RestorePlan {
  const currentDecks = new Map(current.decks.map((d) => [d.id, d]));
  const decksToPut: UserDeck[] = [];
  let decksAdded = 0;
  let decksKept = 0;
  for (const deck of backup.decks) {
    const mine = currentDecks.get(deck.id);
    if (mine === undefined) decksAdded += 1;
    else if (deck.updatedAt <= mine.updatedAt) {
      decksKept += 1;
      continue;
    }
    decksToPut.push(deck);
  }

  const currentStates = new Map(current.cardStates.map((s) => [stateKey(s), s]));
  const cardStatesToPut = backup.cardStates.filter((state) => {
    const mine = currentStates.get(stateKey(state));
    return mine === undefined || (state.lastReviewedAt ?? -Infinity) > (mine.lastReviewedAt ?? -Infinity);
  });

  const known = new Set(current.reviewLog.map(reviewKey));
  const reviewsToAdd: ReviewLogEntry[] = [];
  for (const entry of backup.reviewLog) {
    const key = reviewKey(entry);
    if (known.has(key)) continue;
    known.add(key);
    const { id: _id, ...withoutId } = entry;
    reviewsToAdd.push(withoutId);
  }
  reviewsToAdd.sort((a, b) => a.reviewedAt - b.reviewedAt);

  const takenDecks = new Set(decksToPut.map((deck) => deck.id));
  const mediaToPut = (backup.media ?? []).filter((file) => takenDecks.has(file.deckId));

  const isSettingsChanged = JSON.stringify(current.settings) !== JSON.stringify(backup.settings);
  return {
    decksToPut,
    mediaToPut,
    cardStatesToPut,
    reviewsToAdd,
    settings: isSettingsChanged ? backup.settings : null,
    summary: {
      decksAdded,
      decksUpdated: decksToPut.length - decksAdded,
      decksKept,
      cardStatesWritten: cardStatesToPut.length,
      cardStatesKept: backup.cardStates.length - cardStatesToPut.length,
      reviewsAdded: reviewsToAdd.length,
      reviewsAlreadyPresent: backup.reviewLog.length - reviewsToAdd.length,
      isSettingsChanged,
      imagesRestored: mediaToPut.length,
    },
  };
}
