import { useId, useState } from 'react';
import type { Workload, WorkloadInput, WorkloadPoint } from '../../domain/planning/workload';
import { plural } from '../../domain/stats/format';
import { useWorkload } from './use-workload';

export interface WorkloadSimulatorProps {
  /** "this deck" or "all your decks", for the headings and the chart's description. */
  readonly scopeLabel: string;
  /** What to simulate, or null while the cards are still being read. */
  readonly input: WorkloadInput | null;
  /** Sets the scope's desired retention; resolves to an error message, or null once saved. */
  readonly onUseRetention: (retention: number) => Promise<string | null>;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
const round = (value: number) => Math.round(value).toLocaleString('en');
/** Minutes a day: whole minutes from 10 up, tenths below (a small deck's year is a few minutes a week). */
const minutes = (value: number) => (value >= 10 ? round(value) : value >= 0.05 ? value.toFixed(1) : value > 0 ? 'under 0.1' : '0');
/** "about 12 minutes", or "under 0.1 minutes" for a very small deck. */
const aboutMinutes = (value: number) => (value > 0 && value < 0.05 ? 'under 0.1 minutes' : `about ${minutes(value)} minutes`);
const PLOT_HEIGHT = 100;

/**
 * "Help me decide": what each desired retention from 70% to 97% costs a day over the next year and
 * how many cards it keeps remembered, from simulating the student's own cards in a worker. It runs
 * on request, not on every visit: it takes seconds of a core.
 */
export function WorkloadSimulator({ scopeLabel, input, onUseRetention }: WorkloadSimulatorProps) {
  const headingId = useId();
  const [requested, setRequested] = useState<WorkloadInput | null>(null);
  // Kept here: saving changes the settings, the cards are read again and the old result goes.
  const [saveMessage, setSaveMessage] = useState<string | null>(null);
  const use = async (retention: number) => {
    const error = await onUseRetention(retention);
    setSaveMessage(error ?? `Desired retention set to ${percent(retention)}. Simulate again to see the year at it.`);
  };
  // A request for older input (the cards were read again) is not shown as if it were current.
  const status = useWorkload(requested !== null && requested === input ? requested : null);

  return (
    <section className="workload" aria-labelledby={headingId}>
      <h2 id={headingId}>Help me decide: how much to remember</h2>
      <p className="plan-caption">
        A higher desired retention keeps more cards remembered and costs more reviews. This simulates a year of {scopeLabel} with your own memory
        model, daily limits and cards, for every retention from 70% to 97%.
      </p>
      <button type="button" className="button" disabled={input === null || status.kind === 'computing'} onClick={() => setRequested(input)}>
        {status.kind === 'done' ? 'Simulate again' : 'Simulate the next year'}
      </button>
      {status.kind === 'computing' ? (
        <p className="workload__progress">
          <label>
            Simulating… <progress max={status.total} value={status.done} />
          </label>
        </p>
      ) : null}
      {status.kind === 'error' ? <p role="alert" className="notice notice--error">The simulation could not run: {status.message}</p> : null}
      {saveMessage ? <p role="status">{saveMessage}</p> : null}
      {status.kind === 'done' ? <WorkloadResult workload={status.workload} scopeLabel={scopeLabel} onUse={(retention) => void use(retention)} /> : null}
    </section>
  );
}

function WorkloadResult({ workload, scopeLabel, onUse }: { readonly workload: Workload; readonly scopeLabel: string; readonly onUse: (retention: number) => void }) {
  const current = workload.points[workload.currentIndex];
  const best = workload.points[workload.bestIndex]!;
  const [shownIndex, setShownIndex] = useState(workload.currentIndex >= 0 ? workload.currentIndex : workload.bestIndex);
  const shown = workload.points[shownIndex] ?? best;
  const selectId = useId();

  return (
    <div className="workload__result">
      <p role="status">
        {current ? `At your ${percent(current.retention)}: ${aboutMinutes(current.minutesPerDay)} a day, ${round(current.rememberedAtEnd)} cards remembered in a year. ` : ''}
        Most cards remembered per minute of study: <strong>{percent(best.retention)}</strong> ({minutes(best.minutesPerDay)} minutes a day,{' '}
        {plural(Math.round(best.rememberedAtEnd), 'card')} remembered).
      </p>
      {current && best.retention !== current.retention ? (
        <p>
          <button type="button" className="button" onClick={() => onUse(best.retention)}>
            Use {percent(best.retention)} for {scopeLabel}
          </button>
        </p>
      ) : null}
      <RetentionChart workload={workload} scopeLabel={scopeLabel} />
      <table className="workload__table">
        <caption>A year of {scopeLabel} at each desired retention</caption>
        <thead>
          <tr>
            <th scope="col">Desired retention</th>
            <th scope="col">Minutes a day</th>
            <th scope="col">Answers in the year</th>
            <th scope="col">Remembered after a year</th>
            <th scope="col">Remembered per minute</th>
          </tr>
        </thead>
        <tbody>
          {workload.points.map((point, i) => (
            <tr key={point.retention} className={i === workload.currentIndex ? 'workload__row--current' : undefined}>
              <th scope="row">
                {percent(point.retention)}
                {i === workload.currentIndex ? ' (yours)' : ''}
                {i === workload.bestIndex ? ' (most per minute)' : ''}
              </th>
              <td>{minutes(point.minutesPerDay)}</td>
              <td>{round(point.dailyAnswers.reduce((sum, n) => sum + n, 0))}</td>
              <td>{round(point.rememberedAtEnd)}</td>
              <td>{point.rememberedPerMinute.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="workload__year">
        <label htmlFor={selectId}>Show the year at </label>
        <select id={selectId} value={shownIndex} onChange={(event) => setShownIndex(Number(event.target.value))}>
          {workload.points.map((point, i) => (
            <option key={point.retention} value={i}>
              {percent(point.retention)}
            </option>
          ))}
        </select>
      </p>
      <YearChart point={shown} />
    </div>
  );
}

/** Minutes a day (bars) and cards remembered after a year (dots) against the retention. */
function RetentionChart({ workload, scopeLabel }: { readonly workload: Workload; readonly scopeLabel: string }) {
  const step = 10;
  const maxMinutes = Math.max(1, ...workload.points.map((p) => p.minutesPerDay));
  const maxRemembered = Math.max(1, workload.cardCount);
  const first = workload.points[0];
  const last = workload.points.at(-1);
  const label =
    first && last
      ? `Study a day and cards remembered after a year for ${scopeLabel}: from ${minutes(first.minutesPerDay)} minutes and ${round(first.rememberedAtEnd)} cards at ${percent(first.retention)} to ${minutes(last.minutesPerDay)} minutes and ${round(last.rememberedAtEnd)} cards at ${percent(last.retention)}.`
      : 'No cards to simulate.';
  const y = (value: number, max: number) => PLOT_HEIGHT - (value / max) * (PLOT_HEIGHT - 4);
  return (
    <figure className="plan-figure">
      <svg className="plan-chart" role="img" aria-label={label} viewBox={`0 0 ${workload.points.length * step} ${PLOT_HEIGHT + 1}`} preserveAspectRatio="none">
        <line className="plan-chart__axis" x1={0} x2={workload.points.length * step} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} />
        {workload.points.map((point, i) => (
          <g key={point.retention}>
            <rect
              className={`plan-chart__bar${i === workload.currentIndex ? ' workload__bar--current' : ''}${i === workload.bestIndex ? ' workload__bar--best' : ''}`}
              x={i * step + 1}
              y={y(point.minutesPerDay, maxMinutes)}
              width={step - 2}
              height={PLOT_HEIGHT - y(point.minutesPerDay, maxMinutes)}
            >
              <title>{`${percent(point.retention)}: ${minutes(point.minutesPerDay)} min a day`}</title>
            </rect>
            <circle className="workload__dot" cx={i * step + step / 2} cy={y(point.rememberedAtEnd, maxRemembered)} r={1.5}>
              <title>{`${percent(point.retention)}: ${round(point.rememberedAtEnd)} cards remembered after a year`}</title>
            </circle>
          </g>
        ))}
      </svg>
      <div className="plan-chart__labels" aria-hidden="true">
        <span>{first ? percent(first.retention) : ''}</span>
        <span>Bars: minutes a day · dots: cards remembered</span>
        <span>{last ? percent(last.retention) : ''}</span>
      </div>
    </figure>
  );
}

/** One retention's year, four weeks a bar: minutes a day. */
function YearChart({ point }: { readonly point: WorkloadPoint }) {
  const step = 10;
  const max = Math.max(1, ...point.periods.map((p) => p.minutesPerDay));
  const busiest = point.periods.reduce((top, p) => Math.max(top, p.minutesPerDay), 0);
  const label = `The next year at ${percent(point.retention)}, four weeks a bar: ${minutes(point.periods[0]?.minutesPerDay ?? 0)} minutes a day at first, ${minutes(busiest)} at the busiest, ${minutes(point.periods.at(-1)?.minutesPerDay ?? 0)} at the end of the year.`;
  return (
    <figure className="plan-figure">
      <svg className="plan-chart" role="img" aria-label={label} viewBox={`0 0 ${point.periods.length * step} ${PLOT_HEIGHT + 1}`} preserveAspectRatio="none">
        <line className="plan-chart__axis" x1={0} x2={point.periods.length * step} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} />
        {point.periods.map((period, i) => {
          const height = Math.max(period.minutesPerDay > 0 ? 2 : 0, (period.minutesPerDay / max) * (PLOT_HEIGHT - 4));
          return (
            <rect key={i} className="plan-chart__bar" x={i * step + 1} y={PLOT_HEIGHT - height} width={step - 2} height={height}>
              <title>{`Weeks ${i * 4 + 1}–${i * 4 + Math.ceil(period.days / 7)}: ${minutes(period.minutesPerDay)} min a day, ${round(period.remembered)} cards remembered`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="plan-chart__labels" aria-hidden="true">
        <span>Now</span>
        <span>In a year</span>
      </div>
      <figcaption className="plan-caption">{label}</figcaption>
    </figure>
  );
}
