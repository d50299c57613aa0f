import type { ForecastDay } from '../../domain/stats/forecast';
import { formatDay, plural } from '../../domain/stats/format';

export interface DueForecastChartProps {
  readonly forecast: readonly ForecastDay[];
}

const BAR = 8;
const STEP = 10;
const PLOT_HEIGHT = 100;
const LABEL_SPACE = 16;

/** Cards due on each of the next 30 days, as bars; the text summary carries the same facts. */
export function DueForecastChart({ forecast }: DueForecastChartProps) {
  const max = forecast.reduce((m, d) => Math.max(m, d.due), 0);
  const total = forecast.reduce((sum, d) => sum + d.due, 0);
  const busiest = forecast.reduce<ForecastDay | undefined>((best, d) => (d.due > (best?.due ?? 0) ? d : best), undefined);
  const width = forecast.length * STEP;
  const summary =
    `Due forecast for the next ${forecast.length} days: ${plural(total, 'card')} in all. ` +
    `Today ${forecast[0]?.due ?? 0}, tomorrow ${forecast[1]?.due ?? 0}.` +
    (busiest ? ` Busiest day: ${formatDay(busiest.dayStart)} with ${plural(busiest.due, 'card')}.` : '');

  return (
    <figure className="stats-figure">
      <svg className="forecast" role="img" aria-label={summary} viewBox={`0 0 ${width} ${PLOT_HEIGHT + LABEL_SPACE}`} preserveAspectRatio="none">
        <line className="forecast__axis" x1={0} x2={width} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} />
        {forecast.map((day, i) => {
          const height = max === 0 ? 0 : Math.max(day.due > 0 ? 2 : 0, (day.due / max) * (PLOT_HEIGHT - 4));
          return (
            <rect key={day.dayStart} className="forecast__bar" x={i * STEP + 1} y={PLOT_HEIGHT - height} width={BAR} height={height}>
              <title>{`${formatDay(day.dayStart)}: ${plural(day.due, 'card')}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="chart-labels" aria-hidden="true">
        <span>Today</span>
        <span>In {forecast.length - 1} days</span>
      </div>
      <figcaption className="stats-caption">
        {plural(total, 'card')} due in the next {forecast.length} days; {forecast[1]?.due ?? 0} tomorrow
        {busiest ? `; busiest ${formatDay(busiest.dayStart)} (${busiest.due})` : ''}.
      </figcaption>
    </figure>
  );
}
