import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BASE_URL } from './browser';
import { expectOnlyOwnOrigin, recordRequests } from './fixtures/request-log';
import { SCREENS } from './fixtures/screens';
import { deckTile } from './helpers';

interface PageProblems {
  readonly console: string[];
  readonly pageErrors: string[];
}

/** Collects CSP violations (inside the page), console errors and uncaught errors of every page in the context. */
async function watchForProblems(context: BrowserContext): Promise<PageProblems> {
  const problems: PageProblems = { console: [], pageErrors: [] };
  context.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  context.on('weberror', (error) => problems.pageErrors.push(error.error().message));
  await context.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test.describe('Content-Security-Policy and requests', () => {
  test.skip(({ isMobile }) => isMobile, 'The policy and the requests do not depend on the screen size.');

  for (const screen of SCREENS) {
    test(`${screen.name}: no policy violation, no console error, no request to another origin`, async ({ page, context }) => {
      const requests = recordRequests(context);
      const problems = await watchForProblems(context);
      await screen.open(page);
      // Let the service worker register and the study screen prefetch, as on a real first visit.
      await page.waitForLoadState('networkidle');
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expectOnlyOwnOrigin(requests, BASE_URL);
    });
  }

  test('the built page carries a policy that allows only our own scripts, and the browser enforces it', async ({ page, request }) => {
    const html = await (await request.get('./')).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // It must precede the first script, or it would not apply to it.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

    const problems = await watchForProblems(page.context());
    await page.goto('./');
    await expect(deckTile(page)).toBeVisible();
    const outcome = await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true;';
      document.body.append(inline);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__inlineRan = true;');
      handler.src = 'missing-image.png';
      document.body.append(handler);
      return new Promise<boolean>((resolve) => {
        handler.addEventListener('error', () => resolve(Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan)));
      });
    });
    expect(outcome).toBe(false);
    // (eval cannot be probed from here: the test's own evaluate bypasses the page's policy.)
    await expect
      .poll(() => cspViolations(page))
      .toEqual([expect.stringMatching(/^script-src-elem blocked inline/), expect.stringMatching(/^script-src-attr blocked inline/)]);
    expect(problems.pageErrors).toEqual([]);
  });
});
