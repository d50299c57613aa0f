/**
 * A Flipdeck deck (with its subdecks) as the rows of an Anki schema-11 collection: what
 * features/import/anki/write-apkg.ts writes into `collection.anki21` (docs/import-export.md,
 * "Export to Anki"). Pure: the caller passes the cards, their replayed states, the review log,
 * the names of the images the package carries, and `nowMs`.
 *
 * Note types are Anki's stock ones, so Anki shows the cards with its own templates:
 *   Basic                        a card                          (Front, Back)
 *   Basic (and reversed card)    an imported reversed pair       (Front, Back), cards 1 and 2
 *   Basic (type in the answer)   a card with typeAnswer          (Front, Back)
 *   Cloze                        the cards of one cloze note     (Text, Back Extra), card n-1 per cloze n
 * A card imported from Anki (id `anki-<guid slug>-<ord>`) gets its note's guid back, so Anki
 * updates the note it came from instead of adding a copy; other notes get a guid derived from
 * their deck and card ids, the same on every export.
 *
 * Scheduling (rslib/src/card/mod.rs, revlog/mod.rs): cards.type/queue/due/ivl come from the
 * card's current state; FSRS memory goes into cards.data as {"s": stability, "d": difficulty},
 * the keys Anki's CardData uses; suspended is queue -1, buried -3. Each review becomes a revlog
 * row whose id is its time in ms, moved on by 1 ms where two would collide.
 */
import type { Card } from '../deck/types.ts';
import type { DeckId } from '../ids.ts';
import type { CardPhase, CardState, Rating, ReviewLogEntry } from '../scheduling/types.ts';
import { escapeHtml, markdownToAnkiHtml } from './anki-html.ts';
import { ankiOcclusionField } from './anki-occlusion-field.ts';
import { sha1Hex } from './sha1.ts';
import { ANKI_NOTETYPE_IDS, CLOZE_CSS, CSS, LATEX_POST, LATEX_PRE, STOCK, type NotetypeKey } from './anki-stock-notetypes.ts';

/** One deck of the export; `path` is its Anki name's levels (["Course", "Week 1"] -> "Course::Week 1"). */
export interface AnkiExportDeck {
  readonly id: DeckId;
  readonly path: readonly string[];
  readonly cards: readonly Card[];
}

export interface AnkiExportInput {
  /** The exported deck first, then its subdecks. */
  readonly decks: readonly AnkiExportDeck[];
  /** The replayed states of the decks' cards (cards without one are new). */
  readonly states: readonly CardState[];
  /** Every review of the decks' cards that no undo took back. */
  readonly reviews: readonly ReviewLogEntry[];
  /** Names of the images that go into the package (cards refer to them as media/<name>). */
  readonly mediaNames: readonly string[];
  readonly nowMs: number;
}

/** What the store gathers for an export: the input with the images themselves. */
export interface AnkiExportSource extends Omit<AnkiExportInput, 'mediaNames'> {
  readonly media: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/** The Anki deck path of each deck of a family: its title below its parent's path. */
export function ankiDeckPaths(members: readonly { readonly id: DeckId; readonly title: string; readonly parent?: DeckId }[]): Map<DeckId, string[]> {
  const paths = new Map<DeckId, string[]>();
  for (const deck of members) {
    const parentPath = deck.parent === undefined ? undefined : paths.get(deck.parent);
    paths.set(deck.id, [...(parentPath ?? []), deck.title]);
  }
  return paths;
}

type SqlCell = string | number;
export type NoteRow = readonly [id: number, guid: string, mid: number, mod: number, usn: number, tags: string, flds: string, sfld: string, csum: number, flags: number, data: string];
export type CardRow = readonly [
  id: number, nid: number, did: number, ord: number, mod: number, usn: number, type: number, queue: number, due: number, ivl: number, factor: number,
  reps: number, lapses: number, left: number, odue: number, odid: number, flags: number, data: string,
];
export type RevlogRow = readonly [id: number, cid: number, usn: number, ease: number, ivl: number, lastIvl: number, factor: number, time: number, type: number];

/** What goes into the collection's tables. */
export interface AnkiPackageRows {
  /** col's one row: crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags. */
  readonly col: readonly SqlCell[];
  readonly notes: readonly NoteRow[];
  readonly cards: readonly CardRow[];
  readonly revlog: readonly RevlogRow[];
}

function modelsJson(modSecs: number, deckId: number): string {
  const models = Object.fromEntries(
    (Object.keys(STOCK) as NotetypeKey[]).map((key) => {
      const nt = STOCK[key];
      const id = ANKI_NOTETYPE_IDS[key];
      return [
        String(id),
        {
          id,
          name: nt.name,
          type: nt.isCloze ? 1 : 0,
          mod: modSecs,
          usn: 0,
          sortf: 0,
          did: deckId,
          tmpls: nt.templates.map(([name, qfmt, afmt], ord) => ({ name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
          flds: nt.fields.map((name, ord) => ({
            name,
            ord,
            sticky: false,
            rtl: false,
            font: 'Arial',
            size: 20,
            media: [],
            // Image Occlusion's fields carry their role (ImageOcclusionField: 0 Occlusion … 4 Comments).
            ...(key === 'imageOcclusion' ? { tag: ord, preventDeletion: ord <= 1 } : {}),
          })),
          originalStockKind: nt.stockKind,
          css: nt.isCloze ? CLOZE_CSS : CSS,
          latexPre: LATEX_PRE,
          latexPost: LATEX_POST,
          latexsvg: false,
          req: nt.templates.map((_t, ord) => [ord, 'any', [ord === 1 && key === 'reversed' ? 1 : 0]]),
          tags: [],
          vers: [],
        },
      ];
    }),
  );
  return JSON.stringify(models);
}

const DECK_CONFIG = {
  1: {
    id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  },
};

const deckJson = (id: number, name: string, modSecs: number) => ({
  id, name, mod: modSecs, usn: 0, desc: '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false,
  extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
});

/** An Anki deck name level cannot hold "::" (it would make a level of its own). */
const level = (title: string) => title.replaceAll('::', ':').trim() || 'Untitled deck';

const DAY_SECS = 86_400;
const TYPE_OF_PHASE: Readonly<Record<CardPhase, number>> = { new: 0, learning: 1, review: 2, relearning: 3 };
const EASE_OF_RATING: Readonly<Record<Rating, number>> = { again: 1, hard: 2, good: 3, easy: 4 };
/** Anki's default starting ease, permille; Flipdeck schedules with FSRS and keeps no ease. */
const DEFAULT_FACTOR = 2500;
/** Anki caps the time taken it records at the deck's maxTaken (60 s by default). */
const MAX_TAKEN_MS = 60_000;

/** The interval revlog records: whole days for a review card, negative seconds in (re)learning steps. */
function revlogInterval(state: CardState | null, at: number): number {
  if (state === null || state.phase === 'new') return 0;
  if (state.phase === 'review') return Math.max(1, Math.round(state.scheduledDays));
  return -Math.max(1, Math.round((state.dueAt - at) / 1000));
}

const isClozeCard = (card: Card) => card.clozeNumber !== undefined;
const mediaNameOf = (path: string) => decodeURIComponent(path.slice('media/'.length));

const ANKI_CARD_ID = /^anki-([A-Za-z0-9_]+)-(\d+)$/;

/** The guid and ordinal of a card imported from Anki (the inverse of guidSlug), or null. */
export function ankiOrigin(cardId: string): { guid: string; ord: number } | null {
  const match = ANKI_CARD_ID.exec(cardId);
  if (!match) return null;
  const slug = match[1]!;
  // guidSlug writes every character but [A-Za-z0-9] as _ and its code in hex; guids are printable ASCII (two digits).
  if (!/^(?:[A-Za-z0-9]|_[0-7][0-9a-f])*$/.test(slug)) return null;
  const guid = slug.replace(/_([0-7][0-9a-f])/g, (_w, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return { guid, ord: Number(match[2]) };
}

/** A stable guid for a note Flipdeck made: ten characters from its deck and key. */
const derivedGuid = (deckId: DeckId, key: string) => `fd${sha1Hex(`${deckId}\u0000${key}`).slice(0, 10)}`;

/** Anki's field checksum: the first 8 hex digits of the SHA-1 of the sort field without HTML. */
const fieldChecksum = (html: string) => Number.parseInt(sha1Hex(html.replace(/<[^>]*>/g, '').trim()).slice(0, 8), 16);

interface PlannedNote {
  readonly deck: AnkiExportDeck;
  readonly type: NotetypeKey;
  readonly guid: string;
  readonly fields: readonly string[];
  readonly tags: readonly string[];
  /** The note's cards and their template (or cloze) ordinals. */
  readonly cards: readonly { readonly card: Card; readonly ord: number }[];
}

/** Groups the deck's cards into notes: cloze notes by note id, imported reversed pairs, and one note per other card. */
function planNotes(deck: AnkiExportDeck, mediaNames: ReadonlySet<string>): PlannedNote[] {
  const html = (markdown: string) => markdownToAnkiHtml(markdown, mediaNames);
  const notes: PlannedNote[] = [];
  const clozeNotes = new Map<string, Card[]>();
  const occlusionNotes = new Map<string, Card[]>();
  const byGuid = new Map<string, Card[]>();
  for (const card of deck.cards) {
    if (card.occlusion !== undefined) {
      // The cards of one Anki note: the same guid, image and shapes.
      const key = `${ankiOrigin(card.id)?.guid ?? card.id}\u0000${card.occlusion.image}\u0000${JSON.stringify(card.occlusion.shapes)}`;
      occlusionNotes.set(key, [...(occlusionNotes.get(key) ?? []), card]);
      continue;
    }
    if (isClozeCard(card)) {
      const key = card.noteId ?? card.id;
      clozeNotes.set(key, [...(clozeNotes.get(key) ?? []), card]);
      continue;
    }
    const origin = ankiOrigin(card.id);
    if (origin !== null && (origin.ord === 0 || origin.ord === 1)) byGuid.set(origin.guid, [...(byGuid.get(origin.guid) ?? []), card]);
  }
  const paired = new Set<Card>();
  for (const [guid, cards] of byGuid) {
    const first = cards.find((card) => ankiOrigin(card.id)?.ord === 0);
    const second = cards.find((card) => ankiOrigin(card.id)?.ord === 1);
    if (!first || !second || first.typeAnswer !== undefined || second.typeAnswer !== undefined) continue;
    if (first.front !== second.back || first.back !== second.front) continue;
    paired.add(first).add(second);
    notes.push({ deck, type: 'reversed', guid, fields: [html(first.front), html(first.back)], tags: first.tags, cards: [{ card: first, ord: 0 }, { card: second, ord: 1 }] });
  }
  for (const [key, cards] of clozeNotes) {
    const first = cards[0]!;
    const ords = [...new Set(cards.map((card) => (card.clozeNumber ?? 1) - 1))];
    notes.push({
      deck,
      type: 'cloze',
      guid: ankiOrigin(first.id)?.guid ?? derivedGuid(deck.id, `note:${key}`),
      fields: [html(first.front), html(first.back)],
      tags: first.tags,
      cards: ords.map((ord) => ({ card: cards.find((card) => (card.clozeNumber ?? 1) - 1 === ord)!, ord })),
    });
  }
  for (const cards of occlusionNotes.values()) {
    const first = cards[0]!;
    const image = mediaNameOf(first.occlusion!.image);
    const occlusions = cards.map((card) => card.occlusion!);
    notes.push({
      deck,
      type: 'imageOcclusion',
      guid: ankiOrigin(first.id)?.guid ?? derivedGuid(deck.id, first.id),
      fields: [ankiOcclusionField(occlusions), mediaNames.has(image) ? `<img src="${escapeHtml(image)}">` : '', html(first.front), html(first.back), ''],
      tags: first.tags,
      cards: cards.map((card) => ({ card, ord: card.occlusion!.ordinal - 1 })),
    });
  }
  for (const card of deck.cards) {
    if (isClozeCard(card) || paired.has(card) || card.occlusion !== undefined) continue;
    const type: NotetypeKey = card.typeAnswer === undefined ? 'basic' : 'typeIn';
    // A typed answer given as a string is what Anki's {{type:Back}} compares with.
    const back = typeof card.typeAnswer === 'string' ? card.typeAnswer : card.back;
    const origin = ankiOrigin(card.id);
    notes.push({ deck, type, guid: origin?.guid ?? derivedGuid(deck.id, card.id), fields: [html(card.front), html(back)], tags: card.tags, cards: [{ card, ord: 0 }] });
  }
  return notes;
}

/** Progress while the rows are built, in cards. */
export type RowsProgress = (done: number, total: number) => void;

/** The collection's rows for an export. */
export function buildAnkiPackageRows(input: AnkiExportInput, onProgress?: RowsProgress): AnkiPackageRows {
  const { nowMs } = input;
  const nowSecs = Math.floor(nowMs / 1000);
  const mediaNames = new Set(input.mediaNames);
  const stateOf = new Map(input.states.map((state) => [`${state.deckId}\u0000${state.cardId}`, state]));
  // The collection is dated from the day of its first review (or today), so no due day is negative.
  const firstReviewMs = input.reviews.reduce((min, review) => Math.min(min, review.reviewedAt), nowMs);
  const crt = Math.floor(firstReviewMs / 1000 / DAY_SECS) * DAY_SECS;
  const dueDay = (ms: number) => Math.max(0, Math.floor((ms / 1000 - crt) / DAY_SECS));

  // Anki ids are creation times in ms: one block of unique ids, counting back from now.
  const total = input.decks.reduce((sum, deck) => sum + deck.cards.length, 0);
  let nextId = nowMs - 2 * total - input.decks.length - 1;
  const newId = () => nextId++;
  const deckIds = new Map(input.decks.map((deck) => [deck.id, newId()]));
  const rootAnkiId = deckIds.get(input.decks[0]?.id as DeckId) ?? 1;

  const decks: Record<string, unknown> = { 1: deckJson(1, 'Default', nowSecs) };
  for (const deck of input.decks) {
    const id = deckIds.get(deck.id)!;
    decks[String(id)] = deckJson(id, deck.path.map(level).join('::'), nowSecs);
  }

  const notes: NoteRow[] = [];
  const cards: CardRow[] = [];
  const ankiCardId = new Map<string, number>();
  const usedGuids = new Set<string>();
  let newPosition = 0;
  let done = 0;
  for (const deck of input.decks) {
    for (const planned of planNotes(deck, mediaNames)) {
      const noteId = newId();
      let guid = planned.guid;
      // Two notes may claim one guid (say an imported card's copy); the later gets its own.
      if (usedGuids.has(guid)) guid = derivedGuid(deck.id, `dup:${planned.cards[0]!.card.id}`);
      usedGuids.add(guid);
      const fields = planned.fields;
      const tags = planned.tags.length === 0 ? '' : ` ${planned.tags.map((tag) => tag.replace(/\s+/g, '_')).join(' ')} `;
      notes.push([noteId, guid, ANKI_NOTETYPE_IDS[planned.type], nowSecs, 0, tags, fields.join('\x1f'), fields[0]!.replace(/<[^>]*>/g, ''), fieldChecksum(fields[0]!), 0, '']);
      for (const { card, ord } of planned.cards) {
        const id = newId();
        ankiCardId.set(`${deck.id}\u0000${card.id}`, id);
        cards.push(cardRow(id, noteId, deckIds.get(deck.id)!, ord, stateOf.get(`${deck.id}\u0000${card.id}`), { nowMs, nowSecs, dueDay, position: ++newPosition }));
        done += 1;
        if (onProgress && done % 500 === 0) onProgress(done, total);
      }
    }
  }

  const revlog: RevlogRow[] = [];
  const sorted = [...input.reviews].sort((a, b) => a.reviewedAt - b.reviewedAt || ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
  let lastId = -Infinity;
  for (const review of sorted) {
    const cid = ankiCardId.get(`${review.deckId}\u0000${review.cardId}`);
    if (cid === undefined) continue;
    const id = Math.max(Math.round(review.reviewedAt), lastId + 1);
    lastId = id;
    const beforePhase = review.before?.phase ?? 'new';
    const kind = beforePhase === 'review' ? 1 : beforePhase === 'relearning' ? 2 : 0;
    const factor = review.after.phase === 'new' ? 0 : DEFAULT_FACTOR;
    revlog.push([
      id, cid, 0, EASE_OF_RATING[review.rating], revlogInterval(review.after, review.reviewedAt), revlogInterval(review.before, review.reviewedAt),
      factor, Math.min(MAX_TAKEN_MS, Math.max(0, Math.round(review.answerMs))), kind,
    ]);
  }

  const conf = { activeDecks: [rootAnkiId], curDeck: rootAnkiId, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: ANKI_NOTETYPE_IDS.basic, nextPos: newPosition + 1, sortType: 'noteFld', sortBackwards: false, addToCur: true, schedVer: 2 };
  return {
    col: [crt, nowMs, nowMs, 11, 0, 0, 0, JSON.stringify(conf), modelsJson(nowSecs, rootAnkiId), JSON.stringify(decks), JSON.stringify(DECK_CONFIG), '{}'],
    notes,
    cards,
    revlog,
  };
}

interface CardTimes {
  readonly nowMs: number;
  readonly nowSecs: number;
  readonly dueDay: (ms: number) => number;
  /** The card's place among new cards. */
  readonly position: number;
}

/** A card's scheduling columns from its replayed state (none: a new card). */
function cardRow(id: number, noteId: number, deckId: number, ord: number, state: CardState | undefined, times: CardTimes): CardRow {
  const phase = state?.phase ?? 'new';
  const type = TYPE_OF_PHASE[phase];
  let queue = type;
  let due: number;
  let ivl = 0;
  if (state === undefined || phase === 'new') {
    due = times.position;
  } else if (phase === 'review') {
    due = times.dueDay(state.dueAt);
    ivl = Math.max(1, Math.round(state.scheduledDays));
  } else {
    // (Re)learning: an intraday step is due at a time (queue 1, epoch seconds), a step of a day or more on a day (queue 3).
    const isDayStep = state.dueAt - (state.lastReviewedAt ?? times.nowMs) >= DAY_SECS * 1000;
    queue = isDayStep ? 3 : 1;
    due = isDayStep ? times.dueDay(state.dueAt) : Math.floor(state.dueAt / 1000);
    ivl = phase === 'relearning' ? Math.max(1, Math.round(state.scheduledDays)) : 0;
  }
  if (state?.isSuspended) queue = -1;
  else if (state?.buriedUntil !== undefined && state.buriedUntil > times.nowMs) queue = -3;
  const hasMemory = state !== undefined && phase !== 'new' && state.stability > 0;
  const data = hasMemory ? JSON.stringify({ s: round(state.stability, 4), d: round(state.difficulty, 3) }) : '{}';
  return [
    id, noteId, deckId, ord, times.nowSecs, 0, type, queue, due, ivl, phase === 'new' ? 0 : DEFAULT_FACTOR,
    state?.reps ?? 0, state?.lapses ?? 0, phase === 'learning' || phase === 'relearning' ? 1 : 0, 0, 0, 0, data,
  ];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
