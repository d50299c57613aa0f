import { useId, useState, type FormEvent } from 'react';
import { lastSeenText } from '../../domain/sync/devices';
import { useStudyStore } from '../../store';

/** Settings → Sync: this device's name (renamable) and every device of the space. */
export function SyncDevices() {
  const devices = useStudyStore((s) => s.syncDevices);
  const thisName = useStudyStore((s) => s.thisDeviceName);
  const renameThisDevice = useStudyStore((s) => s.renameThisDevice);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const [thisDevice, ...others] = devices;
  // "Last synced" is read when the screen opens; it need not tick.
  const [now] = useState(() => Date.now());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const error = await renameThisDevice(draft ?? thisName ?? '');
    setMessage(error);
    if (error === null) setDraft(null);
  }

  return (
    <div className="sync-devices">
      <form className="sync-devices__rename" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={inputId}>This device's name</label>
        <input id={inputId} type="text" maxLength={40} value={draft ?? thisName ?? ''} onChange={(event) => setDraft(event.target.value)} aria-describedby={message ? `${inputId}-error` : undefined} />
        <button type="submit" className="button">
          Rename
        </button>
        {message && (
          <p id={`${inputId}-error`} role="alert" className="notice notice--warning">
            {message}
          </p>
        )}
      </form>
      <h3>Devices in this space</h3>
      <ul className="sync-devices__list" aria-label="Devices in this space">
        {thisDevice && (
          <li>
            <strong>{thisDevice.name}</strong> (this device)
          </li>
        )}
        {others.map((device) => (
          <li key={device.deviceId}>
            <strong>{device.name}</strong>, last synced {lastSeenText(device.lastSeenAt, now)}
          </li>
        ))}
        {others.length === 0 && <li>No other device yet: link one to see it here.</li>}
      </ul>
    </div>
  );
}
