import { useState } from 'react';
import type { ProgressSnapshot, RestoreSummary } from '../../domain/backup/restore-plan';
import { useStudyStore } from '../../store';
import { ImportFailure } from '../../components/ImportProblems';

interface Pending {
  readonly snapshot: ProgressSnapshot;
  readonly exportedAt: number;
  readonly summary: RestoreSummary;
}

/** What a restore will do (or did), in words. */
function describeSummary(s: RestoreSummary): string[] {
  return [
    `${s.decksAdded} deck(s) added, ${s.decksUpdated} updated, ${s.decksKept} kept as they are here (newer here)${s.imagesRestored > 0 ? `, with ${s.imagesRestored} image(s)` : ''}`,
    `${s.reviewsAdded} review(s) added, ${s.reviewsAlreadyPresent} already here`,
    `${s.cardStatesWritten} card(s) take the backup's schedule, ${s.cardStatesKept} keep this browser's (reviewed more recently here)`,
    s.isSettingsChanged ? "settings replaced by the backup's" : 'settings unchanged',
  ];
}

/** Choose a backup, see exactly what it changes, then restore it in one step. */
export function RestoreSection() {
  const readBackupFile = useStudyStore((s) => s.readBackupFile);
  const previewRestore = useStudyStore((s) => s.previewRestore);
  const restoreBackup = useStudyStore((s) => s.restoreBackup);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<RestoreSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** Rows written so far and in all, while a restore is writing. */
  const [progress, setProgress] = useState<{ readonly written: number; readonly total: number } | null>(null);

  async function choose(file: File | undefined) {
    setPending(null);
    setDone(null);
    setError(null);
    if (!file) return;
    try {
      const { snapshot, exportedAt } = await readBackupFile(file, file.name);
      setPending({ snapshot, exportedAt, summary: await previewRestore(snapshot) });
    } catch (caught) {
      setError(caught);
    }
  }

  async function restore() {
    if (!pending) return;
    setIsBusy(true);
    try {
      setDone(await restoreBackup(pending.snapshot, (written, total) => setProgress({ written, total })));
      setPending(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
      setProgress(null);
    }
  }

  return (
    <>
      <h2>Restore</h2>
      <p>
        Restoring merges the backup into what is here and never deletes anything: every review from both is kept, each card takes the schedule it
        was last reviewed with, and a deck in both keeps the copy changed last. Into an empty browser it simply restores everything.
      </p>
      <label className="file-field">
        Backup file
        <input type="file" accept=".json,application/json" onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      {error ? <ImportFailure error={error} outcome="Nothing was restored" /> : null}
      {pending ? (
        <div className="notice">
          <p>
            Backup from {pending.exportedAt > 0 ? new Date(pending.exportedAt).toLocaleString() : 'an unknown date'}: {pending.snapshot.decks.length} deck(s),{' '}
            {pending.snapshot.reviewLog.length} review(s). Restoring will change:
          </p>
          <ul data-testid="restore-preview">
            {describeSummary(pending.summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="button button--primary" onClick={() => void restore()} disabled={isBusy}>
            Restore this backup
          </button>
          {progress ? (
            <p className="restore-progress">
              <progress max={Math.max(1, progress.total)} value={progress.written} aria-label="Restore progress" />
              Writing {progress.written.toLocaleString()} of {progress.total.toLocaleString()} records. Nothing changes until the last one is
              written.
            </p>
          ) : null}
        </div>
      ) : null}
      {done ? (
        <p role="status" className="notice">
          Restored: {describeSummary(done).join('; ')}.
        </p>
      ) : null}
    </>
  );
}
