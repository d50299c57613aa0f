import { useId, useState, type FormEvent } from 'react';
import type { DeckId } from '../../domain/ids';
import { calendarDateAt } from '../../domain/planning/exam-form';
import { planBreak, type BreakPlan } from '../../domain/planning/break-plan';
import type { StudySettings } from '../../domain/settings/study-settings';
import { formatDay, plural } from '../../domain/stats/format';
import { useStudyStore } from '../../store';

export interface BreakPlannerProps {
  readonly deckId: DeckId;
  readonly settings: StudySettings;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

const PROBLEMS = {
  'already-started': 'The break must start after today.',
  'ends-before-it-starts': 'The day you are back must be after the first day away.',
} as const;

/**
 * "Plan a break": the days the student will be away, what happens to the reviews due then (a few
 * brought forward, the rest spread over the days after), the cost in recall, and a button that
 * applies it. The plan is computed here at once: it is one pass over the deck's states.
 */
export function BreakPlanner({ deckId, settings }: BreakPlannerProps) {
  const readStoredStates = useStudyStore((s) => s.readStoredStates);
  const applyBreakPlan = useStudyStore((s) => s.applyBreakPlan);
  const headingId = useId();
  const fromId = useId();
  const backId = useId();
  const [from, setFrom] = useState('');
  const [back, setBack] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<BreakPlan | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const awayFrom = calendarDateAt(from, settings.dayStartHour);
    const backOn = calendarDateAt(back, settings.dayStartHour);
    if (awayFrom === null || backOn === null) {
      setPlan(null);
      setError('Give both dates, such as 2027-01-31.');
      return;
    }
    setIsBusy(true);
    try {
      const { cards, now } = await readStoredStates(deckId);
      const result = planBreak({ cards, awayFrom, backOn, now, settings });
      setError(typeof result === 'string' ? PROBLEMS[result] : null);
      setPlan(typeof result === 'string' ? null : result);
    } catch (caught) {
      setError(`Could not read this deck's progress: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setIsBusy(false);
    }
  }

  async function apply(current: BreakPlan) {
    setIsBusy(true);
    const failure = await applyBreakPlan(deckId, current.moves);
    setIsBusy(false);
    if (failure) {
      setStatus(failure);
      return;
    }
    setPlan(null);
    setStatus(`Break planned: ${plural(current.moves.length, 'review')} moved. Enjoy the time away.`);
  }

  return (
    <section className="break-planner" aria-labelledby={headingId}>
      <h2 id={headingId}>Plan a break</h2>
      <p className="plan-caption">
        Away for a few days? Reviews due while you are gone are brought forward when they can be a little early, and the rest are spread over the days
        after you are back, so the first day back is not a pile.
      </p>
      <form className="exam-form" noValidate onSubmit={(event) => void preview(event)}>
        <div className="exam-form__field">
          <label htmlFor={fromId}>First day away</label>
          <input id={fromId} type="date" value={from} onChange={(event) => setFrom(event.target.value)} aria-invalid={error !== null && plan === null} />
        </div>
        <div className="exam-form__field">
          <label htmlFor={backId}>First day back</label>
          <input id={backId} type="date" value={back} onChange={(event) => setBack(event.target.value)} aria-invalid={error !== null && plan === null} />
        </div>
        {error ? <p className="exam-form__error" role="alert">{error}</p> : null}
        <button type="submit" className="button" disabled={isBusy}>
          Plan the break
        </button>
      </form>
      {status ? <p role="status">{status}</p> : null}
      {plan ? <BreakSummary plan={plan} isBusy={isBusy} onApply={() => void apply(plan)} /> : null}
    </section>
  );
}

function BreakSummary({ plan, isBusy, onApply }: { readonly plan: BreakPlan; readonly isBusy: boolean; readonly onApply: () => void }) {
  const nothing = plan.moves.length === 0;
  return (
    <div className="break-summary">
      <p role="status">
        {nothing
          ? `Nothing in this deck falls due during the ${plural(plan.awayDays, 'day')} away.`
          : `${plural(plan.broughtForward, 'review')} brought forward to the days before you leave; ${plural(plan.waiting, 'review')} spread over ${plural(plan.spreadDays, 'day')} after you are back.`}
        {plan.waitingRecall !== null
          ? ` The cost: those waiting are expected at about ${percent(plan.waitingRecall)} recall when you review them, instead of ${percent(plan.targetRecall)}.`
          : ''}
      </p>
      <table className="workload__table">
        <caption>Reviews due each day, now and with the plan</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Due now</th>
            <th scope="col">With the plan</th>
          </tr>
        </thead>
        <tbody>
          {plan.forecast.map((day) => (
            <tr key={day.dayStartAt}>
              <th scope="row">
                {formatDay(day.dayStartAt)}
                {day.isAway ? ' (away)' : ''}
              </th>
              <td>{day.before}</td>
              <td>{day.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nothing ? null : (
        <button type="button" className="button button--primary" disabled={isBusy} onClick={onApply}>
          Apply the plan
        </button>
      )}
    </div>
  );
}
