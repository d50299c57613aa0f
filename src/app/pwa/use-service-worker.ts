import { useEffect, useState } from 'react';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** What the update prompt needs: whether a new version is waiting, and how to start it. */
export interface ServiceWorkerUpdate {
  readonly isUpdateWaiting: boolean;
  /** Starts the waiting version and reloads this tab onto it. */
  readonly applyUpdate: () => void;
  /** Hides the prompt; the new version starts on the next launch. */
  readonly dismiss: () => void;
}

/**
 * Registers the service worker (`sw.js`, built by vite-plugin-pwa) through the browser's own API,
 * so no registration library is on the first visit. A new version is "waiting" once it has
 * installed while an older one controls this page; it takes over only when the student asks (the
 * worker skips waiting on a `SKIP_WAITING` message) or once every Flipdeck tab has closed.
 */
export function useServiceWorker(): ServiceWorkerUpdate {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [isDismissed, setIsDismissed] = useState(false);

  useEffect(() => {
    // The dev server serves no service worker.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
    const container = navigator.serviceWorker;
    let isCurrent = true;
    let timer: number | undefined;

    const offerWhenInstalled = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const offer = () => {
        // The first install has no older version to replace: nothing to offer.
        if (isCurrent && worker.state === 'installed' && container.controller) setWaiting(worker);
      };
      offer();
      worker.addEventListener('statechange', offer);
    };

    const register = () =>
      container
        .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
        .then((registration) => {
          if (!isCurrent) return;
          offerWhenInstalled(registration.waiting);
          registration.addEventListener('updatefound', () => offerWhenInstalled(registration.installing));
          // Long-lived tabs (an installed app left open) still hear about new versions.
          timer = window.setInterval(() => {
            if (navigator.onLine) void registration.update().catch(() => undefined);
          }, UPDATE_CHECK_MS);
        })
        // Without a service worker the app still runs; it only cannot start offline next time.
        .catch(() => undefined);
    // After the page's load event, as workbox-window did: a first visit's precache (the whole app)
    // then never competes with the page's own downloads.
    if (document.readyState === 'complete') void register();
    else window.addEventListener('load', () => void register(), { once: true });

    return () => {
      isCurrent = false;
      window.clearInterval(timer);
    };
  }, []);

  return {
    isUpdateWaiting: waiting !== null && !isDismissed,
    applyUpdate: () => {
      if (!waiting) return;
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
    dismiss: () => setIsDismissed(true),
  };
}
