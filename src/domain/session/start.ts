/**
 * Starting a session in two phases. Due learning and review cards come before new ones, so a
 * session can show its first card from the states due today alone; telling new cards from cards
 * due later needs every stored card id, which on a large deck arrives later. When the first card
 * would be new (or nothing is due), the session waits for those ids instead.
 */
import type { CardId, DeckId } from '../ids';
import { buildQueue, nextCard, type BuildQueueInput, type StudyQueue } from '../queue/queue';
import { advance, queueInputOf, type SessionDeck, type SessionProgress, type StudySession } from './session';

/**
 * Whether a queue built without new cards already knows the first card: a due learning or review
 * card. Otherwise (nothing due, or only a learning card to learn ahead) a new card may come first.
 */
export function isFirstCardKnownWithoutNew(queueWithoutNew: StudyQueue, now: number, learnAheadMinutes: number): boolean {
  const first = nextCard(queueWithoutNew, now, learnAheadMinutes);
  return first !== null && first.source !== 'learn-ahead';
}

/**
 * A new session on its first card. `input` is complete (storedCardIds set, `queue` built from it
 * with new cards) or holds only the due states (`queue` without new cards, see
 * isFirstCardKnownWithoutNew); then withNewCards completes it later.
 */
export function openSession(deckId: DeckId, input: BuildQueueInput, queue: StudyQueue, deck: SessionDeck, now: number): StudySession {
  const base: SessionProgress = {
    deckId,
    queue,
    states: input.states,
    storedCardIds: input.storedCardIds ?? null,
    laterDueAt: input.laterDueAt ?? null,
    dueLoad: null,
    doneToday: input.doneToday,
    undoStack: [],
    studiedCount: 0,
  };
  return advance(base, deck, now);
}

/** What the second phase of the start reads: every stored card id, and the earliest due date of those not loaded. */
export interface StoredCards {
  readonly storedCardIds: ReadonlySet<CardId>;
  readonly laterDueAt: number | null;
}

/**
 * The session with the deck's new cards added, once `stored` is known. Built from the session's own
 * states, which include every grade given since the start. A session that had run out of cards
 * moves on to the first new one at `now`; otherwise the current card stays.
 */
export function withNewCards(session: StudySession, stored: StoredCards, deck: SessionDeck, queueBuiltAt: number, now: number): StudySession {
  const known = { ...session, storedCardIds: stored.storedCardIds, laterDueAt: stored.laterDueAt };
  const { fresh } = buildQueue({ ...queueInputOf(known, deck.cardIds, deck.settings, deck.noteIds), now: queueBuiltAt });
  const completed = { ...known, queue: { ...session.queue, fresh } };
  return completed.current ? completed : advance(completed, deck, now);
}

/**
 * The session rebuilt from a fresh read of storage (`input`, complete), keeping its undo history
 * and count: after another tab graded a card first, so both tabs agree again.
 */
export function reloadSession(session: SessionProgress, input: BuildQueueInput, deck: SessionDeck, now: number): StudySession {
  return advance({
    ...session,
    queue: buildQueue(input),
    states: input.states,
    storedCardIds: input.storedCardIds ?? new Set<CardId>(),
    laterDueAt: input.laterDueAt ?? null,
    doneToday: input.doneToday,
  }, deck, now);
}
