import { useRegisterSW } from 'virtual:pwa-register/react';
import { useStudyStore } from '../../store';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and offers a new version when one is waiting. The new version
 * never takes over by itself: the student reloads when no grade is being saved, or it starts on
 * the next launch. Until then this tab keeps running entirely on the old precache, so old and new
 * chunks never mix.
 */
export function UpdatePrompt() {
  const isSaving = useStudyStore((s) => s.isSaving);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Long-lived tabs (an installed app left open) still hear about new versions.
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });

  if (!needRefresh) return null;
  return (
    <div role="status" className="notice banner update-prompt">
      <p>
        <strong>New version available.</strong> Reload to use it; your progress is saved.
      </p>
      <p className="banner__actions">
        <button type="button" className="button button--primary" disabled={isSaving} onClick={() => void updateServiceWorker(true)}>
          Reload
        </button>
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
      </p>
    </div>
  );
}
