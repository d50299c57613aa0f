import type { ReviewLogEntry } from '../../domain/scheduling/types';

export interface ReviewHistoryProps {
  /** Oldest first; shown newest first. */
  readonly entries: readonly ReviewLogEntry[];
}

const RATING_NAMES = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' } as const;

/** A card's reviews: when, the answer given, the interval it led to and the time taken. */
export function ReviewHistory({ entries }: ReviewHistoryProps) {
  if (entries.length === 0) return <p>No reviews yet.</p>;
  return (
    <div className="history__scroll">
      <table className="history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Answer</th>
            <th scope="col">Next interval</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((entry) => (
            <tr key={entry.id ?? entry.reviewedAt}>
              <td>{new Date(entry.reviewedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{RATING_NAMES[entry.rating]}</td>
              <td>{entry.after.phase === 'review' ? `${Math.round(entry.after.scheduledDays)} d` : 'in steps'}</td>
              <td>{(entry.answerMs / 1000).toFixed(1)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
