/**
 * Adds the Content-Security-Policy <meta> to the built index.html.
 *
 * Build only: the dev server injects an inline React Refresh preamble and talks to its client over
 * a WebSocket, both of which this policy (rightly) forbids. The meta goes right after <meta charset>
 * (which must stay first), before any script or stylesheet, because a policy delivered by <meta>
 * applies only to the elements after it.
 *
 * Delivered as <meta> because the app is hosted as static files with no control over headers;
 * `frame-ancestors`, `report-uri` and `sandbox` are ignored in a <meta> (and Chrome warns), so
 * they are left out.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Only our own bundled modules run: no inline script, no eval, no other origin.
  // 'wasm-unsafe-eval' lets our own WebAssembly compile (the Anki reader's SQLite); it does not
  // allow eval() or new Function() for JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React sets no style attributes and the build emits only <link> stylesheets.
  "style-src 'self'",
  // Same-origin card images; data: and blob: for images the app itself generates (the share QR code).
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  // blob: for a deck's sounds, played from the copy stored on the device (object URLs).
  "media-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const CHARSET_META = /<meta charset="[^"]*"\s*\/?>/i;

/** index.html with the policy's <meta> inserted after <meta charset>; throws if there is none. */
export function insertCspMeta(html: string, policy: string = CONTENT_SECURITY_POLICY): string {
  const charset = CHARSET_META.exec(html);
  if (!charset) throw new Error('index.html needs <meta charset="UTF-8"> first in <head>, before the CSP <meta> is added.');
  const end = charset.index + charset[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return html.slice(0, end) + meta + html.slice(end);
}

export function cspPlugin(policy: string = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'flipdeck-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => insertCspMeta(html, policy) },
  };
}
