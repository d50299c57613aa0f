/**
 * Seeded generator for the benchmark decks and their progress.
 *
 * One deck of `cardCount` cards, plus the progress a student would have after months of daily
 * study: the first part of the deck (new cards are introduced in deck order) has been seen, each
 * seen card has a full review history produced by ts-fsrs with the app's default settings
 * (the same parameters src/domain/scheduling/scheduler.ts passes). `generateDeck` gives the states
 * and the review log in the old row shapes (src/storage/progress-rows.ts: CardStateRow and
 * NewReviewLogRow), which the format-1 backup still uses; `progressEvents` turns them into what
 * schema v3 stores and the app reads (src/storage/event-rows.ts): review events, and per card a
 * snapshot event of its state after its last review.
 *
 * The shape, not the absolute time, is fixed by the seed: every time is relative to `nowMs`, so
 * the same seed gives the same mix of new, learning, due, overdue and future cards on any day.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** mulberry32: a tiny, fast, seedable PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'kernel namespace cgroup container image layer volume snapshot replica quorum shard index ' +
  'latency throughput cache eviction page block inode journal checksum hypervisor scheduler ' +
  'thread process mutex semaphore deadlock heap stack pointer register interrupt syscall socket ' +
  'packet router gateway subnet tunnel certificate cipher token session cookie queue broker'
).split(' ');

function sentence(random, minWords, maxWords) {
  const count = minWords + Math.floor(random() * (maxWords - minWords + 1));
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]);
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/** A card's Markdown: mostly plain prose, sometimes a list or inline code, as real decks have. */
function cardText(random, index) {
  const front = `${sentence(random, 5, 12)} (#${index + 1})?`;
  const roll = random();
  let back = `${sentence(random, 8, 30)}.`;
  if (roll < 0.2) back += `\n\n- ${sentence(random, 3, 8)}\n- ${sentence(random, 3, 8)}`;
  else if (roll < 0.35) back += ` See \`${WORDS[Math.floor(random() * WORDS.length)]}()\`.`;
  return { front, back };
}

const PHASES = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const RATING_NAMES = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good', [Rating.Easy]: 'easy' };

function stateRow(deckId, cardId, card) {
  return {
    deckId,
    cardId,
    phase: PHASES[card.state],
    dueAt: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningStep: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReviewedAt: card.last_review ? card.last_review.getTime() : null,
  };
}

/** Ratings as students give them: more misses while learning than in review. */
function pickRating(random, state) {
  const r = random();
  if (state === State.New || state === State.Learning || state === State.Relearning) {
    return r < 0.15 ? Rating.Again : r < 0.2 ? Rating.Hard : r < 0.92 ? Rating.Good : Rating.Easy;
  }
  return r < 0.08 ? Rating.Again : r < 0.2 ? Rating.Hard : r < 0.93 ? Rating.Good : Rating.Easy;
}

/**
 * Generates one deck and its progress.
 * @param {{ cardCount: number, seed: number, nowMs: number, seenFraction: number }} options
 */
export function generateDeck({ cardCount, seed, nowMs, seenFraction }) {
  const random = mulberry32(seed);
  const deckId = `bench-${cardCount}`;
  const cards = [];
  for (let i = 0; i < cardCount; i += 1) {
    cards.push({ id: `c${String(i).padStart(6, '0')}`, ...cardText(random, i) });
  }
  const deck = {
    schemaVersion: 1,
    id: deckId,
    title: `Benchmark deck, ${cardCount.toLocaleString('en')} cards`,
    description: `Generated with seed ${seed} for the performance benchmark.`,
    cards,
  };

  // The app's default settings (src/domain/settings.ts), so histories are what the app would write.
  const engine = fsrs(
    generatorParameters({
      request_retention: 0.9,
      maximum_interval: 36500,
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
    }),
  );

  const seenCount = Math.round(cardCount * seenFraction);
  const states = [];
  const log = [];
  const historyDays = 365;
  for (let i = 0; i < seenCount; i += 1) {
    const cardId = cards[i].id;
    // Deck order is introduction order: the first cards are a year old, the last were met today.
    const ageDays = historyDays * (1 - i / seenCount) + random() * 0.5;
    let t = nowMs - ageDays * DAY_MS;
    // Most students studied until yesterday; some fell behind two weeks ago (a real backlog),
    // and the newest cards were studied today, so some are still in their learning steps.
    const lane = random();
    const stopAt = ageDays < 1 ? nowMs - 5 * MINUTE_MS : lane < 0.1 ? nowMs - 14 * DAY_MS : nowMs - DAY_MS;
    let card = createEmptyCard(new Date(t));
    let before = null;
    for (let rep = 0; rep < 60 && t <= stopAt; rep += 1) {
      const rating = pickRating(random, card.state);
      const record = engine.next(card, new Date(t), rating);
      const after = stateRow(deckId, cardId, record.card);
      log.push({
        deckId,
        cardId,
        rating: RATING_NAMES[rating],
        reviewedAt: Math.round(t),
        answerMs: Math.round(1500 + random() * random() * 20_000),
        before,
        after,
      });
      before = after;
      card = record.card;
      const dueAt = card.due.getTime();
      // Learning steps come back within minutes; reviews are done on the day or a few days late.
      const lateMs = dueAt - t < DAY_MS ? random() * 3 * MINUTE_MS : random() < 0.7 ? random() * 8 * 3600_000 : random() * 3 * DAY_MS;
      t = dueAt + lateMs;
    }
    if (before !== null) states.push(before);
  }
  // The log is append-only in time order, as the app writes it.
  log.sort((a, b) => a.reviewedAt - b.reviewedAt);
  return { deck, states, log };
}

/** Counts of the generated states by phase and due time, for the results file. */
export function describeProgress(states, nowMs) {
  const counts = { new: 0, learning: 0, relearning: 0, review: 0, dueNow: 0, overdueWeek: 0 };
  for (const s of states) {
    counts[s.phase] += 1;
    if (s.dueAt <= nowMs) counts.dueNow += 1;
    if (s.dueAt <= nowMs - 7 * DAY_MS) counts.overdueWeek += 1;
  }
  return counts;
}

/**
 * The generated deck and its progress as a full backup in the app's own format
 * (src/storage/backup-file.ts serializeBackup, format "flipdeck-backup" version 2): the deck
 * becomes a user deck (rows as src/storage/user-deck-rows.ts writes them, id "user.<deck id>"),
 * each log row a review event re-keyed to that id, and each studied card's state a snapshot event
 * just after its last review (as the app's legacy conversion places it), so the restored states
 * are exactly the generated ones. Event ids are ULID-shaped (10 time characters, 16 from the row's
 * index), unique and deterministic. `settings` is a full StudySettings value, one settings event.
 * The title gains `RESTORED_SUFFIX` so the restored deck's tile is told apart from the bundled copy's.
 */
export const RESTORED_SUFFIX = ' (restored)';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base32 = (value, length) => {
  let text = '';
  let rest = BigInt(value);
  for (let i = 0; i < length; i += 1) {
    text = CROCKFORD[Number(rest % 32n)] + text;
    rest /= 32n;
  }
  return text;
};
const eventId = (createdAt, serial) => base32(createdAt, 10) + base32(serial, 16);
const DEVICE_ID = 'bench';

export function backupText({ deck, states, log }, { nowMs, settings }) {
  const userId = `user.${deck.id}`;
  const rekey = (state) => (state === null ? null : { ...state, deckId: userId });
  let serial = 0;
  const lastReviewAt = new Map();
  const events = log.map((row) => {
    lastReviewAt.set(row.cardId, Math.max(lastReviewAt.get(row.cardId) ?? -Infinity, row.reviewedAt));
    const { reviewedAt, ...review } = row;
    return { ...review, id: eventId(reviewedAt, (serial += 1)), deviceId: DEVICE_ID, createdAt: reviewedAt, kind: 'review', deckId: userId, before: rekey(row.before), after: rekey(row.after) };
  });
  for (const state of states) {
    if (state === null) continue;
    const createdAt = (lastReviewAt.get(state.cardId) ?? state.lastReviewedAt ?? nowMs) + 1;
    events.push({ id: eventId(createdAt, (serial += 1)), deviceId: DEVICE_ID, createdAt, deckId: userId, cardId: state.cardId, kind: 'snapshot', state: rekey(state) });
  }
  const settingsAt = nowMs - 366 * DAY_MS;
  return JSON.stringify({
    format: 'flipdeck-backup',
    version: 2,
    exportedAt: nowMs,
    decks: [
      {
        id: userId,
        origin: 'backup',
        createdAt: nowMs - 366 * DAY_MS,
        updatedAt: nowMs - DAY_MS,
        deck: {
          schemaVersion: deck.schemaVersion,
          id: deck.id,
          title: deck.title + RESTORED_SUFFIX,
          description: deck.description,
          cards: deck.cards.map((card) => ({ id: card.id, front: card.front, back: card.back, tags: [] })),
        },
      },
    ],
    media: [],
    events,
    settingsEvents: [{ id: eventId(settingsAt, (serial += 1)), deviceId: DEVICE_ID, createdAt: settingsAt, kind: 'settings', scope: { kind: 'study' }, values: settings }],
  });
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A monotonic ULID generator as src/domain/events/event-id.ts makes them (10 base32 characters of
 * epoch ms, then 16 of randomness, incremented within one millisecond), with a seeded random
 * source. Called in time order, every id is greater than the one before: unique and time-sortable.
 */
export function createEventIds(random) {
  let lastTime = -1;
  let digits = [];
  return (ms) => {
    const time = Math.max(0, Math.floor(ms));
    if (time <= lastTime) {
      for (let i = digits.length - 1; i >= 0; i -= 1) {
        if (digits[i] < 31) {
          digits[i] += 1;
          break;
        }
        digits[i] = 0;
      }
    } else {
      lastTime = time;
      digits = Array.from({ length: 16 }, () => Math.floor(random() * 32));
    }
    let head = '';
    for (let rest = lastTime, i = 0; i < 10; i += 1, rest = Math.floor(rest / 32)) head = BASE32[rest % 32] + head;
    return head + digits.map((d) => BASE32[d]).join('');
  };
}

/**
 * The generated progress as schema v3 rows: one review event per log row (createdAt = reviewedAt,
 * `before`/`after` as the generator scheduled them), then per card a `snapshot` event of its state
 * 1 ms after its last review, as src/domain/events/legacy.ts converts old data. The snapshot is
 * there because the generator's fuzz (ts-fsrs's own) is not the app's (seeded by the event id), so
 * replaying the reviews alone would land near, not exactly on, the generated states; with it,
 * replay gives every cached state in `states` bit for bit, and the history stays in the log for
 * the statistics. The settings event (study scope, `settingsValues`) is made at `settingsAt`.
 *
 * `deviceId` is left null: the seeding page fills in the app's own device id (src/storage/memory-storage.ts
 * deviceIdOf), so the history reads as this browser's. Rows in ascending id order.
 */
export function progressEvents({ states, log }, { seed, settingsValues, settingsAt }) {
  const lastReviewAt = new Map();
  for (const row of log) {
    const key = `${row.deckId}\u0000${row.cardId}`;
    lastReviewAt.set(key, Math.max(lastReviewAt.get(key) ?? -Infinity, row.reviewedAt));
  }
  const events = log.map((row) => ({
    id: '',
    deviceId: null,
    createdAt: row.reviewedAt,
    deckId: row.deckId,
    cardId: row.cardId,
    kind: 'review',
    rating: row.rating,
    answerMs: row.answerMs,
    before: row.before,
    after: row.after,
  }));
  for (const state of states) {
    const last = Math.max(lastReviewAt.get(`${state.deckId}\u0000${state.cardId}`) ?? -Infinity, state.lastReviewedAt ?? -Infinity);
    events.push({ id: '', deviceId: null, createdAt: Number.isFinite(last) ? last + 1 : 0, deckId: state.deckId, cardId: state.cardId, kind: 'snapshot', state });
  }
  // Stable: within one millisecond, the order the log had.
  events.sort((a, b) => a.createdAt - b.createdAt);
  const nextId = createEventIds(mulberry32(seed ^ 0x5eed));
  const settingsEvent = { id: nextId(settingsAt), deviceId: null, createdAt: settingsAt, kind: 'settings', scope: { kind: 'study' }, values: settingsValues };
  if (events.length > 0 && events[0].createdAt < settingsAt) throw new Error('the settings event must come before the first review');
  for (const event of events) event.id = nextId(event.createdAt);
  return { events, settingsEvent };
}

/** Local midnight-based study day start, as src/domain/queue/study-day.ts computes it. */
function studyDayStart(now, dayStartHour) {
  const start = new Date(now);
  start.setHours(dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/**
 * The deck list's counts for the generated deck at `atMs`, computed as src/domain/queue/queue.ts
 * does (buildQueue + countDoneToday): new cards left under today's limit, (re)learning cards due
 * before the study day ends, review cards due before it ends cut to today's review limit. The
 * bench checks the app shows these after seeding, so a seed the app ignores fails loudly.
 */
export function expectedCounts({ deck, states, log }, { atMs, newCardsPerDay, reviewsPerDay, dayStartHour }) {
  const dayStart = studyDayStart(atMs, dayStartHour);
  const next = new Date(dayStart);
  next.setDate(next.getDate() + 1);
  const dayEnd = Math.max(next.getTime(), atMs + 3_600_000);
  let doneNew = 0;
  let doneReviews = 0;
  for (const row of log) {
    if (row.reviewedAt < dayStart || row.reviewedAt > atMs) continue;
    if (row.before === null || row.before.phase === 'new') doneNew += 1;
    else if (row.before.phase === 'review') doneReviews += 1;
  }
  let learning = 0;
  let review = 0;
  for (const s of states) {
    if (s.dueAt >= dayEnd) continue;
    if (s.phase === 'learning' || s.phase === 'relearning') learning += 1;
    else if (s.phase === 'review') review += 1;
  }
  const unseen = deck.cards.length - states.length;
  return {
    fresh: Math.min(unseen, Math.max(0, newCardsPerDay - doneNew)),
    learning,
    review: Math.min(review, Math.max(0, reviewsPerDay - doneReviews)),
  };
}
