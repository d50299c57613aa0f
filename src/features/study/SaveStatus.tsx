import { useStudyStore } from '../../store';
import './save-status.css';

/**
 * Whether the session's grades are on the device yet. The next card shows before its grade is
 * written, so this is the only place that says "saved". A polite live region, present from the
 * start so screen readers hear its changes; "Saving…" only shows when a write takes long enough
 * to notice (see save-status.css), so fast saves do not flicker. It subscribes on its own: a save
 * finishing re-renders this line, not the card.
 */
export function SaveStatus() {
  const pendingSaves = useStudyStore((s) => s.pendingSaves);
  const studiedCount = useStudyStore((s) => s.session?.studiedCount ?? 0);
  const text = pendingSaves > 0 ? `Saving ${pendingSaves === 1 ? 'your grade' : `${pendingSaves} grades`}…` : studiedCount > 0 ? 'All grades saved' : '';
  return (
    <p className="save-status" role="status" data-state={pendingSaves > 0 ? 'saving' : 'saved'}>
      {text}
    </p>
  );
}
