/**
 * Gathers what an export to Anki needs (see LibrarySlice.readAnkiExport); loaded on first use.
 * It imports nothing the first screen loads, so loading it on demand moves no shared code out of
 * the first visit's scripts.
 */
import type { Deck } from '../domain/deck/types';
import { ankiDeckPaths, type AnkiExportSource } from '../domain/export/anki-package';
import type { StoreDeps, StudyState } from './study-store';

/** `members`: the exported deck first, then its subdecks (studyDeckOf). */
export async function readAnkiExport(state: StudyState, deps: StoreDeps, members: readonly Deck[]): Promise<AnkiExportSource> {
  const progress = state.repository;
  const root = members[0];
  if (!progress || root === undefined) throw new Error('Storage is not open yet.');
  // The exported deck is the top of its Anki tree, whatever its parent here.
  const paths = ankiDeckPaths(members.map((deck, index) => (index === 0 ? { id: deck.id, title: deck.title } : deck)));
  const [states, reviews, media] = await Promise.all([
    Promise.all(members.map((deck) => progress.loadDeckStates(deck.id))),
    Promise.all(members.map((deck) => progress.reviewsSince(deck.id, 0))),
    // A bundled deck has no stored images: its list is empty.
    state.loadDeckMedia(root.id),
  ]);
  return {
    decks: members.map((deck) => ({ id: deck.id, path: paths.get(deck.id) ?? [deck.title], cards: deck.cards })),
    states: states.flat(),
    reviews: reviews.flat(),
    media: media.map(({ name, bytes }) => ({ name, bytes })),
    nowMs: deps.clock(),
  };
}
