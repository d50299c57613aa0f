import { useEffect, useRef } from 'react';
import { Markdown } from '../../components/Markdown';
import type { Card } from '../../domain/deck/types';

export interface CardCompareProps {
  /** The student's version of the card. */
  readonly mine: Card;
  /** The lecturer's card as this build ships it. */
  readonly lecturer: Card;
  /** True while a choice is being saved. */
  readonly isBusy: boolean;
  readonly error: string | null;
  readonly onKeepMine: () => void;
  readonly onTakeLecturers: () => void;
  readonly onClose: () => void;
}

/**
 * Both versions of a bundled card side by side, rendered by the study screen's Markdown component
 * (so hostile text is as inert here as there), with the two choices. A native modal <dialog>: the
 * page behind is inert and Esc closes it without choosing.
 */
export function CardCompare({ mine, lecturer, isBusy, error, onKeepMine, onTakeLecturers, onClose }: CardCompareProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => before?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="library-dialog card-compare"
      aria-labelledby="card-compare-title"
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id="card-compare-title">Compare your version with the lecturer’s</h2>
      <p>The lecturer changed this card after you edited it. Your version stays until you choose.</p>
      <div className="card-compare__versions">
        <Version title="Your version" card={mine} />
        <Version title="The lecturer’s new version" card={lecturer} />
      </div>
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
      <div className="action-row">
        <button type="button" className="button button--primary" disabled={isBusy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button" disabled={isBusy} onClick={onTakeLecturers}>
          Take the lecturer’s
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Decide later
        </button>
      </div>
    </dialog>
  );
}

function Version({ title, card }: { readonly title: string; readonly card: Card }) {
  return (
    <section className="card-compare__version" aria-label={title}>
      <h3>{title}</h3>
      <h4>Front</h4>
      <div className="card-compare__side">
        <Markdown text={card.front} />
      </div>
      <h4>Back</h4>
      <div className="card-compare__side">
        <Markdown text={card.back} />
      </div>
      {card.tags.length > 0 ? <p className="card-compare__tags">Tags: {card.tags.join(', ')}</p> : null}
    </section>
  );
}
