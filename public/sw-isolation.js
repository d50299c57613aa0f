/*
 * Makes Flipdeck's pages cross-origin isolated (COOP + COEP). Firefox and Safari let a page use
 * shared WebAssembly memory, which the FSRS optimizer needs, only when it is isolated, and a
 * static host cannot send the two headers. The service worker serves every page and worker
 * script, so it adds them. This file is loaded with importScripts before Workbox's own fetch
 * handler; it wraps event.respondWith, so whatever response Workbox picks (precache or network)
 * leaves with the headers. Everything Flipdeck loads is same-origin, so require-corp blocks nothing.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function withIsolation(response) {
  // Opaque and error responses cannot be rebuilt; they are passed on unchanged.
  if (!response || response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const { mode, destination } = event.request;
  // A dedicated worker of an isolated page must carry the same policy, or it is refused.
  if (mode !== 'navigate' && destination !== 'worker') return;
  const respondWith = event.respondWith.bind(event);
  event.respondWith = (response) => respondWith(Promise.resolve(response).then(withIsolation));
});
