import { describe, expect, it } from 'vitest';
import { syncServerOrigin, withConnectSource } from './sync-url';
import { CONTENT_SECURITY_POLICY } from './vite-plugin-csp';

describe('FLIPDECK_SYNC_URL', () => {
  it('is off when unset or blank', () => {
    expect(syncServerOrigin(undefined)).toBeNull();
    expect(syncServerOrigin('  ')).toBeNull();
    expect(withConnectSource(CONTENT_SECURITY_POLICY, null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds its origin alone to connect-src', () => {
    expect(syncServerOrigin('ws://127.0.0.1:1234')).toBe('ws://127.0.0.1:1234');
    expect(syncServerOrigin('wss://sync.example.org/flipdeck')).toBe('wss://sync.example.org');
    const policy = withConnectSource(CONTENT_SECURITY_POLICY, 'wss://sync.example.org');
    expect(policy).toContain("connect-src 'self' wss://sync.example.org;");
    expect(policy.replace(" wss://sync.example.org", '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['https://sync.example.org', /ws:\/\/ or wss:\/\//],
    ['not a url', /not a URL/],
    ['wss://user:pw@sync.example.org', /credentials/],
    ['wss://sync.example.org/?x=1', /query/],
  ])('refuses %j', (url, message) => {
    expect(() => syncServerOrigin(url)).toThrow(message);
  });
});
