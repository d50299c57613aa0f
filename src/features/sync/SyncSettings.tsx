import { useState } from 'react';
import { useStudyStore } from '../../store';
import { LinkDevice } from './LinkDevice';
import { SyncDevices } from './SyncDevices';
import { SyncProgress, syncStatusText } from './SyncStatusBadge';
import './sync.css';

/** Settings → Sync: turn it on, link another device, stop, or move to a new space. */
export function SyncSettings() {
  const isAvailable = useStudyStore((s) => s.isSyncAvailable);
  const space = useStudyStore((s) => s.syncSpace);
  const status = useStudyStore((s) => s.syncStatus);
  const syncError = useStudyStore((s) => s.syncError);
  const turnOnSync = useStudyStore((s) => s.turnOnSync);
  const stopSync = useStudyStore((s) => s.stopSync);
  const startNewSpace = useStudyStore((s) => s.startNewSpace);
  const [isLinkShown, setLinkShown] = useState(false);
  if (!isAvailable) return null;

  return (
    <section className="settings-section sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      {syncError && <p role="alert" className="notice notice--warning">{syncError}</p>}
      {space === null ? (
        <>
          <p>Keep your progress in step on your phone and your laptop. Everything is encrypted on this device before it leaves; the sync server cannot read your cards or reviews.</p>
          <button type="button" className="button button--primary" onClick={() => void turnOnSync()}>
            Turn on sync
          </button>
        </>
      ) : (
        <>
          <p>
            This device syncs in space <code>{space.spaceId.slice(0, 8)}</code>. Status: <strong>{status ? syncStatusText(status) : 'Stopped'}</strong>
            {status?.kind === 'synced' ? `, last synced ${new Date(status.lastSyncedAt).toLocaleTimeString()}` : ''}.
          </p>
          <SyncProgress status={status} />
          {status?.kind === 'error' && <p role="alert" className="notice notice--warning">{status.message}</p>}
          <SyncDevices />
          {isLinkShown ? (
            <LinkDevice space={space} onHide={() => setLinkShown(false)} />
          ) : (
            <button type="button" className="button button--primary" onClick={() => setLinkShown(true)}>
              Link another device
            </button>
          )}
          <div className="sync-settings__actions">
            <button type="button" className="button" onClick={() => void stopSync()}>
              Stop syncing on this device
            </button>
            <button type="button" className="button" onClick={() => void startNewSpace()}>
              Start a new space
            </button>
          </div>
          <p className="sync-settings__hint">Stopping keeps everything on this device. A new space gets a new secret: link your other devices again.</p>
        </>
      )}
    </section>
  );
}
