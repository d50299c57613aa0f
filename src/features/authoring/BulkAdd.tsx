import { useDeferredValue, useMemo, useState } from 'react';
import { parseBulkCards } from '../../domain/authoring/bulk-add';
import { messageOf } from '../../domain/errors';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';

export interface BulkAddProps {
  readonly deckId: DeckId;
}

const PREVIEW_ROWS = 20;

/** Paste many cards at once; a preview shows what will be added and every line that will not. */
export function BulkAdd({ deckId }: BulkAddProps) {
  const addCards = useStudyStore((s) => s.addCards);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const pasted = useDeferredValue(text);
  const parsed = useMemo(() => parseBulkCards(pasted), [pasted]);

  async function add() {
    // One paste is added once: a second click while it is written would add every card again.
    setIsAdding(true);
    const added = text;
    try {
      const ids = await addCards(deckId, parsed.cards);
      setStatus(`${ids.length} cards added.`);
      // Text pasted while these were written is the next batch: it stays.
      setText((now) => (now === added ? '' : now));
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsAdding(false);
    }
  }

  return (
    <section className="bulk-add" aria-labelledby="bulk-add-title">
      <h2 id="bulk-add-title">Add many cards</h2>
      <label htmlFor="bulk-add-text">
        One card per line as <code>front :: back</code> (optionally <code>:: tags</code>), or paste two columns from a spreadsheet
      </label>
      <textarea id="bulk-add-text" rows={8} value={text} onChange={(event) => setText(event.target.value)} />
      {pasted.trim() === '' ? null : (
        <div className="bulk-add__preview" aria-label="Preview of the cards to add" role="region">
          <p>
            {parsed.cards.length} {parsed.cards.length === 1 ? 'card' : 'cards'} to add
            {parsed.format === 'table' ? ' (read as a table)' : ''}
            {parsed.headerLine === null ? '' : `; line ${parsed.headerLine} is a header and is not a card`}.
          </p>
          {parsed.cards.length > 0 ? (
            <table className="bulk-add__table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Front</th>
                  <th scope="col">Back</th>
                  <th scope="col">Tags</th>
                </tr>
              </thead>
              <tbody>
                {parsed.cards.slice(0, PREVIEW_ROWS).map((card) => (
                  <tr key={card.line}>
                    <td>{card.line}</td>
                    <td>{card.front}</td>
                    <td>{card.back}</td>
                    <td>{card.tags.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {parsed.cards.length > PREVIEW_ROWS ? <p>…and {parsed.cards.length - PREVIEW_ROWS} more.</p> : null}
          {parsed.rejected.length > 0 ? (
            <div className="notice notice--warning" data-testid="bulk-rejected">
              <p>
                {parsed.rejected.length} {parsed.rejected.length === 1 ? 'line is' : 'lines are'} not added:
              </p>
              <ul>
                {parsed.rejected.map((line) => (
                  <li key={line.line}>
                    Line {line.line}: {line.reason} (“{line.text.slice(0, 60)}”)
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
      <div className="action-row">
        <button type="button" className="button button--primary" disabled={parsed.cards.length === 0 || isAdding || pasted !== text} onClick={() => void add()}>
          Add {parsed.cards.length} {parsed.cards.length === 1 ? 'card' : 'cards'}
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
