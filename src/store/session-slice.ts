import type { CardId, DeckId } from '../domain/ids';
import {
  applyGradeToQueue,
  buildQueue,
  nextCard,
  nextDueAt,
  type BuildQueueInput,
  type DoneToday,
  type StudyQueue,
} from '../domain/queue/queue';
import { createScheduler, newCardState, type Scheduler } from '../domain/scheduling/scheduler';
import type { CardState, GradePreview, Rating, ReviewLogEntry } from '../domain/scheduling/types';
import type { StudySettings } from '../domain/settings';
import { StorageError } from '../storage/storage-error';
import { messageOf } from './decks-slice';
import { announceWrite } from './announce-write';
import { buildQueueWithoutNew, deckCardIds, readQueueInput } from './queue-reads';
import { settingsForDeck } from './settings-slice';
import type { SliceCreator, StudyState } from './study-store';
import { measureSince, performanceNow } from './user-timing';

export interface CurrentCard {
  readonly cardId: CardId;
  /** When the front was shown (epoch ms); the answer time is measured from here. */
  readonly shownAt: number;
  /** What each grade button would schedule, for its interval label. */
  readonly preview: GradePreview;
}

interface UndoEntry {
  readonly logId: string;
  readonly entry: ReviewLogEntry;
}

export interface StudySession {
  readonly deckId: DeckId;
  readonly queue: StudyQueue;
  /** The states loaded at the start (those due today) and every state written since. */
  readonly states: ReadonlyMap<CardId, CardState>;
  /**
   * Every card with a stored state at the start (see BuildQueueInput.storedCardIds); null for the
   * moment after the start while they are still being read, when the queue holds no new cards.
   */
  readonly storedCardIds: ReadonlySet<CardId> | null;
  /** The earliest dueAt among stored states not loaded into `states`, or null. */
  readonly laterDueAt: number | null;
  readonly doneToday: DoneToday;
  /** Null when the session is over for now. */
  readonly current: CurrentCard | null;
  readonly isFlipped: boolean;
  readonly undoStack: readonly UndoEntry[];
  readonly studiedCount: number;
  /** When the session is over: when the deck's next card falls due (epoch ms), or null. */
  readonly nextDueAt: number | null;
}

export interface SessionSlice {
  readonly session: StudySession | null;
  readonly sessionError: string | null;
  /** A passing note about the session, e.g. that another tab had already graded the card. */
  readonly sessionNotice: string | null;
  /** True while a grade or undo is being written; further grades wait for it. */
  readonly isSaving: boolean;
  startSession(deckId: DeckId): Promise<void>;
  flip(): void;
  grade(rating: Rating): Promise<void>;
  undo(): Promise<void>;
  /** Re-checks the queue, e.g. when a learning card has fallen due while the end screen was open. */
  resume(): void;
  leaveSession(): void;
}

/**
 * User Timing entry for "read the progress and build the study queue", in ms. The benchmark
 * (bench/run.mjs) reads it; in the app it is one cheap entry per session, visible in DevTools.
 */
export const QUEUE_BUILD_MEASURE = 'flipdeck:queue-build';
/** User Timing entry for the same start until the new cards are in the queue too (see queue-reads.ts). */
export const QUEUE_COMPLETE_MEASURE = 'flipdeck:queue-complete';

/** User Timing entry for the durable write of one grade, in ms (read by the benchmark). */
export const GRADE_SAVE_MEASURE = 'flipdeck:grade-save';

const schedulers = new WeakMap<StudySettings, Scheduler>();
function schedulerFor(settings: StudySettings): Scheduler {
  let scheduler = schedulers.get(settings);
  if (!scheduler) {
    scheduler = createScheduler(settings);
    schedulers.set(settings, scheduler);
  }
  return scheduler;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, deps) => {
  /** The session with its next card chosen at `now`. */
  function advance(state: StudyState, session: Omit<StudySession, 'current' | 'isFlipped' | 'nextDueAt'>, now: number): StudySession {
    const settings = settingsForDeck(state, session.deckId);
    const next = nextCard(session.queue, now, settings.learnAheadMinutes);
    if (!next) {
      const deck = state.decks.get(session.deckId);
      const cardIds = deck ? deckCardIds(deck).ordered : [];
      const dueAt = nextDueAt({ ...queueInputOf(session, cardIds, settings), now });
      return { ...session, current: null, isFlipped: false, nextDueAt: dueAt };
    }
    const state0 = session.states.get(next.cardId) ?? newCardState(session.deckId, next.cardId, now);
    const preview = schedulerFor(settings).preview(state0, now);
    return { ...session, current: { cardId: next.cardId, shownAt: now, preview }, isFlipped: false, nextDueAt: null };
  }

  /**
   * Another tab graded the card first, so the grade was refused: rebuild the queue from storage
   * (keeping this session's undo history and count) so both tabs agree, and say why.
   */
  async function reloadAfterConflict(notice: string): Promise<void> {
    const state = get();
    const latest = state.session;
    const deck = latest ? state.decks.get(latest.deckId) : undefined;
    if (!latest || !deck) {
      set({ isSaving: false, sessionNotice: notice });
      return;
    }
    const now = deps.clock();
    try {
      const input = await readQueueInput(state, deck, now).full;
      const base = {
        ...latest,
        queue: buildQueue(input),
        states: input.states,
        storedCardIds: input.storedCardIds ?? new Set<CardId>(),
        laterDueAt: input.laterDueAt ?? null,
        doneToday: input.doneToday,
      };
      set({ isSaving: false, sessionNotice: notice, session: advance(get(), base, now) });
    } catch (error) {
      set({ isSaving: false, saveError: `${notice} Reloading your progress failed too: ${messageOf(error)}` });
    }
  }

  /** Bumped by every start and leave, so reads that finish after the session changed are dropped. */
  let sessionSeq = 0;

  /** Completes a session started from its due cards with the deck's new cards (see queue-reads.ts). */
  async function addNewCards(seq: number, full: Promise<BuildQueueInput>, startedAt: number): Promise<void> {
    let input: BuildQueueInput;
    try {
      input = await full;
    } catch (error) {
      if (seq === sessionSeq) set({ session: null, sessionError: `Could not load your progress for this deck: ${messageOf(error)}` });
      return;
    }
    const session = get().session;
    if (seq !== sessionSeq || !session) return;
    const known = { ...session, storedCardIds: input.storedCardIds ?? new Set<CardId>(), laterDueAt: input.laterDueAt ?? null };
    // The session's own states, not the input's: they include every grade given since the start.
    const { fresh } = buildQueue({ ...queueInputOf(known, input.cardIds, settingsForDeck(get(), session.deckId)), now: input.now });
    const completed = { ...known, queue: { ...session.queue, fresh } };
    measureSince(QUEUE_COMPLETE_MEASURE, startedAt);
    set({ session: completed.current ? completed : advance(get(), completed, deps.clock()) });
  }

  return {
    session: null,
    sessionError: null,
    sessionNotice: null,
    isSaving: false,

    async startSession(deckId) {
      const state = get();
      const deck = state.decks.get(deckId);
      if (!deck) {
        set({ session: null, sessionError: `The deck "${deckId}" is not available.` });
        return;
      }
      const now = deps.clock();
      const seq = ++sessionSeq;
      const startedAt = performanceNow();
      // Reuses the deck list's reads of this deck (in flight or done) when nothing was written since.
      const reads = readQueueInput(state, deck, now, true);
      try {
        let input = await reads.due;
        let queue = buildQueueWithoutNew(input, deck);
        // Due learning and review cards come before new ones: with one waiting, the session can
        // start before the new cards are known. Otherwise the first card may be new: wait for them.
        const first = nextCard(queue, now, settingsForDeck(state, deckId).learnAheadMinutes);
        const isComplete = first === null || first.source === 'learn-ahead';
        if (isComplete) {
          input = await reads.full;
          queue = buildQueue(input);
        }
        measureSince(QUEUE_BUILD_MEASURE, startedAt);
        if (isComplete) measureSince(QUEUE_COMPLETE_MEASURE, startedAt);
        if (seq !== sessionSeq) return;
        const base = {
          deckId,
          queue,
          states: input.states,
          storedCardIds: isComplete ? (input.storedCardIds ?? new Set<CardId>()) : null,
          laterDueAt: input.laterDueAt ?? null,
          doneToday: input.doneToday,
          undoStack: [],
          studiedCount: 0,
        };
        set({ session: advance(get(), base, now), sessionError: null, sessionNotice: null });
        if (!isComplete) void addNewCards(seq, reads.full, startedAt);
      } catch (error) {
        if (seq !== sessionSeq) return;
        set({ session: null, sessionError: `Could not load your progress for this deck: ${messageOf(error)}` });
      }
    },

    flip() {
      const { session } = get();
      if (!session?.current || session.isFlipped) return;
      set({ session: { ...session, isFlipped: true } });
    },

    async grade(rating) {
      const state = get();
      const { session, repository } = state;
      if (!session?.current || !session.isFlipped || state.isSaving || !repository) return;
      const settings = settingsForDeck(state, session.deckId);
      const now = deps.clock();
      const { cardId, shownAt } = session.current;
      const before = session.states.get(cardId) ?? null;
      const after = schedulerFor(settings).grade(before ?? newCardState(session.deckId, cardId, now), rating, now);
      const entry: ReviewLogEntry = {
        deckId: session.deckId, cardId, rating, reviewedAt: now, answerMs: Math.max(0, now - shownAt), before, after,
      };
      set({ isSaving: true });
      let logId: string;
      try {
        // The grade must be durable before the next card becomes current (issue 2).
        const savingAt = performanceNow();
        logId = await repository.recordReview(entry);
        measureSince(GRADE_SAVE_MEASURE, savingAt);
      } catch (error) {
        if (error instanceof StorageError && error.kind === 'conflict') await reloadAfterConflict(error.message);
        else set({ isSaving: false, saveError: `Your grade was not saved: ${messageOf(error)}` });
        return;
      }
      const states = new Map(session.states).set(cardId, after);
      const latest = get().session ?? session;
      set({
        isSaving: false,
        saveError: null,
        sessionNotice: null,
        session: advance(get(), {
          ...latest,
          states,
          queue: applyGradeToQueue(latest.queue, after, now, settings.dayStartHour),
          doneToday: countReview(latest.doneToday, before, +1),
          undoStack: [...latest.undoStack, { logId, entry }],
          studiedCount: latest.studiedCount + 1,
        }, now),
      });
      announceWrite(state, deps, { kind: 'progress', deckId: session.deckId });
      void get().requestPersistenceOnce();
    },

    async undo() {
      const state = get();
      const { session, repository } = state;
      const last = session?.undoStack.at(-1);
      if (!session || !last || state.isSaving || !repository) return;
      const settings = settingsForDeck(state, session.deckId);
      set({ isSaving: true });
      try {
        await repository.undoReview(last.logId);
      } catch (error) {
        set({ isSaving: false, saveError: `Could not undo: ${messageOf(error)}` });
        return;
      }
      announceWrite(state, deps, { kind: 'progress', deckId: session.deckId });
      const now = deps.clock();
      const { entry } = last;
      const states = new Map(session.states);
      if (entry.before) states.set(entry.cardId, entry.before);
      else states.delete(entry.cardId);
      const deck = get().decks.get(session.deckId);
      const doneToday = countReview(session.doneToday, entry.before, -1);
      const cardIds = deck ? deckCardIds(deck).ordered : [];
      const queue = buildQueue({ ...queueInputOf({ ...session, states, doneToday }, cardIds, settings), now });
      // As in Anki, the card whose grade was taken back is shown again, front first.
      const cardState = entry.before ?? newCardState(session.deckId, entry.cardId, now);
      set({
        isSaving: false,
        saveError: null,
        session: {
          ...session,
          states,
          queue,
          doneToday,
          undoStack: session.undoStack.slice(0, -1),
          studiedCount: Math.max(0, session.studiedCount - 1),
          current: { cardId: entry.cardId, shownAt: now, preview: schedulerFor(settings).preview(cardState, now) },
          isFlipped: false,
          nextDueAt: null,
        },
      });
    },

    resume() {
      const { session } = get();
      if (!session || session.current) return;
      set({ session: advance(get(), session, deps.clock()) });
    },

    leaveSession() {
      sessionSeq += 1;
      const { session } = get();
      set({ session: null, sessionError: null });
      if (session) void get().refreshCounts(session.deckId);
    },
  };
};

/** The session's view of the deck as queue input (everything but `now`). */
function queueInputOf(
  session: Pick<StudySession, 'states' | 'storedCardIds' | 'laterDueAt' | 'doneToday'>,
  cardIds: readonly CardId[],
  settings: StudySettings,
) {
  const { states, storedCardIds, laterDueAt, doneToday } = session;
  // New cards not known yet: leave them out rather than call every state not loaded new.
  if (storedCardIds === null) return { cardIds, states, settings: { ...settings, newCardsPerDay: 0 }, doneToday };
  return { cardIds, states, storedCardIds, laterDueAt, settings, doneToday };
}

/** Today's counts after adding (+1) or taking back (-1) a review of a card that was in `before`. */
function countReview(done: DoneToday, before: CardState | null, delta: 1 | -1): DoneToday {
  if (before === null || before.phase === 'new') return { ...done, newCards: Math.max(0, done.newCards + delta) };
  if (before.phase === 'review') return { ...done, reviews: Math.max(0, done.reviews + delta) };
  return done;
}
