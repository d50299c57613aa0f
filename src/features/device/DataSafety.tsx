import { useEffect, useSyncExternalStore } from 'react';
import { useStudyStore } from '../../store';
import { formatBytes } from '../../domain/format-bytes';
import { currentPlatform, isIosBrowserTab } from './platform';

/** Where the student's progress lives and how safe it is: persisted or not, space used, iOS advice. */
export function DataSafety() {
  const persistence = useStudyStore((s) => s.persistence);
  const isPersistent = useStudyStore((s) => s.repository?.isPersistent ?? true);
  const refreshPersistence = useStudyStore((s) => s.refreshPersistence);
  const isIosTab = useSyncExternalStore(neverChanges, isIosTabNow, isNotKnownBeforeHydration);

  useEffect(() => {
    void refreshPersistence();
  }, [refreshPersistence]);

  return (
    <section className="data-safety" aria-labelledby="data-safety-title">
      <h2 id="data-safety-title">Data safety</h2>
      <p>Your progress is stored only on this device, in this browser. It works offline and is never uploaded.</p>
      {/* Only once read: the prerendered page has no list, and the first render must match it. */}
      {persistence ? (
        <ul>
          {describePersistence(isPersistent, persistence.isPersisted).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {persistence.usageBytes != null ? (
            <li>
              Space used: {formatBytes(persistence.usageBytes)}
              {persistence.quotaBytes ? ` of ${formatBytes(persistence.quotaBytes)} available` : ''}.
            </li>
          ) : null}
        </ul>
      ) : null}
      {isIosTab ? (
        <p className="notice notice--warning">
          On iPhone and iPad, Safari may erase this site&apos;s data after 7 days without a visit. Install Flipdeck to keep
          it: tap the Share button, then <strong>Add to Home Screen</strong>.
        </p>
      ) : null}
    </section>
  );
}

const neverChanges = () => () => undefined;
const isIosTabNow = () => isIosBrowserTab(currentPlatform());
// The prerendered page cannot know the device; the hydrating render must match it, then updates.
const isNotKnownBeforeHydration = () => false;

/** One short point per line: a long run-on item is hard to read on a phone. */
function describePersistence(isPersistent: boolean, isPersisted: boolean | null): readonly string[] {
  if (!isPersistent) return ['Progress is not being saved on this visit (see the warning at the top).'];
  if (isPersisted === true) return ['Persistent storage is on: the browser will not clear your progress to free space.'];
  if (isPersisted === false) {
    return [
      'Persistent storage is not granted yet: the browser may clear your progress if the device runs low on space.',
      'Flipdeck asks for it once you have studied; installing the app usually grants it.',
    ];
  }
  return ['This browser does not report whether your progress is protected from clean-up.'];
}
