import type { ReviewHeatmap as Heatmap } from '../../domain/stats/heatmap';
import { formatDay, formatMonth, plural } from '../../domain/stats/format';

export interface ReviewHeatmapProps {
  readonly heatmap: Heatmap;
}

const CELL = 10;
const STEP = 13;

/** Shade 0–4 for a day's review count, relative to the busiest day so one big day does not wash out the rest. */
function level(reviews: number, max: number): number {
  if (reviews === 0 || max === 0) return 0;
  return Math.min(4, Math.ceil((reviews / max) * 4));
}

/** One cell per day for the past year (weeks as columns, Sunday on top), with the streak in words. */
export function ReviewHeatmap({ heatmap }: ReviewHeatmapProps) {
  const { days, streakDays, totalReviews, activeDays } = heatmap;
  const firstWeekday = days[0]?.weekday ?? 0;
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  const max = days.reduce((m, d) => Math.max(m, d.reviews), 0);
  const today = days.at(-1);
  const summary =
    `Review heatmap for the past year: ${plural(totalReviews, 'review')} on ${plural(activeDays, 'day')}. ` +
    `Today: ${plural(today?.reviews ?? 0, 'review')}. Current streak: ${plural(streakDays, 'day')}.`;

  return (
    <figure className="stats-figure">
      {/* Scales to the screen width: on a phone a year is still one view, with smaller cells. */}
      <svg className="heatmap" role="img" aria-label={summary} viewBox={`0 0 ${weeks * STEP} ${7 * STEP}`}>
          {days.map((day, i) => {
            const slot = i + firstWeekday;
            const isToday = i === days.length - 1;
            return (
              <rect
                key={day.dayStart}
                x={Math.floor(slot / 7) * STEP}
                y={(slot % 7) * STEP}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heatmap__cell heatmap__cell--${level(day.reviews, max)}${isToday ? ' heatmap__cell--today' : ''}`}
                data-reviews={day.reviews}
                data-today={isToday || undefined}
              >
                <title>{`${formatDay(day.dayStart)}: ${plural(day.reviews, 'review')}`}</title>
              </rect>
            );
          })}
      </svg>
      <div className="chart-labels" aria-hidden="true">
        <span>{days[0] ? formatMonth(days[0].dayStart) : ''}</span>
        <span>Today</span>
      </div>
      <figcaption className="stats-caption">
        <strong>{plural(streakDays, 'day')}</strong> in a row · {plural(totalReviews, 'review')} on {plural(activeDays, 'day')} this year
        · today {plural(today?.reviews ?? 0, 'review')}
      </figcaption>
    </figure>
  );
}
