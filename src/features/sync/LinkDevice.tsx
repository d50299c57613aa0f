import { useId, useMemo } from 'react';
import { syncLinkHash, type SyncSpace } from '../../domain/sync';
import { syncQr } from './sync-qr';

/** The link (and QR code) that joins another device to this space. */
export function LinkDevice({ space, onHide }: { readonly space: SyncSpace; readonly onHide: () => void }) {
  const link = useMemo(() => new URL(syncLinkHash(space), window.location.href).href, [space]);
  const qr = useMemo(() => syncQr(link), [link]);
  const fieldId = useId();
  return (
    <section className="sync-link" aria-label="Link another device">
      <p>Open this link on your other device, or scan the code with its camera. Anyone with the link can read and add to your progress: share it only with yourself.</p>
      {qr ? (
        <svg className="sync-link__qr" role="img" aria-label="QR code of the link that joins this sync space" viewBox={`0 0 ${qr.sizeModules} ${qr.sizeModules}`} shapeRendering="crispEdges">
          <rect width={qr.sizeModules} height={qr.sizeModules} fill="#fff" />
          <path d={qr.pathData} fill="#000" />
        </svg>
      ) : null}
      <p className="sync-link__field">
        <label htmlFor={fieldId}>Sync link</label>
        <input id={fieldId} className="sync-link__url" type="url" value={link} readOnly onFocus={(event) => event.currentTarget.select()} />
      </p>
      <button type="button" className="button" onClick={onHide}>
        Hide the link
      </button>
    </section>
  );
}
