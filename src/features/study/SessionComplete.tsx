import { useEffect, useRef, useState } from 'react';
import { useStudyStore } from '../../store';

export interface SessionCompleteProps {
  readonly studiedCount: number;
  readonly nextDueAt: number | null;
  readonly deckHref: string;
  readonly canUndo: boolean;
  readonly onUndo: () => void;
}

const MINUTE_MS = 60_000;

/** The end screen. If a learning card falls due while it is open, the session picks up again. */
export function SessionComplete({ studiedCount, nextDueAt, deckHref, canUndo, onUndo }: SessionCompleteProps) {
  const resume = useStudyStore((s) => s.resume);
  const [now] = useState(() => Date.now());
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The grade button that had focus is gone: move focus here so keyboard and screen-reader users
  // land on the result instead of at the top of the page.
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    if (nextDueAt === null) return undefined;
    const waitMs = nextDueAt - Date.now();
    // Only wait in the page for cards due within the hour; later ones are for another visit.
    if (waitMs > 60 * MINUTE_MS) return undefined;
    const timer = window.setTimeout(resume, Math.max(0, waitMs) + 250);
    return () => window.clearTimeout(timer);
  }, [nextDueAt, resume]);

  return (
    <section className="session-complete" aria-labelledby="session-complete-title">
      <h2 id="session-complete-title" ref={headingRef} tabIndex={-1}>Congratulations! You have finished this deck for now.</h2>
      <p>
        You studied <strong>{studiedCount}</strong> {studiedCount === 1 ? 'card' : 'cards'} in this session.
      </p>
      <p>{describeNextDue(nextDueAt, now)}</p>
      <div className="session-complete__actions">
        <a className="button button--primary" href={deckHref}>Back to the deck</a>
        {canUndo ? (
          <button type="button" className="button" onClick={onUndo}>Undo last grade</button>
        ) : null}
      </div>
    </section>
  );
}

function describeNextDue(nextDueAt: number | null, now: number): string {
  if (nextDueAt === null) return 'This deck has no cards to study.';
  const when = new Date(nextDueAt);
  const time = when.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  if (nextDueAt - now < 60 * MINUTE_MS) {
    const minutes = Math.max(1, Math.round((nextDueAt - now) / MINUTE_MS));
    return `The next card is due in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (at ${time}); this page will show it.`;
  }
  const isToday = when.toDateString() === new Date(now).toDateString();
  const day = isToday ? 'today' : when.toLocaleDateString(undefined, { weekday: 'long', month: 'short', day: 'numeric' });
  return `The next card is due ${day} at ${time}.`;
}
