import { useEffect, useMemo, useState } from 'react';
import type { DeckId } from '../../domain/ids';
import type { ExamSettings } from '../../domain/planning/exam-form';
import type { ExamPlanInput } from '../../domain/planning/exam-plan';
import type { WorkloadInput } from '../../domain/planning/workload';
import { routeHash } from '../../domain/routes/routes';
import { overridesFor } from '../../domain/settings/deck-overrides';
import { deckFamily } from '../../domain/deck/deck-tree';
import { deckTreeOf, useStudyStore } from '../../store';
import { settingsForDeck } from '../../store/selectors';
import type { PlanningDeckCards } from '../../store/planning-slice';
import { BreakPlanner } from './BreakPlanner';
import { ExamForm } from './ExamForm';
import { InheritedExam } from './InheritedExam';
import { PlanSummary } from './PlanSummary';
import { useExamPlan } from './use-exam-plan';
import { WorkloadSimulator } from './WorkloadSimulator';
import './planning.css';

export interface PlanScreenProps {
  readonly deckId: DeckId;
}

/** Exam-date mode for one deck: its settings, what the student will probably remember, and the plan. */
export function PlanScreen({ deckId }: PlanScreenProps) {
  const title = useStudyStore((s) => s.deckEntries.find((e) => e.listing.id === deckId)?.listing.title ?? deckId);
  const global = useStudyStore((s) => s.settings);
  const overrides = useStudyStore((s) => s.deckOverrides.get(deckId));
  const settings = useStudyStore((s) => settingsForDeck(s, deckId));
  const deckEntries = useStudyStore((s) => s.deckEntries);
  const readPlanningCards = useStudyStore((s) => s.readPlanningCards);
  const saveDeckOverrides = useStudyStore((s) => s.saveDeckOverrides);
  const [cards, setCards] = useState<PlanningDeckCards | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    readPlanningCards(deckId).then(
      (read) => isCurrent && setCards(read),
      (error: unknown) => isCurrent && setReadError(`Could not read this deck's progress: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      isCurrent = false;
    };
  }, [deckId, readPlanningCards, settings]);

  // A subdeck without an exam of its own plans for its parent's (exam-inheritance.ts).
  const planSettings = cards?.settings ?? settings;
  const exam = cards?.exam ?? null;
  const subdeckCount = deckFamily(deckTreeOf({ deckEntries }), deckId).length - 1;
  const input = useMemo<ExamPlanInput | null>(
    () => (cards === null || planSettings.examAt === null ? null : { deckId, cards: cards.cards, settings: planSettings, now: cards.now }),
    [cards, deckId, planSettings],
  );
  const status = useExamPlan(input);
  const workloadInput = useMemo<WorkloadInput | null>(() => (cards === null ? null : { cards: cards.cards, settings, now: cards.now }), [cards, settings]);
  const save = (change: Partial<ExamSettings> & { newCardsPerDay?: number; desiredRetention?: number }) =>
    saveDeckOverrides(deckId, overridesFor(global, { ...overrides, ...change }));

  return (
    <section className="plan-screen" aria-labelledby="plan-screen-title">
      <p>
        <a href={routeHash({ name: 'deck', deckId })}>
          <span aria-hidden="true">←</span> Back to the deck
        </a>
      </p>
      <h1 id="plan-screen-title">Exam plan: {title}</h1>
      <p className="plan-screen__intro">
        Set the exam date and the scheduler keeps every card's predicted recall at your target on that day: no interval carries a card past the exam
        below it. After the exam the deck goes back to normal scheduling.
        {subdeckCount > 0 ? ` The exam and the plan cover this deck's cards and its ${subdeckCount === 1 ? 'subdeck' : `${subdeckCount} subdecks`}' too.` : ''}
      </p>
      {exam?.isInherited && !exam.isOver && planSettings.examAt !== null ? <InheritedExam sourceDeckId={exam.sourceDeckId} examAt={planSettings.examAt} /> : null}
      {cards === null ? (
        readError ? <p role="alert" className="notice notice--error">{readError}</p> : <p role="status" className="loading">Loading…</p>
      ) : (
        <ExamForm current={settings} now={cards.now} dayStartHour={settings.dayStartHour} onSave={save} />
      )}
      {status.kind === 'computing' ? <p role="status" className="loading">Planning…</p> : null}
      {status.kind === 'error' ? <p role="alert" className="notice notice--error">The plan could not be computed: {status.message}</p> : null}
      {status.kind === 'done' && status.plan !== null ? (
        <PlanSummary
          plan={status.plan}
          budgetMinutes={planSettings.examDailyMinutes}
          currentNewCardsPerDay={settings.newCardsPerDay}
          onUsePace={(newCardsPerDay) => void save({ newCardsPerDay })}
        />
      ) : null}
      {status.kind === 'done' && status.plan === null ? <p>The exam day has come: the deck is back on normal scheduling.</p> : null}
      <BreakPlanner deckId={deckId} settings={settings} />
      <WorkloadSimulator scopeLabel="this deck" input={workloadInput} onUseRetention={(desiredRetention) => save({ desiredRetention })} />
    </section>
  );
}
