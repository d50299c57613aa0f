import type { StudyQueue } from '../../domain/queue/queue';

export interface SessionHeaderProps {
  readonly title: string;
  readonly deckHref: string;
  readonly queue: StudyQueue;
  readonly canUndo: boolean;
  readonly onUndo: () => void;
}

/** Deck title, the cards left in each pile (as Anki's blue/red/green counts), back and undo. */
export function SessionHeader({ title, deckHref, queue, canUndo, onUndo }: SessionHeaderProps) {
  return (
    <header className="study__header">
      <a className="button button--ghost" href={deckHref}>
        <span aria-hidden="true">←</span> Back
      </a>
      <h1 className="study__title">{title}</h1>
      <p className="counts" aria-label={`${queue.fresh.length} new, ${queue.learning.length} learning, ${queue.review.length} to review`}>
        <span className="count count--new" title="New">{queue.fresh.length}</span>
        <span className="count count--learning" title="Learning">{queue.learning.length}</span>
        <span className="count count--review" title="To review">{queue.review.length}</span>
      </p>
      <button type="button" className="button button--ghost" onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </button>
    </header>
  );
}
