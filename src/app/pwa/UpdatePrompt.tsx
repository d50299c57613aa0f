import { useStudyStore } from '../../store';
import { useServiceWorker } from './use-service-worker';

/**
 * Registers the service worker and offers a new version when one is waiting. The new version
 * never takes over by itself: the student reloads when no grade is being saved, or it starts on
 * the next launch. Until then this tab keeps running entirely on the old precache, so old and new
 * chunks never mix.
 */
export function UpdatePrompt() {
  const isSaving = useStudyStore((s) => s.isSaving);
  const { isUpdateWaiting, applyUpdate, dismiss } = useServiceWorker();

  if (!isUpdateWaiting) return null;
  return (
    <div role="status" className="notice banner update-prompt">
      <p>
        <strong>New version available.</strong> Reload to use it; your progress is saved.
      </p>
      <p className="banner__actions">
        <button type="button" className="button button--primary" disabled={isSaving} onClick={applyUpdate}>
          Reload
        </button>
        <button type="button" className="button" onClick={dismiss}>
          Later
        </button>
      </p>
    </div>
  );
}
