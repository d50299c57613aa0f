/**
 * Anki's review history and scheduling, carried over as progress events (docs/import-export.md,
 * "Review history from Anki").
 *
 * Two steps, because the deck a package lands in is only known when it is added:
 *   readAnkiHistory    at preview: each card's revlog rows and scheduling columns, sorted into
 *                      what they mean (a grade, a reset, a schedule without history, a suspension)
 *   ankiHistoryEvents  at "Add": those meanings as review, reset, snapshot, suspend and bury
 *                      events of the deck, with ids derived from the Anki data (never random), so
 *                      importing the same package again, or a newer export of it, adds only what
 *                      is new: the event log merges by id.
 *
 * Revlog semantics (ankitects/anki rslib/src/revlog/mod.rs, scheduler/fsrs/params.rs): `ease` is
 * the button (1–4), 0 on a manual entry; `type` 0 learning, 1 review, 2 relearning, 3 filtered
 * (with ease factor 0: a cram review that did not reschedule), 4 manual (ease factor 0: "Forget",
 * a reset; otherwise "Set due date"), 5 rescheduled. Manual, rescheduled and cram entries are not
 * reviews. Memory comes from the history when it is complete (it starts with a learning step);
 * otherwise from the SM-2 interval and ease (scheduling/sm2-conversion.ts), as Anki does.
 */
import { replayCard } from '../events/replay';
import { ANKI_DEVICE_ID, ankiEventId } from '../events/move-card';
import type { CardEvent, ReviewEvent } from '../events/types';

export { ANKI_DEVICE_ID };
import type { CardId, DeckId } from '../ids';
import { nextStudyDayStart } from '../queue/study-day';
import { stateFromSm2 } from '../scheduling/sm2-conversion';
import type { Rating } from '../scheduling/types';
import type { StudySettings } from '../settings/study-settings';
import type { AnkiCard, AnkiCollection, AnkiRevlogEntry } from './anki-collection';


const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

/** An SM-2 schedule to start the card from (Anki's interval in days, ease as a factor, due epoch ms). */
export interface Sm2Start {
  readonly intervalDays: number;
  readonly easeFactor: number;
  readonly dueAt: number;
  readonly reps: number;
  readonly lapses: number;
}

/** What one Anki fact about a card means for its progress; `at` is epoch ms. */
export type AnkiHistoryItem =
  | { readonly kind: 'review'; readonly at: number; readonly revlogId: number; readonly rating: Rating; readonly answerMs: number }
  | { readonly kind: 'reset'; readonly at: number; readonly revlogId: number }
  | { readonly kind: 'sm2'; readonly at: number; readonly start: Sm2Start }
  | { readonly kind: 'suspend'; readonly at: number }
  | { readonly kind: 'bury'; readonly at: number };

export interface AnkiCardHistory {
  readonly cardId: CardId;
  /** In time order. */
  readonly items: readonly AnkiHistoryItem[];
}

/** A package's history, per Flipdeck card, with the counts the preview shows. */
export interface AnkiHistory {
  readonly cards: readonly AnkiCardHistory[];
  /** Reviews that come along (graded answers; manual, rescheduled and cram entries are not). */
  readonly reviewCount: number;
  /** Cards with at least one review. */
  readonly reviewedCardCount: number;
  /** Cards whose memory starts from their SM-2 interval and ease. */
  readonly fromIntervalCount: number;
  readonly suspendedCount: number;
  readonly buriedCount: number;
  /** Revlog rows that are not reviews (manual, rescheduled, cram) or name no imported card. */
  readonly skippedEntryCount: number;
}

const RATINGS: Readonly<Record<number, Rating>> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

/** Anki's review kinds. */
const LEARNING = 0;
const RELEARNING = 2;
const FILTERED = 3;
const MANUAL = 4;

const isCram = (entry: AnkiRevlogEntry) => entry.kind === FILTERED && entry.easePermille === 0;
const isReset = (entry: AnkiRevlogEntry) => entry.kind === MANUAL && entry.ease === 0 && entry.easePermille === 0;
/** A graded answer that counts as a review. */
const isGraded = (entry: AnkiRevlogEntry) => entry.ease >= 1 && entry.ease <= 4 && entry.kind <= FILTERED && !isCram(entry);

/**
 * The button as Flipdeck's rating. The V1 scheduler had three buttons in (re)learning, so there
 * 2 was Good and 3 Easy.
 */
function ratingOf(entry: AnkiRevlogEntry, schedulerVersion: number): Rating {
  if (schedulerVersion === 1 && (entry.kind === LEARNING || entry.kind === RELEARNING) && entry.ease >= 2) {
    return entry.ease === 2 ? 'good' : 'easy';
  }
  return RATINGS[entry.ease]!;
}

/** Epoch ms of a review card's due day: Anki counts due days from the collection's creation. */
const dueDayAt = (createdSecs: number, dueDay: number) => (createdSecs + dueDay * 86_400) * SECOND_MS;

/** The card's own schedule, when it is in (re)view and has an interval: Anki's SM-2 fields. */
function sm2StartOf(card: AnkiCard, createdSecs: number): Sm2Start | undefined {
  const isScheduled = (card.type === 2 || card.type === 3) && card.intervalDays > 0;
  if (!isScheduled) return undefined;
  // A relearning card in the intraday queue has its due in epoch seconds; otherwise a day number.
  const dueAt = card.queue === 1 ? card.due * SECOND_MS : dueDayAt(createdSecs, card.due);
  return {
    intervalDays: card.intervalDays,
    easeFactor: (card.easePermille > 0 ? card.easePermille : 2500) / 1000,
    dueAt,
    reps: card.reps,
    lapses: card.lapses,
  };
}

/**
 * Where the card's memory starts: the index of the first graded entry of its last run of
 * learning entries (Anki's rule: what came before a fresh round of learning no longer describes
 * the card), or, without learning entries, -1.
 */
function lastLearningStart(graded: readonly AnkiRevlogEntry[]): number {
  let start = -1;
  for (let i = graded.length - 1; i >= 0; i -= 1) {
    if (graded[i]!.kind === LEARNING) start = i;
    else if (start !== -1) break;
  }
  return start;
}

/** One card's facts, in time order. */
function cardItems(card: AnkiCard, entries: readonly AnkiRevlogEntry[], collection: AnkiCollection): { items: AnkiHistoryItem[]; skipped: number; isFromInterval: boolean } {
  const items: AnkiHistoryItem[] = [];
  let skipped = 0;
  // Only what follows the last reset describes the card now; earlier reviews stay as history.
  let sinceReset: AnkiRevlogEntry[] = [];
  for (const entry of entries) {
    if (isReset(entry)) {
      items.push({ kind: 'reset', at: entry.id, revlogId: entry.id });
      sinceReset = [];
    } else if (isGraded(entry)) {
      items.push({ kind: 'review', at: entry.id, revlogId: entry.id, rating: ratingOf(entry, collection.schedulerVersion), answerMs: Math.max(0, Math.round(entry.takenMs)) });
      sinceReset.push(entry);
    } else {
      skipped += 1;
    }
  }

  let isFromInterval = false;
  const start = lastLearningStart(sinceReset);
  if (start > 0) {
    // Relearned from scratch without a reset entry (old Anki's "Forget" wrote none).
    items.push({ kind: 'reset', at: sinceReset[start]!.id - 1, revlogId: sinceReset[start]!.id - 1 });
  } else if (start === -1 && sinceReset.length > 0) {
    // Incomplete: the card was learned before its history begins. Start from the interval and
    // ease the first surviving review was given after (Anki records both on every row).
    const first = sinceReset[0]!;
    if (first.lastIntervalDays > 0) {
      const at = first.id - 1;
      items.push({
        kind: 'sm2',
        at,
        start: {
          intervalDays: first.lastIntervalDays,
          easeFactor: (first.easePermille > 0 ? first.easePermille : 2500) / 1000,
          // It was answered when it fell due, as far as anything says.
          dueAt: first.id,
          reps: 1,
          lapses: 0,
        },
      });
      isFromInterval = true;
    }
  } else if (sinceReset.length === 0 && !entries.some(isReset)) {
    // Scheduled but no history at all (a deck shared with scheduling, or a pruned revlog).
    const sm2 = sm2StartOf(card, collection.createdSecs);
    if (sm2 !== undefined) {
      items.push({ kind: 'sm2', at: sm2.dueAt - Math.round(sm2.intervalDays) * DAY_MS, start: sm2 });
      isFromInterval = true;
    }
  }

  const last = Math.max(card.modifiedSecs * SECOND_MS, ...items.map((item) => item.at + 1));
  if (card.queue === -1) items.push({ kind: 'suspend', at: last });
  else if ((card.queue === -2 || card.queue === -3) && card.type !== 0) items.push({ kind: 'bury', at: last });
  items.sort((a, b) => a.at - b.at);
  return { items, skipped, isFromInterval };
}

/**
 * Sorts a collection's revlog and scheduling into per-card history, for the cards that made it
 * into the deck (`cardIds`: Anki card id -> Flipdeck card id).
 */
export function readAnkiHistory(collection: AnkiCollection, cardIds: ReadonlyMap<number, CardId>): AnkiHistory {
  const byCard = new Map<number, AnkiRevlogEntry[]>();
  let skippedEntryCount = 0;
  for (const entry of collection.revlog) {
    if (!cardIds.has(entry.cardId)) {
      skippedEntryCount += 1;
      continue;
    }
    const list = byCard.get(entry.cardId);
    if (list) list.push(entry);
    else byCard.set(entry.cardId, [entry]);
  }
  const cards: AnkiCardHistory[] = [];
  let reviewCount = 0;
  let reviewedCardCount = 0;
  let fromIntervalCount = 0;
  let suspendedCount = 0;
  let buriedCount = 0;
  for (const card of collection.cards) {
    const cardId = cardIds.get(card.id);
    if (cardId === undefined) continue;
    const entries = (byCard.get(card.id) ?? []).sort((a, b) => a.id - b.id);
    const { items, skipped, isFromInterval } = cardItems(card, entries, collection);
    skippedEntryCount += skipped;
    if (items.length === 0) continue;
    const reviews = items.filter((item) => item.kind === 'review').length;
    reviewCount += reviews;
    if (reviews > 0) reviewedCardCount += 1;
    if (isFromInterval) fromIntervalCount += 1;
    if (items.some((item) => item.kind === 'suspend')) suspendedCount += 1;
    if (items.some((item) => item.kind === 'bury')) buriedCount += 1;
    cards.push({ cardId, items });
  }
  return { cards, reviewCount, reviewedCardCount, fromIntervalCount, suspendedCount, buriedCount, skippedEntryCount };
}

/**
 * The events that carry a package's history into deck `deckId`. Review events record the states
 * a replay with `settings` computes around them (what the grading device "saw"). A burial that has
 * already ended by `nowMs` is left out, as Anki unburies at the next day.
 */
export function ankiHistoryEvents(history: AnkiHistory, deckOf: (cardId: CardId) => DeckId, settings: StudySettings, nowMs: number): CardEvent[] {
  const events: CardEvent[] = [];
  for (const card of history.cards) {
    const cardEvents: CardEvent[] = [];
    const deckId = deckOf(card.cardId);
    const base = (at: number, kind: CardEvent['kind']) => ({ id: ankiEventId(at, deckId, card.cardId, kind), deviceId: ANKI_DEVICE_ID, createdAt: at, deckId, cardId: card.cardId });
    for (const item of card.items) {
      switch (item.kind) {
        case 'review': {
          const placeholder = { deckId, cardId: card.cardId, phase: 'new', dueAt: item.at, stability: 0, difficulty: 0, scheduledDays: 0, learningStep: 0, reps: 0, lapses: 0, lastReviewedAt: null } as const;
          cardEvents.push({ ...base(item.at, 'review'), kind: 'review', rating: item.rating, answerMs: item.answerMs, before: null, after: placeholder });
          break;
        }
        case 'reset':
          cardEvents.push({ ...base(item.at, 'reset'), kind: 'reset' });
          break;
        case 'sm2': {
          const { start } = item;
          const state = stateFromSm2({ deckId, cardId: card.cardId, ...start }, settings.fsrsWeights);
          cardEvents.push({ ...base(item.at, 'snapshot'), kind: 'snapshot', state });
          break;
        }
        case 'suspend':
          cardEvents.push({ ...base(item.at, 'suspend'), kind: 'suspend' });
          break;
        case 'bury': {
          const untilMs = nextStudyDayStart(item.at, settings.dayStartHour);
          if (untilMs > nowMs) cardEvents.push({ ...base(item.at, 'bury'), kind: 'bury', untilMs });
          break;
        }
      }
    }
    events.push(...withReplayedStates(cardEvents, settings));
  }
  return events;
}

/**
 * ankiHistoryEvents in slices of `cardsPerSlice` cards, awaiting `pause()` between slices, so a
 * big package's replay leaves the page free to paint and answer input. Same result.
 */
export async function ankiHistoryEventsInSlices(
  history: AnkiHistory,
  deckOf: (cardId: CardId) => DeckId,
  settings: StudySettings,
  nowMs: number,
  pause: () => Promise<void>,
  cardsPerSlice = 200,
): Promise<CardEvent[]> {
  const events: CardEvent[] = [];
  for (let start = 0; start < history.cards.length; start += cardsPerSlice) {
    events.push(...ankiHistoryEvents({ ...history, cards: history.cards.slice(start, start + cardsPerSlice) }, deckOf, settings, nowMs));
    await pause();
  }
  return events;
}

/** Fills each review's before/after with what replaying the card's events computes. */
function withReplayedStates(events: readonly CardEvent[], settings: StudySettings): CardEvent[] {
  if (!events.some((event) => event.kind === 'review')) return [...events];
  const { reviews } = replayCard(events, () => settings);
  const states = new Map(reviews.map((review) => [review.event.id, review]));
  return events.map((event): CardEvent => {
    if (event.kind !== 'review') return event;
    const replayed = states.get(event.id);
    return replayed === undefined ? event : ({ ...event, before: replayed.before, after: replayed.after } satisfies ReviewEvent);
  });
}
