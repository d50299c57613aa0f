import { useRef, useState } from 'react';
import { shareOrCopy } from './share-link';
import type { SharePanel as SharePanelComponent } from './SharePanel';
import './share.css';

export interface ShareDeckProps {
  readonly deckTitle: string;
  /** The absolute link that opens the deck, from `deckShareUrl`. */
  readonly url: string;
}

/** Which link the panel was opened for, and whether copying it worked. */
interface OpenPanel {
  readonly url: string;
  readonly isCopied: boolean;
}

type PanelLoad = typeof SharePanelComponent | 'failed' | null;

/**
 * The Share button for a deck. Phones get the system share sheet; elsewhere the link is copied
 * and a panel shows it as a QR code (for a slide), plus a field to copy it by hand if the
 * clipboard was refused.
 */
export function ShareDeck({ deckTitle, url }: ShareDeckProps) {
  const [panel, setPanel] = useState<OpenPanel | null>(null);
  const [Panel, setPanelLoad] = useState<PanelLoad>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  // A panel opened for another deck's link is stale: derive, rather than reset, when `url` changes.
  const openPanel = panel?.url === url ? panel : null;

  const share = async () => {
    const outcome = await shareOrCopy(navigator, { title: deckTitle, text: `Study “${deckTitle}” with Flipdeck`, url });
    if (outcome !== 'copied' && outcome !== 'copy-refused') return;
    setPanel({ url, isCopied: outcome === 'copied' });
    // The panel, and the QR encoder with it, is fetched the first time it opens: the first screen
    // needs neither. Later presses get the module the browser already holds.
    import('./SharePanel').then(
      (module) => setPanelLoad(() => module.SharePanel),
      (error: unknown) => {
        console.error('The share panel could not be loaded', error);
        setPanelLoad('failed');
      },
    );
  };

  const hide = () => {
    setPanel(null);
    shareButton.current?.focus();
  };

  return (
    <div className="share">
      <button ref={shareButton} type="button" className="button" onClick={() => void share()}>
        Share
      </button>
      {/* Always in the page, so a change of its text is announced. */}
      <p role="status" className="share__status">
        {openPanel ? (openPanel.isCopied ? 'Link copied' : 'Flipdeck could not copy the link. Select it below and copy it by hand.') : null}
      </p>
      {openPanel && Panel === 'failed' ? <p className="share__link">{url}</p> : null}
      {openPanel && Panel && Panel !== 'failed' ? <Panel deckTitle={deckTitle} url={url} isCopied={openPanel.isCopied} onHide={hide} /> : null}
    </div>
  );
}
