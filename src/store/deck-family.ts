/**
 * Studying a deck with subdecks: its family (the deck and every deck under it, deck-tree.ts) is
 * studied as one queue, while each card's progress stays with the deck the card is in. The queue
 * input is the union of each member's reads (queue-reads.ts), and the session asks `deckOf` which
 * deck a card belongs to, so a grade is written to that deck and scheduled with its settings.
 *
 * A card id that two decks of one family share is studied once, from the deck listed first
 * (Anki's card ids never repeat; a hand-written tree should keep them apart).
 */
import { buildDeckTree, deckAncestors, deckFamily, type DeckTree } from '../domain/deck/deck-tree';
import type { Card, Deck } from '../domain/deck/types';
import type { CardId, DeckId } from '../domain/ids';
import { resolveExam, settingsWithInheritedExam, type ExamCandidate, type ResolvedExam } from '../domain/settings/exam-inheritance';
import type { StudySettings } from '../domain/settings/study-settings';
import type { BuildQueueInput, DoneToday } from '../domain/queue/queue';
import { readQueueInput, type PrefetchedDueRows, type QueueReads } from './queue-reads';
import { settingsForDeck } from './selectors';
import type { StudyState } from './study-store';
import type { DeckEntry } from './types';

const trees = new WeakMap<readonly DeckEntry[], DeckTree>();

/** The deck tree of the deck list (cached per list). */
export function deckTreeOf(state: Pick<StudyState, 'deckEntries'>): DeckTree {
  let tree = trees.get(state.deckEntries);
  if (!tree) {
    tree = buildDeckTree(
      state.deckEntries.map(({ listing }) => ({ id: listing.id, cardCount: listing.cardCount, ...(listing.parent === undefined ? {} : { parent: listing.parent }) })),
    );
    trees.set(state.deckEntries, tree);
  }
  return tree;
}

/** The decks above `deckId`, nearest first: their counts include its cards. */
export const ancestorsOf = (state: Pick<StudyState, 'deckEntries'>, deckId: DeckId): DeckId[] => deckAncestors(deckTreeOf(state), deckId);

/** `deckId` and the decks above it, nearest first, each with its own settings: the exam rule's input. */
function examChain(state: Pick<StudyState, 'deckEntries' | 'settings' | 'deckOverrides'>, deckId: DeckId): [ExamCandidate, ...ExamCandidate[]] {
  const candidate = (id: DeckId): ExamCandidate => ({ deckId: id, settings: settingsForDeck(state, id) });
  return [candidate(deckId), ...ancestorsOf(state, deckId).map(candidate)];
}

/**
 * The settings a card of `deckId` is graded with at `now`: the deck's own, with the exam the
 * inheritance rule picks from its ancestors (exam-inheritance.ts), as replay will resolve it from
 * the ancestors the review records.
 */
export function gradingSettingsForDeck(state: Pick<StudyState, 'deckEntries' | 'settings' | 'deckOverrides'>, deckId: DeckId, now: number): StudySettings {
  if (ancestorsOf(state, deckId).length === 0) return settingsForDeck(state, deckId);
  return settingsWithInheritedExam(examChain(state, deckId), now);
}

/** Which exam `deckId` studies for at `now`, and whether it is a parent's, or null without one. */
export function examOfDeck(state: Pick<StudyState, 'deckEntries' | 'settings' | 'deckOverrides'>, deckId: DeckId, now: number): ResolvedExam | null {
  return resolveExam(examChain(state, deckId), now);
}

/** What a study session of one deck covers. */
export interface StudyDeck {
  /** The deck with its whole family's cards, in family order (the deck itself when it has no subdecks). */
  readonly deck: Deck;
  /** The loaded decks of the family, the deck itself first. */
  readonly members: readonly Deck[];
  /** The deck each card of `deck` belongs to. */
  readonly deckOf: (cardId: CardId) => DeckId;
}

interface CachedFamily {
  readonly members: readonly Deck[];
  readonly study: StudyDeck;
}
const families = new WeakMap<Deck, CachedFamily>();

/** The family of `deckId` as one deck to study, or undefined when the deck is not loaded. */
export function studyDeckOf(state: Pick<StudyState, 'decks' | 'deckEntries'>, deckId: DeckId): StudyDeck | undefined {
  const own = state.decks.get(deckId);
  if (!own) return undefined;
  const members = deckFamily(deckTreeOf(state), deckId).flatMap((id) => {
    const deck = state.decks.get(id);
    return deck ? [deck] : [];
  });
  if (members.length <= 1) return { deck: own, members: [own], deckOf: () => own.id };
  const cached = families.get(own);
  if (cached && cached.members.length === members.length && cached.members.every((deck, i) => deck === members[i])) return cached.study;
  const owner = new Map<CardId, DeckId>();
  const cards: Card[] = [];
  for (const member of members) {
    for (const card of member.cards) {
      if (owner.has(card.id)) continue;
      owner.set(card.id, member.id);
      cards.push(card);
    }
  }
  const study: StudyDeck = { deck: { ...own, cards }, members, deckOf: (cardId) => owner.get(cardId) ?? own.id };
  families.set(own, { members, study });
  return study;
}

const sumDone = (inputs: readonly BuildQueueInput[]): DoneToday => ({
  newCards: inputs.reduce((sum, input) => sum + input.doneToday.newCards, 0),
  reviews: inputs.reduce((sum, input) => sum + input.doneToday.reviews, 0),
});

/** One queue input from each member's: their states and stored ids together, the day's counts summed, the family deck's settings. */
function mergeInputs(study: StudyDeck, settings: BuildQueueInput['settings'], inputs: readonly BuildQueueInput[]): BuildQueueInput {
  const states = new Map<CardId, NonNullable<ReturnType<BuildQueueInput['states']['get']>>>();
  let storedCardIds: Set<CardId> | undefined = new Set();
  let laterDueAt: number | null = null;
  inputs.forEach((input, index) => {
    const memberId = study.members[index]!.id;
    for (const [cardId, state] of input.states) if (study.deckOf(cardId) === memberId) states.set(cardId, state);
    if (input.storedCardIds === undefined || storedCardIds === undefined) storedCardIds = undefined;
    else for (const cardId of input.storedCardIds) if (study.deckOf(cardId) === memberId) storedCardIds.add(cardId);
    const later = input.laterDueAt ?? null;
    if (later !== null && (laterDueAt === null || later < laterDueAt)) laterDueAt = later;
  });
  const first = inputs[0]!;
  const merged: BuildQueueInput = { cardIds: study.deck.cards.map((card) => card.id), states, settings, doneToday: sumDone(inputs), now: first.now };
  return storedCardIds === undefined ? merged : { ...merged, storedCardIds, laterDueAt };
}

/**
 * The queue reads of a study deck: the deck's own (readQueueInput) when it has no subdecks,
 * otherwise every member's, merged. `prefetched` stands in for the deck's own due read.
 */
export function readStudyQueueInput(state: StudyState, study: StudyDeck, now: number, canReuse = false, prefetched: PrefetchedDueRows | null = null): QueueReads {
  if (study.members.length === 1) return readQueueInput(state, study.members[0]!, now, canReuse, prefetched);
  const parts = study.members.map((member, index) => readQueueInput(state, member, now, canReuse, index === 0 ? prefetched : null));
  const settings = settingsForDeck(state, study.deck.id);
  const due = Promise.all(parts.map((part) => part.due)).then((inputs) => mergeInputs(study, settings, inputs));
  const full = Promise.all(parts.map((part) => part.full)).then((inputs) => mergeInputs(study, settings, inputs));
  due.catch(() => undefined);
  full.catch(() => undefined);
  return { due, full };
}
