import { useRef, useState } from 'react';
import type { BackupPreview, BackupProgress, RestoreSummary } from '../../domain/backup/restore-plan';
import { useStudyStore } from '../../store';
import { ImportFailure } from '../../components/ImportProblems';

interface Pending {
  readonly file: File;
  readonly preview: BackupPreview;
}

/** What a restore will do (or did), in words. */
function describeSummary(s: RestoreSummary): string[] {
  return [
    `${s.decksAdded} deck(s) added, ${s.decksUpdated} updated, ${s.decksKept} kept as they are here (newer here)${s.imagesRestored > 0 ? `, with ${s.imagesRestored} image(s)` : ''}`,
    `${s.reviewsAdded} review(s) added, ${s.reviewsAlreadyPresent} already here`,
    `${s.cardStatesWritten} card(s) get progress from the backup and are rescheduled from both logs together, ${s.cardStatesKept} already have all of it`,
    s.isSettingsChanged ? 'settings changes added (the latest change of each setting wins)' : 'settings unchanged',
  ];
}

/** How far a backup has been read, while it is checked (before the preview) or restored. */
function RestoreProgress({ progress }: { readonly progress: BackupProgress }) {
  const percent = Math.floor((100 * progress.bytesRead) / Math.max(1, progress.bytesTotal));
  return (
    <p className="restore-progress">
      <progress max={Math.max(1, progress.bytesTotal)} value={progress.bytesRead} aria-label={progress.phase === 'checking' ? 'Checking progress' : 'Restore progress'} />
      {progress.phase === 'checking'
        ? `Checking the backup: ${percent}% read. Nothing is written yet.`
        : `Restoring: ${percent}% written. Nothing changes until all of it is written.`}
    </p>
  );
}

/** Choose a backup, see exactly what it changes, then restore it in one step. */
export function RestoreSection() {
  const previewBackupFile = useStudyStore((s) => s.previewBackupFile);
  const restoreBackupFile = useStudyStore((s) => s.restoreBackupFile);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<RestoreSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** How far the file has been read, while it is checked or restored. */
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  /** Counts choices, so a check still running for an earlier file cannot overwrite the latest one's outcome. */
  const choice = useRef(0);

  async function choose(file: File | undefined) {
    setPending(null);
    setDone(null);
    setError(null);
    const current = (choice.current += 1);
    const isLatest = () => choice.current === current;
    if (!file) return;
    try {
      const preview = await previewBackupFile(file, file.name, (p) => isLatest() && setProgress(p));
      if (isLatest()) setPending({ file, preview });
    } catch (caught) {
      if (isLatest()) setError(caught);
    } finally {
      if (isLatest()) setProgress(null);
    }
  }

  async function restore() {
    if (!pending) return;
    setIsBusy(true);
    try {
      setDone(await restoreBackupFile(pending.file, pending.file.name, setProgress));
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
        Restoring merges the backup into what is here and never deletes anything: the progress of both is kept, each card is rescheduled from
        everything both hold (so an undo, reset or unsuspend made here since the backup still counts), and a deck in both keeps the copy changed
        last. Into an empty browser it simply restores everything.
      </p>
      <label className="file-field">
        Backup file
        <input type="file" accept=".json,application/json" onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      {error ? <ImportFailure error={error} outcome="Nothing was restored" /> : null}
      {progress?.phase === 'checking' ? <RestoreProgress progress={progress} /> : null}
      {pending ? (
        <div className="notice">
          <p>
            Backup from {pending.preview.exportedAt > 0 ? new Date(pending.preview.exportedAt).toLocaleString() : 'an unknown date'}: {pending.preview.deckCount}{' '}
            deck(s), {pending.preview.reviewCount} review(s). Restoring will change:
          </p>
          <ul data-testid="restore-preview">
            {describeSummary(pending.preview.summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="button button--primary" onClick={() => void restore()} disabled={isBusy}>
            Restore this backup
          </button>
          {progress?.phase === 'writing' ? <RestoreProgress progress={progress} /> : null}
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
