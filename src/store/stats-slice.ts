import type { DeckId } from '../domain/ids';
import type { CardState } from '../domain/scheduling/types';
import type { StatsReport } from '../domain/stats/stats-report';
import { messageOf } from '../domain/errors';
import type { SliceCreator } from './study-store';

/** A computed statistics report for one deck (deckId) or for every deck (null). */
export interface LoadedStats {
  readonly deckId: DeckId | null;
  readonly report: StatsReport;
  /** The `now` the report was computed for, epoch ms. */
  readonly computedAt: number;
}

export interface StatsSlice {
  readonly stats: LoadedStats | null;
  readonly statsError: string | null;
  /** Reads one year of the review log and the card states, then computes every figure at once. */
  loadStats(deckId: DeckId | null): Promise<void>;
}

export const createStatsSlice: SliceCreator<StatsSlice> = (set, get, deps) => {
  /** Bumped by every load, so a load that finishes after a newer one started is dropped. */
  let loadSeq = 0;
  return {
    stats: null,
    statsError: null,

    async loadStats(deckId) {
      const seq = ++loadSeq;
      const { repository, settings, decks } = get();
      if (!repository) return;
      const now = deps.clock();
      const scope = deckId === null ? [...decks.values()] : [decks.get(deckId)].filter((d) => d !== undefined);
      try {
        // Loaded on first use, so the statistics code stays out of the first-load bundle.
        const { buildStatsReport, statsWindowStart } = await import('../domain/stats/stats-report');
        const [log, stored] = await Promise.all([
          repository.reviewsBetween(deckId, statsWindowStart(now, settings.dayStartHour), now),
          deckId === null ? repository.loadAllStates() : repository.loadDeckStates(deckId),
        ]);
        const byCard = new Map<string, CardState>(stored.map((s) => [JSON.stringify([s.deckId, s.cardId]), s]));
        // One entry per card still in a deck: states of cards removed from their deck are not counted.
        const cardStates = scope.flatMap((deck) => deck.cards.map((card) => byCard.get(JSON.stringify([deck.id, card.id]))));
        const report = buildStatsReport({ log, cardStates, now, dayStartHour: settings.dayStartHour });
        // A deep link starts a load before the deck's cards are known and another once they are;
        // the first must not land last and show every card as missing.
        if (seq !== loadSeq) return;
        set({ stats: { deckId, report, computedAt: now }, statsError: null });
      } catch (error) {
        if (seq === loadSeq) set({ statsError: `Could not load your statistics: ${messageOf(error)}` });
      }
    },
  };
};
