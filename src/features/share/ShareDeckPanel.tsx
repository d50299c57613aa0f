import { useEffect, useState } from 'react';
import { deckToJson } from '../../domain/export/deck-export';
import { portableDeckId } from '../../domain/deck/user-deck';
import type { DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { encodeDeckLink, MAX_LINK_PAYLOAD_CHARS, type ShareLinkResult } from '../../domain/share/share-link';
import { useStudyStore } from '../../store';
import { downloadText } from '../../components/download';
import './share.css';

export interface ShareDeckPanelProps {
  readonly deckId: DeckId;
}

const number = (n: number) => n.toLocaleString('en');

/** A link that carries the whole deck, or, for a deck too large for one, the offer of a file. */
export function ShareDeckPanel({ deckId }: ShareDeckPanelProps) {
  const deck = useStudyStore((s) => s.decks.get(deckId));
  const [result, setResult] = useState<ShareLinkResult | null>(null);
  const [isCopied, setIsCopied] = useState(false);

  useEffect(() => {
    if (deck === undefined) return;
    let isCurrent = true;
    void encodeDeckLink(deck).then((encoded) => isCurrent && setResult(encoded));
    return () => {
      isCurrent = false;
    };
  }, [deck]);

  if (deck === undefined) return null;
  if (result === null) return <p role="status">Making the link…</p>;
  if (!result.ok) {
    return (
      <div className="notice notice--warning" role="status">
        <p>
          This deck is too large for a link: it needs {number(result.payloadChars)} characters and a link holds at most {number(result.maxChars)}. Share it
          as a file instead; the other person imports it on the Import page.
        </p>
        <button type="button" className="button" onClick={() => downloadText(`${portableDeckId(deck.id)}.json`, deckToJson(deck), 'application/json')}>
          Export as a file
        </button>
      </div>
    );
  }

  const url = `${window.location.href.split('#')[0]}${routeHash({ name: 'shared-deck', payload: result.payload })}`;
  async function copy() {
    await navigator.clipboard.writeText(url);
    setIsCopied(true);
  }

  return (
    <div className="share-panel">
      <label className="share-panel__field">
        Link to this deck
        <input className="share-panel__link" readOnly value={url} onFocus={(event) => event.target.select()} />
      </label>
      <p>
        The whole deck is inside the link ({number(result.payload.length)} of {number(MAX_LINK_PAYLOAD_CHARS)} characters); no server sees it. Your progress is
        not shared.
      </p>
      <div className="share-panel__actions">
        <button type="button" className="button button--primary" onClick={() => void copy().catch(() => setIsCopied(false))}>
          Copy link
        </button>
        {isCopied ? <span role="status">Copied.</span> : null}
      </div>
    </div>
  );
}
