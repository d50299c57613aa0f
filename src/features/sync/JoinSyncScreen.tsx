import { useEffect, useState } from 'react';
import { messageOf } from '../../domain/errors';
import { routeHash } from '../../domain/routes/routes';
import { useStudyStore, type JoinPreview } from '../../store';
import './sync.css';

/** Opened from a "link another device" link: says what joining merges, and joins on request. */
export function JoinSyncScreen({ code }: { readonly code: string }) {
  const isHydrated = useStudyStore((s) => s.isHydrated);
  const isAvailable = useStudyStore((s) => s.isSyncAvailable);
  const previewJoin = useStudyStore((s) => s.previewJoin);
  const joinSync = useStudyStore((s) => s.joinSync);
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!isHydrated || !isAvailable) return;
    let isCurrent = true;
    previewJoin(`#/sync/${code}`).then(
      (loaded) => isCurrent && setPreview(loaded),
      (error: unknown) => isCurrent && setProblem(messageOf(error)),
    );
    return () => {
      isCurrent = false;
    };
  }, [code, isHydrated, isAvailable, previewJoin]);

  const join = async () => {
    if (!preview) return;
    await joinSync(preview.space);
    // The secret leaves the address bar and the history entry.
    window.history.replaceState(null, '', routeHash({ name: 'settings' }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };

  if (!isAvailable) return <p className="notice notice--warning">This copy of Flipdeck was built without a sync server, so it cannot join a sync space.</p>;
  if (problem) return <p role="alert" className="notice notice--warning">{problem}</p>;
  if (!preview) return <p role="status" className="loading">Reading the sync link…</p>;
  return (
    <section className="join-sync" aria-labelledby="join-heading">
      <h1 id="join-heading">Sync this device</h1>
      {preview.isSameSpace ? (
        <p>This device already syncs with this space.</p>
      ) : (
        <>
          <p>
            This device's progress ({preview.localReviews} {preview.localReviews === 1 ? 'review' : 'reviews'}, {preview.localEvents} changes in all) will be merged with
            the progress of your other devices in this space. Nothing is removed or overwritten: every review from every device is kept.
          </p>
          <button type="button" className="button button--primary" onClick={() => void join()}>
            Join and merge
          </button>
        </>
      )}
      <p>
        <a href={routeHash({ name: 'decks' })}>Not now</a>
      </p>
    </section>
  );
}
