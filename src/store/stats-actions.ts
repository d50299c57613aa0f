/**
 * The statistics action, loaded with the statistics screen: the deck list never runs it.
 * stats-slice.ts forwards to it.
 */
import type { CardState } from '../domain/scheduling/types';
import { buildStatsReport, statsWindowStart } from '../domain/stats/stats-report';
import { messageOf } from '../domain/errors';
import type { StatsActions } from './stats-slice';
import type { StoreDeps, StudyState, StudyStore } from './study-store';

export function statsActions(set: StudyStore['setState'], get: () => StudyState, deps: StoreDeps): StatsActions {
  /** Bumped by every load, so a load that finishes after a newer one started is dropped. */
  let loadSeq = 0;
  return {
    async loadStats(deckId) {
      const seq = ++loadSeq;
      const { repository, settings, decks } = get();
      if (!repository) return;
      const now = deps.clock();
      const scope = deckId === null ? [...decks.values()] : [decks.get(deckId)].filter((d) => d !== undefined);
      try {
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
}
