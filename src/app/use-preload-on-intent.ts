import { useEffect } from 'react';
import { parseRoute, type Route } from '../domain/routes/routes';

/** Signs that a link is about to be followed: a pointer over it, a finger on it, or keyboard focus. */
const INTENT_EVENTS = ['pointerover', 'touchstart', 'focusin'] as const;

/**
 * Calls `preload` with the route of any in-app link the student is about to follow, so a screen's
 * code downloads during the few hundred ms between intent and click, and never on a visit that
 * does not need it. One listener on the document also covers the prerendered shell's links.
 */
export function usePreloadOnIntent(preload: (route: Route) => void): void {
  useEffect(() => {
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      const hash = link?.getAttribute('href');
      if (hash) preload(parseRoute(hash));
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, { passive: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent);
    };
  }, [preload]);
}
