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
      return status.pending > 0 ? `Syncing ${status.pending}…` : 'Syncing…';
    case 'offline':
      return status.waiting > 0 ? `Offline, ${status.waiting} waiting` : 'Offline';
    case 'error':
      return 'Sync problem';
    case 'other-tab':
      return 'Syncing in another tab';
  }
}

/** Shown only while this device syncs. */
export function SyncStatusBadge() {
  const status = useStudyStore((s) => s.syncStatus);
  if (status === null) return null;
  // The live region wraps the link: a link cannot itself be a status.
  return (
    <span role="status" className="sync-badge__live">
      <a className={`sync-badge sync-badge--${status.kind}`} href={routeHash({ name: 'settings' })} aria-label={`Sync: ${syncStatusText(status)}. Open sync settings.`}>
        {syncStatusText(status)}
      </a>
    </span>
  );
}
