import { routeHash } from '../../domain/routes/routes';
import { useStudyStore, type SyncStatus } from '../../store';
import './sync.css';

/** The header's sync status; text a student can act on, linking to Settings → Sync. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting to sync…';
    case 'synced':
      return 'Synced';
    case 'syncing':
      if (status.progress !== undefined && status.progress.known > 0) return `Syncing ${count(status.progress.merged)} of ${count(status.progress.known)}…`;
      return status.pending > 0 ? `Syncing ${status.pending}…` : 'Syncing…';
    case 'offline':
      return status.waiting > 0 ? `Offline, ${status.waiting} waiting` : 'Offline';
    case 'error':
      return 'Sync problem';
    case 'other-tab':
      return 'Syncing in another tab';
  }
}

const count = (value: number): string => value.toLocaleString('en');

/** While a first sync or a long catch-up merges: a bar of changes merged of those known, or nothing. */
export function SyncProgress({ status, className }: { readonly status: SyncStatus | null; readonly className?: string }) {
  if (status?.kind !== 'syncing' || status.progress === undefined || status.progress.known === 0) return null;
  const { merged, known } = status.progress;
  return <progress className={`sync-progress ${className ?? ''}`} value={Math.min(merged, known)} max={known} aria-label={`Sync progress: ${count(merged)} of ${count(known)} changes merged`} />;
}

/** Shown only while this device syncs. */
export function SyncStatusBadge() {
  const status = useStudyStore((s) => s.syncStatus);
  if (status === null) return null;
  // The live region wraps the link: a link cannot itself be a status.
  // The bar stays out of the live region, so only the text is announced.
  return (
    <>
      <span role="status" className="sync-badge__live">
        <a className={`sync-badge sync-badge--${status.kind}`} href={routeHash({ name: 'settings' })} aria-label={`Sync: ${syncStatusText(status)}. Open sync settings.`}>
          {syncStatusText(status)}
        </a>
      </span>
      <SyncProgress status={status} className="sync-progress--header" />
    </>
  );
}
