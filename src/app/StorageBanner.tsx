import { useStudyStore } from '../store';

/** Storage problems stay visible: progress that is not being kept must never look saved. */
export function StorageBanner() {
  const warning = useStudyStore((s) => s.storageWarning);
  const saveError = useStudyStore((s) => s.saveError);
  const continueWithoutSaving = useStudyStore((s) => s.continueWithoutSaving);
  const dismissSaveError = useStudyStore((s) => s.dismissSaveError);

  return (
    <>
      {warning ? (
        <p role="status" className="notice notice--warning banner">
          <strong>Progress is not being saved.</strong> {warning}
        </p>
      ) : null}
      {saveError ? (
        <div role="alert" className="notice notice--error banner">
          <p>{saveError} The card is still here, so you can try again.</p>
          <p className="banner__actions">
            <button type="button" className="button" onClick={dismissSaveError}>Try again</button>
            <button type="button" className="button" onClick={() => void continueWithoutSaving()}>
              Keep studying without saving
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}
