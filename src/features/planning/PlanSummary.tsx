import type { ExamPlan } from '../../domain/planning/exam-plan';
import { plural } from '../../domain/stats/format';
import { PlanChart } from './PlanChart';

export interface PlanSummaryProps {
  readonly plan: ExamPlan;
  readonly budgetMinutes: number | null;
  readonly currentNewCardsPerDay: number;
  readonly onUsePace: (newCardsPerDay: number) => void;
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** The predictions and the day-by-day plan for one deck's exam. */
export function PlanSummary({ plan, budgetMinutes, currentNewCardsPerDay, onUsePace }: PlanSummaryProps) {
  return (
    <section className="plan-summary" aria-labelledby="plan-title">
      <h2 id="plan-title">Your plan</h2>
      <dl className="plan-summary__figures">
        <div>
          <dt>Predicted recall on exam day if you stop now</dt>
          <dd data-testid="recall-if-stopped">{percent(plan.recallIfStopped)}</dd>
        </div>
        <div>
          <dt>Predicted recall if you follow the plan</dt>
          <dd data-testid="recall-with-plan">{percent(plan.recallWithPlan)}</dd>
        </div>
      </dl>
      {plan.isTargetReached ? (
        <p>The plan reaches your target of {percent(plan.targetRecall)}.</p>
      ) : (
        <p className="notice notice--warning">
          The target of {percent(plan.targetRecall)} is out of reach
          {plan.isBudgetLimited && budgetMinutes !== null ? ` in ${budgetMinutes} minutes a day` : ''}: the best the plan reaches is {percent(plan.recallWithPlan)}
          {plan.newLeftAtExam >= 0.5 ? `, with about ${plural(Math.round(plan.newLeftAtExam), 'card')} still unseen on exam day` : ''}.
        </p>
      )}
      <p>
        {plural(plan.studyDaysLeft, 'study day')} left. Introduce {plural(plan.newCardsPerDay, 'new card')} a day
        {plan.newCardsPerDay > currentNewCardsPerDay ? `; the deck now allows ${currentNewCardsPerDay}.` : '.'}
        {plan.newCardsPerDay > currentNewCardsPerDay ? (
          <>
            {' '}
            <button type="button" className="button" onClick={() => onUsePace(plan.newCardsPerDay)}>
              Use {plan.newCardsPerDay} new cards a day
            </button>
          </>
        ) : null}
      </p>
      <PlanChart days={plan.days} budgetMinutes={budgetMinutes} />
    </section>
  );
}
