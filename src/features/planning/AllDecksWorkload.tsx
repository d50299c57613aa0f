import { useEffect, useMemo, useState } from 'react';
import type { WorkloadInput } from '../../domain/planning/workload';
import { useStudyStore } from '../../store';
import type { PlanningCards } from '../../store/planning-slice';
import { WorkloadSimulator } from './WorkloadSimulator';
import './planning.css';

/** The workload simulator over every deck's cards, at the settings for all decks. */
export function AllDecksWorkload() {
  const settings = useStudyStore((s) => s.settings);
  const deckCount = useStudyStore((s) => s.decks.size);
  const readAllPlanningCards = useStudyStore((s) => s.readAllPlanningCards);
  const saveStudySettings = useStudyStore((s) => s.saveStudySettings);
  const [cards, setCards] = useState<PlanningCards | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    readAllPlanningCards().then(
      (read) => isCurrent && setCards(read),
      (error: unknown) => isCurrent && setReadError(`Could not read your progress: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      isCurrent = false;
    };
  }, [readAllPlanningCards, deckCount, settings]);

  const input = useMemo<WorkloadInput | null>(() => (cards === null ? null : { cards: cards.cards, settings, now: cards.now }), [cards, settings]);
  return (
    <>
      {readError ? <p role="alert" className="notice notice--error">{readError}</p> : null}
      <WorkloadSimulator scopeLabel="all your decks" input={input} onUseRetention={(desiredRetention) => saveStudySettings({ ...settings, desiredRetention })} />
    </>
  );
}
