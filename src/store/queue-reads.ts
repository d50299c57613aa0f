/**
 * Reads a deck's queue input from storage in two steps, so a large deck opens fast.
 *
 * Learning and review cards come before new ones, so a session can show its first card from the
 * states due today alone (a range read on [deckId+dueAt]: a few thousand rows on a 100,000-card
 * deck). Telling new cards from cards due later needs the ids of every stored state: a key scan
 * that costs hundreds of ms at that size. It runs alongside and completes the queue after.
 *
 * A session opened after the deck list's counts reuses their reads, in flight or done, instead of
 * reading again: the reads are kept per deck until something is written to that deck's progress
 * (forgetQueueReads) or the study day turns. At start-up the due read begins before the deck's
 * cards are loaded (prefetchDueRows).
 */
import type { Deck } from '../domain/deck/types';
import { siblingNoteOf } from '../domain/deck/sibling-note';
import type { CardId, DeckId } from '../domain/ids';
import { buildDueQueue, countDoneToday, type BuildQueueInput, type StudyQueue } from '../domain/queue/queue';
import { nextStudyDayStart, studyDayStart } from '../domain/queue/study-day';
import type { CardState, ReviewLogEntry } from '../domain/scheduling/types';
import type { ProgressRepository } from '../storage/progress-repository';
import { settingsForDeck } from './selectors';
import type { StudyState } from './study-store';

export interface QueueReads {
  /** The input with only today's due states and no storedCardIds: good for everything but new cards. */
  readonly due: Promise<BuildQueueInput>;
  /** The complete input (storedCardIds and laterDueAt set). */
  readonly full: Promise<BuildQueueInput>;
}

/** Reads kept for reuse, with the study day they were read for. */
interface KeptReads extends QueueReads {
  readonly dayStartMs: number;
}

const keptReads = new WeakMap<ProgressRepository, Map<DeckId, KeptReads>>();

/**
 * Drops the kept reads of one deck (or of every deck), so the next session reads afresh. Call it
 * after any write to progress: a grade, an undo, a suspension, an import or a restore, or another
 * tab saying it wrote. (A write this tab misses, from a tab that cannot say so, is still caught:
 * a grade computed from an outdated state is refused as a conflict and the queue is reloaded.)
 */
export function forgetQueueReads(repository: ProgressRepository | null, deckId?: DeckId): void {
  if (!repository) return;
  if (deckId === undefined) keptReads.delete(repository);
  else keptReads.get(repository)?.delete(deckId);
}

/** A deck's card ids in deck order, and the same ids as a set for membership checks. */
interface DeckCardIds {
  readonly ordered: readonly CardId[];
  readonly set: ReadonlySet<CardId>;
  /** The note of each card that has one (cloze siblings), for sibling burying. */
  readonly noteIds: ReadonlyMap<CardId, string>;
}

// A deck is immutable and replaced as a whole when it changes, so its ids are derived once per
// deck object: on 100,000 cards that walk costs tens of ms, too much to repeat per session.
const cardIdsByDeck = new WeakMap<Deck, DeckCardIds>();

/** The deck's card ids (see DeckCardIds), computed on first use and kept with the deck. */
export function deckCardIds(deck: Deck): DeckCardIds {
  let ids = cardIdsByDeck.get(deck);
  if (!ids) {
    const ordered = deck.cards.map((c) => c.id);
    const noteIds = new Map<CardId, string>();
    for (const card of deck.cards) {
      const noteId = siblingNoteOf(card);
      if (noteId !== undefined) noteIds.set(card.id, noteId);
    }
    ids = { ordered, set: new Set(ordered), noteIds };
    cardIdsByDeck.set(deck, ids);
  }
  return ids;
}

/** Today's due states and review log for one deck: the part of the reads that needs no deck cards. */
export interface PrefetchedDueRows {
  readonly repository: ProgressRepository;
  /** Start of the study day read for (epoch ms): a caller on another day reads afresh. */
  readonly dayStartMs: number;
  readonly rows: Promise<readonly [CardState[], ReviewLogEntry[]]>;
}

function readDueRows(repository: ProgressRepository, deckId: DeckId, now: number, dayStartHour: number): PrefetchedDueRows {
  const dayStartMs = studyDayStart(now, dayStartHour);
  const dayEnd = nextStudyDayStart(now, dayStartHour);
  const rows = Promise.all([repository.loadDueStates(deckId, dayEnd), repository.reviewsSince(deckId, dayStartMs)] as const);
  return { repository, dayStartMs, rows };
}

/**
 * Starts reading a deck's due states and today's log before its cards are loaded: they need only
 * its id, so on a large deck the read overlaps the deck file's download and parse instead of
 * following it. Hand the result to readQueueInput (`prefetched`) once the deck is loaded; only a
 * caller that knows nothing was written in between may do so (the start-up counts).
 */
export function prefetchDueRows(state: StudyState, deckId: DeckId, now: number): PrefetchedDueRows | null {
  if (!state.repository) return null;
  const prefetched = readDueRows(state.repository, deckId, now, settingsForDeck(state, deckId).dayStartHour);
  // If the deck then fails to load, nobody awaits the rows: a failure is not worth a report.
  prefetched.rows.catch(() => undefined);
  return prefetched;
}

/**
 * Starts the reads for one deck at `now`. With `canReuse`, reads kept from earlier (in flight or
 * done, same study day, nothing written since: see forgetQueueReads) are reused instead, with the
 * deck's current cards and settings and this `now`. Without it (the deck list's counts, a reload
 * after a conflict) the reads are fresh, and are kept for the next caller that may reuse them.
 * `prefetched` (from prefetchDueRows, same study day) stands in for the due read.
 */
export function readQueueInput(
  state: StudyState,
  deck: Deck,
  now: number,
  canReuse = false,
  prefetched: PrefetchedDueRows | null = null,
): QueueReads {
  const { repository } = state;
  const settings = settingsForDeck(state, deck.id);
  if (!repository) {
    const error = Promise.reject(new Error('Storage is not open yet.'));
    // Each caller awaits the one it needs; keep the other from being reported as unhandled.
    error.catch(() => undefined);
    return { due: error, full: error };
  }
  let byDeck = keptReads.get(repository);
  if (!byDeck) {
    byDeck = new Map();
    keptReads.set(repository, byDeck);
  }
  const dayStartMs = studyDayStart(now, settings.dayStartHour);
  const kept = byDeck.get(deck.id);
  if (kept && canReuse && kept.dayStartMs === dayStartMs) {
    const current = (input: BuildQueueInput): BuildQueueInput => ({ ...input, cardIds: deckCardIds(deck).ordered, noteIds: deckCardIds(deck).noteIds, settings, now });
    return { due: kept.due.then(current), full: kept.full.then(current) };
  }

  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  const isPrefetchUsable = prefetched?.repository === repository && prefetched.dayStartMs === dayStartMs;
  const dueRead = isPrefetchUsable ? prefetched.rows : readDueRows(repository, deck.id, now, settings.dayStartHour).rows;
  const storedRead = Promise.all([repository.loadStoredCardIds(deck.id), repository.earliestDueAt(deck.id, dayEnd)]);
  // Derive the deck's ids while storage works on the reads (a task later, so the requests are
  // surely on their way first): the session built from them then finds the ids ready.
  if (!cardIdsByDeck.has(deck)) setTimeout(() => deckCardIds(deck), 0);
  const due = dueRead.then(
    ([states, todaysLog]): BuildQueueInput => ({
      cardIds: deckCardIds(deck).ordered,
      noteIds: deckCardIds(deck).noteIds,
      states: stateMap(states),
      settings,
      doneToday: countDoneToday(todaysLog, now, settings.dayStartHour),
      now,
    }),
  );
  const full = Promise.all([due, storedRead]).then(
    ([input, [storedIds, laterDueAt]]): BuildQueueInput => ({ ...input, storedCardIds: new Set(storedIds), laterDueAt }),
  );
  const reads = { due, full, dayStartMs };
  byDeck.set(deck.id, reads);
  // A failed read is not kept: the next session tries again.
  full.catch(() => {
    if (byDeck.get(deck.id) === reads) byDeck.delete(deck.id);
  });
  due.catch(() => undefined);
  return { due, full };
}

function stateMap(states: readonly CardState[]): Map<CardId, CardState> {
  const map = new Map<CardId, CardState>();
  for (const state of states) map.set(state.cardId, state);
  return map;
}

/**
 * The queue without new cards, for input whose new cards are not known yet (see QueueReads.due):
 * `fresh` is empty, every other pile is exact. Walks the due states, not the deck's cards.
 */
export function buildQueueWithoutNew(input: BuildQueueInput, deck: Deck): StudyQueue {
  return buildDueQueue({ ...input, deckCardIds: deckCardIds(deck).set });
}
