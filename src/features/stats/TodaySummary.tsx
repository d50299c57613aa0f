import { formatDuration } from '../../domain/stats/format';
import type { TodayStats } from '../../domain/stats/today';

export interface TodaySummaryProps {
  readonly today: TodayStats;
}

/** Today's reviews, the time they took and the average per card. */
export function TodaySummary({ today }: TodaySummaryProps) {
  return (
    <dl className="today-list">
      <div className="today-list__item">
        <dt>Reviews</dt>
        <dd>{today.reviews}</dd>
      </div>
      <div className="today-list__item">
        <dt>Time spent</dt>
        <dd>{formatDuration(today.studyMs)}</dd>
      </div>
      <div className="today-list__item">
        <dt>Average per card</dt>
        <dd>{today.averageSeconds === null ? '—' : `${today.averageSeconds.toFixed(1)} s`}</dd>
      </div>
    </dl>
  );
}
