import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, insertCspMeta } from './vite-plugin-csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the Content-Security-Policy', () => {
  it("runs only our own scripts: no inline script, no eval, no other origin", () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // 'wasm-unsafe-eval' compiles WebAssembly only; JavaScript eval stays blocked.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-(inline|eval)'|https?:|\*/);
  });

  it('has no directive that a <meta> policy ignores', () => {
    for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) expect(directives.has(ignored)).toBe(false);
  });

  it('is inserted right after <meta charset>, before any script', () => {
    const html = '<html><head>\n<meta charset="UTF-8" />\n<title>x</title><script type="module" src="./a.js"></script></head></html>';
    const out = insertCspMeta(html, "script-src 'self'");
    expect(out).toMatch(/<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="script-src 'self'" \/>\s*<title>/);
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
  });

  it('refuses a page without <meta charset> rather than put the policy in the wrong place', () => {
    expect(() => insertCspMeta('<html><head><script src="a.js"></script></head></html>')).toThrow(/meta charset/);
  });
});
