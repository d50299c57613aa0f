import { useState } from 'react';
import { reviewLogToCsv } from '../../domain/export/deck-export';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';
import { dateStamp, downloadText } from '../../components/download';
import { ImportFailure } from '../../components/ImportProblems';
import { RestoreSection } from './RestoreSection';
import './backup.css';

/** #/backup: download everything, download the review log for FSRS, and restore. */
export function BackupScreen() {
  const exportBackupText = useStudyStore((s) => s.exportBackupText);
  const readSnapshot = useStudyStore((s) => s.readSnapshot);
  const [error, setError] = useState<unknown>(null);

  async function run(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
  }

  const backup = () => run(async () => downloadText(`flipdeck-backup-${dateStamp()}.json`, await exportBackupText(), 'application/json'));
  const reviewLog = () =>
    run(async () => downloadText(`flipdeck-review-log-${dateStamp()}.csv`, reviewLogToCsv((await readSnapshot()).reviewLog), 'text/csv'));

  return (
    <section className="import-screen" aria-labelledby="backup-title">
      <p>
        <a href={routeHash({ name: 'decks' })}>
          <span aria-hidden="true">←</span> All decks
        </a>
      </p>
      <h1 id="backup-title">Backup and restore</h1>
      <h2>Back up</h2>
      <p>One file with your own decks, the progress of every card, your whole review history and your settings. Bundled decks are part of the app and are not copied.</p>
      <div className="action-row">
        <button type="button" className="button button--primary" onClick={() => void backup()}>
          Download backup
        </button>
        <button type="button" className="button" onClick={() => void reviewLog()}>
          Download review log (CSV for the FSRS optimizer)
        </button>
      </div>
      {error ? <ImportFailure error={error} outcome="Nothing was downloaded" /> : null}
      <RestoreSection />
    </section>
  );
}
