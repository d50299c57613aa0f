import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { tryMakeQrCode } from './qr-code';
import './share.css';

export interface SharePanelProps {
  readonly deckTitle: string;
  readonly url: string;
  /** False when the clipboard was refused: the link is then shown, selected, to copy by hand. */
  readonly isCopied: boolean;
  readonly onHide: () => void;
}

/**
 * The deck link as a QR code to scan or download, plus the link itself when it could not be
 * copied. Fetched on demand by ShareDeck, so it and the QR encoder stay out of the first load.
 */
export function SharePanel({ deckTitle, url, isCopied, onHide }: SharePanelProps) {
  const qr = useMemo(() => tryMakeQrCode(url, deckTitle), [url, deckTitle]);
  const linkField = useRef<HTMLInputElement>(null);
  const linkFieldId = useId();

  useEffect(() => {
    // Focus and select the link, so Ctrl+C (or Copy on a long press) is all that is left to do.
    if (isCopied) return;
    linkField.current?.focus();
    linkField.current?.select();
  }, [isCopied, url]);

  const hideOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onHide();
  };

  return (
    <section className="share-panel" aria-label={`Share ${deckTitle}`} onKeyDown={hideOnEscape}>
      {isCopied ? null : (
        <p className="share-panel__field">
          <label htmlFor={linkFieldId}>Link to {deckTitle}</label>
          <input ref={linkField} id={linkFieldId} className="share-panel__link" type="url" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      {qr ? (
        <figure className="share-panel__figure">
          <svg className="share-panel__qr" role="img" aria-label={qr.label} viewBox={`0 0 ${qr.sizeModules} ${qr.sizeModules}`} shapeRendering="crispEdges">
            <rect width={qr.sizeModules} height={qr.sizeModules} fill="#fff" />
            <path d={qr.pathData} fill="#000" />
          </svg>
          <figcaption>Scan with a phone camera to open this deck.</figcaption>
        </figure>
      ) : (
        <p>This link is too long for a QR code. Share the link itself instead.</p>
      )}
      <div className="share-panel__actions">
        {qr ? (
          <a className="button" href={qr.fileHref} download={qr.fileName}>
            Download QR code (SVG)
          </a>
        ) : null}
        <button type="button" className="button" onClick={onHide}>
          Hide
        </button>
      </div>
    </section>
  );
}
