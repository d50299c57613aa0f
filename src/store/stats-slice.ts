import type { DeckId } from '../domain/ids';
import type { StatsReport } from '../domain/stats/stats-report';
import { forwardActions, lazyActions } from './lazy-actions';
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

export type StatsActions = Pick<StatsSlice, 'loadStats'>;

export const createStatsSlice: SliceCreator<StatsSlice> = (set, get, deps) => {
  // Loaded on first use, with the statistics code, so both stay out of the first visit.
  const actions = lazyActions(() => import('./stats-actions').then((m): StatsActions => m.statsActions(set, get, deps)));
  return {
    stats: null,
    statsError: null,
    ...forwardActions<StatsActions>(actions, { loadStats: true }),
  };
};
