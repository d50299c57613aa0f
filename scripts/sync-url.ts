/**
 * The sync server's URL, set at build time by FLIPDECK_SYNC_URL (e.g. ws://127.0.0.1:1234 or
 * wss://sync.example.org). Without it the build has no sync. With it, its origin alone joins the
 * CSP's connect-src: no other origin is ever contacted.
 */

/** The websocket origin of `url`, or null when sync is off; throws, naming the variable, on anything but ws:// or wss://. */
export function syncServerOrigin(url: string | undefined): string | null {
  if (url === undefined || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`FLIPDECK_SYNC_URL is not a URL: ${JSON.stringify(url)}. Use e.g. ws://127.0.0.1:1234 or wss://sync.example.org.`);
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new Error(`FLIPDECK_SYNC_URL must start with ws:// or wss://, not ${parsed.protocol}//.`);
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') throw new Error('FLIPDECK_SYNC_URL must not carry credentials, a query or a fragment.');
  return parsed.origin;
}

/** The policy with `origin` added to connect-src. */
export function withConnectSource(policy: string, origin: string | null): string {
  if (origin === null) return policy;
  if (!/connect-src 'self'/.test(policy)) throw new Error("The CSP has no connect-src 'self' to extend.");
  return policy.replace("connect-src 'self'", `connect-src 'self' ${origin}`);
}
