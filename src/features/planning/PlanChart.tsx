import type { DayLoad } from '../../domain/planning/simulate-study';
import { formatDay } from '../../domain/stats/format';

export interface PlanChartProps {
  readonly days: readonly DayLoad[];
  /** The daily budget in minutes, drawn as a line; null when there is none. */
  readonly budgetMinutes: number | null;
}

const STEP = 10;
const BAR = 8;
const PLOT_HEIGHT = 100;

const describeDay = (day: DayLoad) =>
  `${formatDay(day.dayStartAt)}: ${Math.round(day.newCards)} new, ${Math.round(day.answers)} answers, ${Math.round(day.minutes)} min`;

/** Expected minutes of study on each day until the exam, as bars; the caption says the same in words. */
export function PlanChart({ days, budgetMinutes }: PlanChartProps) {
  const max = Math.max(budgetMinutes ?? 0, ...days.map((day) => day.minutes), 1);
  const width = Math.max(1, days.length) * STEP;
  const total = days.reduce((sum, day) => sum + day.minutes, 0);
  const busiest = days.reduce<DayLoad | undefined>((best, day) => (day.minutes > (best?.minutes ?? -1) ? day : best), undefined);
  const summary =
    `Planned study for the ${days.length} days before the exam: about ${Math.round(total)} minutes in all.` +
    (busiest ? ` Busiest day ${describeDay(busiest)}.` : '') +
    (budgetMinutes === null ? '' : ` Budget ${budgetMinutes} min a day.`);
  const budgetY = budgetMinutes === null ? null : PLOT_HEIGHT - (budgetMinutes / max) * (PLOT_HEIGHT - 4);

  return (
    <figure className="plan-figure">
      <svg className="plan-chart" role="img" aria-label={summary} viewBox={`0 0 ${width} ${PLOT_HEIGHT + 1}`} preserveAspectRatio="none">
        <line className="plan-chart__axis" x1={0} x2={width} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} />
        {days.map((day, i) => {
          const height = Math.max(day.minutes > 0 ? 2 : 0, (day.minutes / max) * (PLOT_HEIGHT - 4));
          return (
            <rect key={day.dayStartAt} className="plan-chart__bar" x={i * STEP + 1} y={PLOT_HEIGHT - height} width={BAR} height={height}>
              <title>{describeDay(day)}</title>
            </rect>
          );
        })}
        {budgetY === null ? null : <line className="plan-chart__budget" x1={0} x2={width} y1={budgetY} y2={budgetY} />}
      </svg>
      <div className="plan-chart__labels" aria-hidden="true">
        <span>Today</span>
        <span>Exam eve</span>
      </div>
      <figcaption className="plan-caption">{summary}</figcaption>
    </figure>
  );
}
