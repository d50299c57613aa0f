import type { DeckId } from '../../domain/ids';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore } from '../../store';

export interface InheritedExamProps {
  /** The deck whose exam this one follows. */
  readonly sourceDeckId: DeckId;
  readonly examAt: number;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** Says that a subdeck studies for a parent deck's exam, and links to that deck. */
export function InheritedExam({ sourceDeckId, examAt }: InheritedExamProps) {
  const title = useStudyStore((s) => s.deckEntries.find((e) => e.listing.id === sourceDeckId)?.listing.title ?? sourceDeckId);
  return (
    <p className="notice" role="note">
      This deck follows the exam set on <a href={routeHash({ name: 'deck', deckId: sourceDeckId })}>{title}</a>, on {dateFormat.format(examAt)}: its
      cards are scheduled for that exam, and the plan below counts them. Set an exam date here to give this deck its own.
    </p>
  );
}
