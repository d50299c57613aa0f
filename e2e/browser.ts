import { existsSync } from 'node:fs';

/**
 * Which Chromium runs the browser tests: $PLAYWRIGHT_CHROMIUM_PATH first, then Debian's
 * /usr/bin/chromium, otherwise Playwright's own download (`npx playwright install chromium`).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Keeps Chromium from calling home: the tests assert that the app alone makes requests. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Override with FLIPDECK_PORT to run two checkouts' browser tests side by side. */
export const PREVIEW_PORT = Number(process.env.FLIPDECK_PORT ?? 4173);
export const BASE_URL = `http://localhost:${PREVIEW_PORT}/`;
