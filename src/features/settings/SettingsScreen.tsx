import { useEffect, useState, type ReactNode } from 'react';
import type { CardState, ReviewLogEntry } from '../../domain/scheduling/types';
import { useStudyStore } from '../../store';
import { AppearanceSettings } from './AppearanceSettings';
import { OptimizePanel } from './OptimizePanel';
import { SchedulerSettings } from './SchedulerSettings';
import './settings.css';

interface ReviewData {
  readonly cardStates: readonly CardState[];
  readonly reviewLog: readonly ReviewLogEntry[];
}

export interface SettingsScreenProps {
  /** The workload simulator for all decks, from the planning feature (features do not import each other). */
  readonly workload?: ReactNode;
  /** The sync section, from the sync feature. */
  readonly sync?: ReactNode;
}

/** The settings screen: scheduling (all decks or one), appearance, personal FSRS parameters, and the sections app/ passes in. */
export function SettingsScreen({ workload = null, sync = null }: SettingsScreenProps) {
  const isHydrated = useStudyStore((s) => s.isHydrated);
  const readReviewData = useStudyStore((s) => s.readReviewData);
  const [data, setData] = useState<ReviewData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!isHydrated) return;
    let isCurrent = true;
    readReviewData().then(
      (loaded) => isCurrent && setData(loaded),
      (error: unknown) => isCurrent && setLoadError(`Your reviews could not be read, so the estimates are missing: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      isCurrent = false;
    };
  }, [isHydrated, readReviewData]);

  if (!isHydrated) return <p role="status" className="loading">Loading…</p>;
  return (
    <div className="settings">
      <h1>Settings</h1>
      {loadError && <p role="alert" className="notice notice--warning">{loadError}</p>}
      <SchedulerSettings states={data?.cardStates ?? null} />
      {workload}
      <AppearanceSettings />
      <OptimizePanel reviewLog={data?.reviewLog ?? null} />
      {sync}
    </div>
  );
}
