/**
 * Everything the statistics screen shows, computed in one pass from the review log and the card
 * states. The caller loads the log from `statsWindowStart` on; every figure is pure in `now`.
 */
import type { CardState, ReviewLogEntry } from '../scheduling/types';
import { cardCounts, type CardCounts } from './card-counts';
import { recentStudyDayStarts } from './days';
import { dueForecast, type ForecastDay } from './forecast';
import { HEATMAP_DAYS, reviewHeatmap, type ReviewHeatmap } from './heatmap';
import { RETENTION_PERIOD_DAYS, trueRetention, type RetentionPeriod } from './retention';
import { todayStats, type TodayStats } from './today';

export interface StatsInput {
  /** Reviews since statsWindowStart (earlier ones are ignored by every figure). */
  readonly log: readonly ReviewLogEntry[];
  /** One entry per card in the deck(s): its stored state, or undefined for a card never studied. */
  readonly cardStates: readonly (CardState | undefined)[];
  readonly now: number;
  readonly dayStartHour: number;
}

export interface StatsReport {
  readonly heatmap: ReviewHeatmap;
  readonly forecast: readonly ForecastDay[];
  readonly retention: readonly RetentionPeriod[];
  readonly counts: CardCounts;
  readonly today: TodayStats;
}

/** The earliest review any figure needs: the start of the oldest heatmap or retention day. */
export function statsWindowStart(now: number, dayStartHour: number): number {
  const days = Math.max(HEATMAP_DAYS, ...RETENTION_PERIOD_DAYS);
  return recentStudyDayStarts(now, dayStartHour, days)[0] ?? now;
}

/** Computes every statistic for one deck or for all decks together. */
export function buildStatsReport({ log, cardStates, now, dayStartHour }: StatsInput): StatsReport {
  const studied = cardStates.filter((s): s is CardState => s !== undefined);
  return {
    heatmap: reviewHeatmap(log, now, dayStartHour),
    forecast: dueForecast(studied, now, dayStartHour),
    retention: trueRetention(log, now, dayStartHour),
    counts: cardCounts(cardStates),
    today: todayStats(log, now, dayStartHour),
  };
}
