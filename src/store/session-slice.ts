/**
 * The study session in the store: it sequences the pure session steps (domain/session) with
 * storage writes and set(). A grade shows the next card in the same frame; its durable write runs
 * behind, in order, in the commit queue (grade-commits.ts), and counts as saved only once done.
 */
import { createEventIdGenerator } from '../domain/events/event-id';
import type { CardEvent, EventId } from '../domain/events/types';
import type { CardId, DeckId } from '../domain/ids';
import { buildQueue, type BuildQueueInput } from '../domain/queue/queue';
import type * as SchedulerModule from '../domain/scheduling/scheduler';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { Rating, ReviewLogEntry } from '../domain/scheduling/types';
import {
  advance,
  gradeCurrent,
  returnToUnsavedGrade,
  undoLastGrade,
  type SessionDeck,
  type StudySession,
} from '../domain/session/session';
import { isFirstCardKnownWithoutNew, openSession, reloadSession, withNewCards } from '../domain/session/start';
import { dueLoadOf } from '../domain/session/due-load';
import type { StudySettings } from '../domain/settings/study-settings';
import { StorageError } from '../storage/storage-error';
import { messageOf } from '../domain/errors';
import { announceWrite } from './announce-write';
import { createCommitQueue } from './grade-commits';
import { buildQueueWithoutNew, deckCardIds } from './queue-reads';
import { ancestorsOf, gradingSettingsForDeck, readStudyQueueInput, studyDeckOf } from './deck-family';
import { settingsForDeck } from './selectors';
import type { SliceCreator, StudyState } from './study-store';
import { measureSince, performanceNow } from './user-timing';

export type { CurrentCard, StudySession } from '../domain/session/session';

export interface SessionSlice {
  readonly session: StudySession | null;
  readonly sessionError: string | null;
  /** A passing note about the session, e.g. that another tab had already graded the card. */
  readonly sessionNotice: string | null;
  /** Grades given but not yet durably saved (queued or being written). */
  readonly pendingSaves: number;
  /** True while an undo waits for the saves before it and is written; grading waits for it. */
  readonly isUndoing: boolean;
  /** True while anything of the session is unsaved: a grade or an undo is being written. */
  readonly isSaving: boolean;
  startSession(deckId: DeckId): Promise<void>;
  flip(): void;
  /** Shows the next card at once; resolves once the grade is saved, or has failed and been handled. */
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

/** User Timing entry for the durable write of one grade, from when its commit starts (not while it waits its turn), in ms. */
export const GRADE_SAVE_MEASURE = 'flipdeck:grade-save';

type SchedulingModule = typeof SchedulerModule;

/**
 * The scheduler (and ts-fsrs with it) is loaded when the first session starts, not with the app:
 * the deck list never needs it, and it would weigh on every first visit.
 */
let scheduling: Promise<SchedulingModule> | null = null;
let loadedScheduling: SchedulingModule | null = null;
function loadScheduling(): Promise<SchedulingModule> {
  scheduling ??= import('../domain/scheduling/scheduler').then(
    (module) => (loadedScheduling = module),
    (error: unknown) => {
      // A failed chunk load (offline before the app was cached) may succeed on the next start.
      scheduling = null;
      throw error;
    },
  );
  return scheduling;
}

const schedulers = new WeakMap<StudySettings, Scheduler>();
function schedulerFor(module: SchedulingModule, settings: StudySettings): Scheduler {
  let scheduler = schedulers.get(settings);
  if (!scheduler) {
    scheduler = module.createScheduler(settings);
    schedulers.set(settings, scheduler);
  }
  return scheduler;
}

const notSaved = (error: unknown) => `Your grade was not saved: ${messageOf(error)}`;
const laterNotSaved = (count: number) =>
  count === 0 ? '' : ` ${count === 1 ? 'The grade after it was' : `The ${count} grades after it were`} not saved either; ${count === 1 ? 'that card is' : 'those cards are'} back in the queue.`;

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, deps) => {
  const commits = createCommitQueue((pendingSaves) => set({ pendingSaves, isSaving: pendingSaves > 0 || get().isUndoing }));
  const ownIds = createEventIdGenerator(deps.randomBytes ?? ((length) => crypto.getRandomValues(new Uint8Array(length))));
  // One generator for every event this tab writes (the repository's), so two events made in the
  // same millisecond, a grade and then a reset say, keep the order they were made in.
  const newEventId = (createdAt: number) => get().repository?.newEventId(createdAt) ?? ownIds(createdAt);

  /** The deck as the session functions need it. Only called with a session open, so the scheduler is loaded. */
  function sessionDeck(state: StudyState, deckId: DeckId, module = loadedScheduling): SessionDeck {
    if (!module) throw new Error('The scheduler is not loaded yet.');
    const study = studyDeckOf(state, deckId);
    // A subdeck is graded for its parent's exam unless it has its own (exam-inheritance.ts).
    const now = deps.clock();
    const settings = gradingSettingsForDeck(state, deckId, now);
    const ids = study ? deckCardIds(study.deck) : null;
    const base = { cardIds: ids?.ordered ?? [], noteIds: ids?.noteIds, settings, scheduler: schedulerFor(module, settings), newEventId };
    if (!study || study.members.length === 1) return base;
    // A deck with subdecks: each card is graded with its own deck's settings, as replay will.
    const schedulerOf = (cardId: CardId) => schedulerFor(module, gradingSettingsForDeck(state, study.deckOf(cardId), now));
    return { ...base, member: { deckOf: study.deckOf, schedulerOf } };
  }

  /** Bumped by every start and leave, so reads and commits that finish after the session changed are dropped. */
  let sessionSeq = 0;

  /**
   * Another tab graded the card first, so the grade was refused: rebuild the queue from storage
   * (keeping this session's undo history and count) so both tabs agree, and say why.
   */
  async function reloadAfterConflict(seq: number, notice: string): Promise<void> {
    const state = get();
    const latest = state.session;
    const study = latest ? studyDeckOf(state, latest.deckId) : undefined;
    if (!latest || !study) {
      set({ sessionNotice: notice });
      return;
    }
    const now = deps.clock();
    try {
      const input = await readStudyQueueInput(state, study, now).full;
      const session = get().session;
      if (seq !== sessionSeq || !session) return;
      set({ sessionNotice: notice, session: reloadSession(session, input, sessionDeck(get(), session.deckId), now) });
    } catch (error) {
      set({ saveError: `${notice} Reloading your progress failed too: ${messageOf(error)}` });
    }
  }

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
    const stored = { storedCardIds: input.storedCardIds ?? new Set<CardId>(), laterDueAt: input.laterDueAt ?? null };
    const completed = withNewCards(session, stored, sessionDeck(get(), session.deckId), input.now, deps.clock());
    measureSince(QUEUE_COMPLETE_MEASURE, startedAt);
    set({ session: completed });
  }

  /**
   * Reads how many cards fall due on each day, for load balancing, after the session has shown its
   * first card (the read is not on the first card's path). Cards shown from then on are balanced.
   */
  async function addDueLoad(seq: number, deckId: DeckId): Promise<void> {
    const { repository } = get();
    if (!repository || !settingsForDeck(get(), deckId).isLoadBalanced) return;
    let dueTimes: number[];
    try {
      // The day's load is every deck's: a quiet day for this deck may be busy with another's reviews.
      dueTimes = await repository.loadAllDueTimes();
    } catch {
      return; // Balancing is an optimisation: without the load, grades keep their scheduled days.
    }
    const session = get().session;
    if (seq !== sessionSeq || !session || session.dueLoad !== null) return;
    set({ session: { ...session, dueLoad: dueLoadOf(dueTimes, settingsForDeck(get(), deckId).dayStartHour) } });
  }

  /** Writes one grade durably, in turn; when it fails, brings the session back to its card. */
  async function commitGrade(seq: number, eventId: EventId, entry: ReviewLogEntry, balancedDueAt?: number): Promise<void> {
    if (!get().repository) return;
    const ancestors = ancestorsOf(get(), entry.deckId);
    const outcome = await commits.enqueue(async () => {
      // A grade given while storage switches to memory ("keep studying without saving") goes to
      // memory: written to the storage that refused, it would fail again and its error would be lost.
      await get().storageSwitch?.catch(() => undefined);
      const repository = get().repository;
      if (!repository) return;
      // The event carries the id the card was previewed with, so replay schedules what the buttons showed,
      // the day balancing chose, which replay of this card alone could not know, and the decks above
      // the card's deck, whose exam replay reads from the settings log.
      const event: CardEvent = {
        id: eventId, deviceId: repository.deviceId, createdAt: entry.reviewedAt, deckId: entry.deckId, cardId: entry.cardId,
        kind: 'review', rating: entry.rating, answerMs: entry.answerMs, before: entry.before, after: entry.after,
        ...(balancedDueAt === undefined ? {} : { balancedDueAt }),
        ...(ancestors.length === 0 ? {} : { deckAncestors: ancestors }),
      };
      const savingAt = performanceNow();
      // The stale check keeps two tabs from both grading one card from the same state.
      await repository.appendCardEvents([event], { expectedState: entry.before });
      measureSince(GRADE_SAVE_MEASURE, savingAt);
    });
    if (outcome.status === 'cancelled') return; // Taken back by the failure before it.
    if (outcome.status === 'saved') {
      set({ saveError: null });
      announceWrite(get(), deps, { kind: 'progress', deckId: entry.deckId });
      void get().requestPersistenceOnce();
      return;
    }
    const { error } = outcome;
    const isConflict = error instanceof StorageError && error.kind === 'conflict';
    const session = get().session;
    const returned = seq === sessionSeq && session ? returnToUnsavedGrade(session, eventId, sessionDeck(get(), session.deckId), deps.clock()) : null;
    if (!returned) {
      // The session is gone (left, or another deck opened): say so; its card will be due again.
      set({ saveError: notSaved(error) });
      return;
    }
    const later = laterNotSaved(returned.laterCount);
    if (isConflict) {
      // The other tab's grade stands: take this tab's unsaved grades back, then follow storage.
      set({ session: returned.session });
      await reloadAfterConflict(seq, `${error.message}${later}`);
      return;
    }
    set({ session: returned.session, saveError: `${notSaved(error)}${later}` });
  }

  return {
    session: null,
    sessionError: null,
    sessionNotice: null,
    pendingSaves: 0,
    isUndoing: false,
    isSaving: false,

    async startSession(deckId) {
      const state = get();
      const study = studyDeckOf(state, deckId);
      if (!study) {
        set({ session: null, sessionError: `The deck "${deckId}" is not available.` });
        return;
      }
      const seq = ++sessionSeq;
      const module = loadScheduling();
      // Grades still being written belong in what this session reads.
      await commits.settled();
      const now = deps.clock();
      const startedAt = performanceNow();
      // Reuses the deck list's reads of this deck (in flight or done) when nothing was written since.
      const reads = readStudyQueueInput(get(), study, now, true);
      try {
        let input = await reads.due;
        let queue = buildQueueWithoutNew(input, study.deck);
        // Due learning and review cards come before new ones: with one waiting, the session can
        // start before the new cards are known. Otherwise the first card may be new: wait for them.
        const isComplete = !isFirstCardKnownWithoutNew(queue, now, settingsForDeck(get(), deckId).learnAheadMinutes);
        if (isComplete) {
          input = await reads.full;
          queue = buildQueue(input);
        }
        measureSince(QUEUE_BUILD_MEASURE, startedAt);
        if (isComplete) measureSince(QUEUE_COMPLETE_MEASURE, startedAt);
        const loaded = await module;
        if (seq !== sessionSeq) return;
        const session = openSession(deckId, input, queue, sessionDeck(get(), deckId, loaded), now);
        set({ session, sessionError: null, sessionNotice: null });
        if (!isComplete) void addNewCards(seq, reads.full, startedAt);
        void addDueLoad(seq, deckId);
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

    grade(rating) {
      const state = get();
      const { session } = state;
      if (!session || state.isUndoing || !state.repository) return Promise.resolve();
      const graded = gradeCurrent(session, rating, sessionDeck(state, session.deckId), deps.clock());
      if (!graded) return Promise.resolve();
      set({ session: graded.session, sessionNotice: null });
      return commitGrade(sessionSeq, graded.eventId, graded.entry, graded.balancedDueAt);
    },

    async undo() {
      const state = get();
      const last = state.session?.undoStack.at(-1);
      if (!last || state.isUndoing || !state.repository) return;
      const seq = sessionSeq;
      set({ isUndoing: true, isSaving: true });
      const finish = (change: Partial<StudyState> = {}) => set({ ...change, isUndoing: false, isSaving: get().pendingSaves > 0 });
      // The grade to take back may still be on its way to storage: undo the saved grade, not a guess.
      await commits.settled();
      const session = get().session;
      const { repository } = get();
      // A save failed meanwhile and brought the session back to that card: its message stands, and
      // the grade the student meant to undo is already taken back.
      if (seq !== sessionSeq || !session || !repository || session.undoStack.at(-1)?.eventId !== last.eventId) {
        finish();
        return;
      }
      try {
        // Appends an undo event for the review; the review itself stays in the log.
        await repository.undoReview(last.eventId);
      } catch (error) {
        finish({ saveError: `Could not undo: ${messageOf(error)}` });
        return;
      }
      announceWrite(get(), deps, { kind: 'progress', deckId: last.entry.deckId });
      const latest = get().session ?? session;
      finish({ saveError: null, session: undoLastGrade(latest, sessionDeck(get(), latest.deckId), deps.clock()) });
    },

    resume() {
      const { session } = get();
      if (!session || session.current) return;
      set({ session: advance(session, sessionDeck(get(), session.deckId), deps.clock()) });
    },

    leaveSession() {
      sessionSeq += 1;
      const { session } = get();
      set({ session: null, sessionError: null });
      // The counts are read once the session's last grades are saved, so they include them; a
      // session over subdecks changed theirs and their parents' too.
      if (session) {
        const touched = new Set([...(studyDeckOf(get(), session.deckId)?.members.map((deck) => deck.id) ?? [session.deckId]), ...ancestorsOf(get(), session.deckId)]);
        void commits.settled().then(() => Promise.all([...touched].map((deckId) => get().refreshCounts(deckId))));
      }
    },
  };
};
