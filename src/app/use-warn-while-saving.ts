import { useEffect } from 'react';

/**
 * While a grade or an undo is still being written, closing or reloading the tab asks first. The
 * next card shows before its grade is on the disk, so on a slow disk a student who closes the tab
 * at once would otherwise lose the grade they just saw counted. The listener exists only while
 * something is unsaved: an idle page keeps the back/forward cache, which a beforeunload listener
 * would cost it.
 */
export function useWarnWhileSaving(isSaving: boolean, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): void {
  useEffect(() => {
    if (!isSaving) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chromium before 119 and Safari only ask when returnValue is set.
      event.returnValue = '';
    };
    target.addEventListener('beforeunload', warn);
    return () => target.removeEventListener('beforeunload', warn);
  }, [isSaving, target]);
}
