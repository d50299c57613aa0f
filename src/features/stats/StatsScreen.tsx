import { useEffect } from 'react';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { CardCountsChart } from './CardCountsChart';
import { DueForecastChart } from './DueForecastChart';
import { RetentionTable } from './RetentionTable';
import { ReviewHeatmap } from './ReviewHeatmap';
import { TodaySummary } from './TodaySummary';
import './stats.css';

export interface StatsScreenProps {
  /** One deck's statistics, or null for every deck together. */
  readonly deckId: DeckId | null;
  readonly title: string;
  readonly backHref: string;
  readonly backLabel: string;
}

/** Statistics for one deck or all decks: today, the year's heatmap, the forecast, retention and card counts. */
export function StatsScreen({ deckId, title, backHref, backLabel }: StatsScreenProps) {
  const loadStats = useStudyStore((s) => s.loadStats);
  const isHydrated = useStudyStore((s) => s.isHydrated);
  const decks = useStudyStore((s) => s.decks);
  const stats = useStudyStore((s) => (s.stats?.deckId === deckId ? s.stats : null));
  const statsError = useStudyStore((s) => s.statsError);

  // Recompute when the decks finish loading, so every card of every deck is counted.
  useEffect(() => {
    if (isHydrated) void loadStats(deckId);
  }, [isHydrated, decks, deckId, loadStats]);

  return (
    <section className="stats" aria-labelledby="stats-title">
      <p>
        <a href={backHref}>
          <span aria-hidden="true">←</span> {backLabel}
        </a>
      </p>
      <h1 id="stats-title">{title}</h1>
      {statsError ? <p role="alert" className="notice notice--error">{statsError}</p> : null}
      {stats === null ? (
        statsError ? null : <p role="status" className="loading">Loading statistics…</p>
      ) : (
        <>
          <section className="stats-section" aria-labelledby="stats-today">
            <h2 id="stats-today">Today</h2>
            <TodaySummary today={stats.report.today} />
          </section>
          <section className="stats-section" aria-labelledby="stats-heatmap">
            <h2 id="stats-heatmap">Reviews this year</h2>
            <ReviewHeatmap heatmap={stats.report.heatmap} />
          </section>
          <section className="stats-section" aria-labelledby="stats-forecast">
            <h2 id="stats-forecast">Due in the next 30 days</h2>
            <DueForecastChart forecast={stats.report.forecast} />
          </section>
          <section className="stats-section" aria-labelledby="stats-retention">
            <h2 id="stats-retention">True retention</h2>
            <p className="stats-note">Reviews of cards in long-term review not answered Again. Young cards have an interval under 21 days.</p>
            <RetentionTable periods={stats.report.retention} />
          </section>
          <section className="stats-section" aria-labelledby="stats-counts">
            <h2 id="stats-counts">Cards</h2>
            <CardCountsChart counts={stats.report.counts} />
          </section>
        </>
      )}
    </section>
  );
}
