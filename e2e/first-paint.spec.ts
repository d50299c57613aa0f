import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, c3Deck, deckTile, openStudy, tileCount } from './helpers';

/** Stops the app's entry module from loading, leaving what the HTML and the stylesheet paint alone. */
const withoutApp = (page: Page) => page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());

/** Sums every layout shift the page reports, from its very first paint. */
async function watchLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.defineProperty(window, '__layoutShifts', { value: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __layoutShifts: number[] }).__layoutShifts.reduce((a, b) => a + b, 0));
}

test.describe('the first screen before the JavaScript has loaded', () => {
  test('the deck list, its links and the data-safety note paint from the HTML alone', async ({ page }) => {
    await withoutApp(page);
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible();
    await expect(deckTile(page).getByRole('link', { name: c3Deck.title, exact: true })).toHaveAttribute('href', `#/deck/${C3_DECK_ID}`);
    await expect(deckTile(page).getByRole('link', { name: `Study ${c3Deck.title}` })).toHaveAttribute('href', `#/deck/${C3_DECK_ID}/study`);
    await expect(deckTile(page)).toContainText('Loading your progress…');
    await expect(page.getByRole('heading', { name: 'Data safety' })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the prerendered screen has no accessibility violations (${colorScheme})`, async ({ page }) => {
      test.skip(test.info().project.name !== 'desktop', 'The desktop run covers the shell; the app screens run on both.');
      await page.emulateMedia({ colorScheme });
      await withoutApp(page);
      await page.goto('./');
      await expect(deckTile(page)).toContainText('Loading your progress…');
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }

  test('a deep link shows a loading line, not the deck list, until the app takes over', async ({ page }) => {
    await withoutApp(page);
    await page.goto(`./#/deck/${C3_DECK_ID}/study`);
    await expect(page.getByRole('status')).toHaveText('Loading…');
    await expect(page.getByRole('heading', { name: 'Your decks' })).toBeHidden();
  });

  test('the app takes over without moving anything: no layout shift on a first visit or a reload', async ({ page }) => {
    const layoutShift = await watchLayoutShifts(page);
    await page.goto('./');
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    expect(await tileCount(page, 'New')).toBe(Math.min(20, c3Deck.cards.length));
    await page.waitForLoadState('networkidle');
    expect(await layoutShift()).toBe(0);

    await page.reload();
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await layoutShift()).toBe(0);
  });

  test('the app adopts the painted deck list: its first render replaces no node and reports no mismatch', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Hold the entry module back until every painted node is marked.
    let release = () => {};
    const isReleased = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await isReleased;
      await route.continue();
    });
    await page.goto('./', { waitUntil: 'commit' });
    await expect(deckTile(page)).toContainText('Loading your progress…');
    const painted = '#root header a, #root h1, #root .deck-tile h2, #root .deck-tile__description, #root .data-safety > p';
    const markedCount = await page.evaluate((selector) => {
      const nodes = [...document.querySelectorAll(selector)];
      nodes.forEach((node) => Object.defineProperty(node, '__painted', { value: true }));
      return nodes.length;
    }, painted);
    expect(markedCount).toBeGreaterThan(5);
    release();

    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    const kept = await page.evaluate(
      (selector) => [...document.querySelectorAll(selector)].filter((node) => '__painted' in node).length,
      painted,
    );
    expect(kept).toBe(markedCount);
    expect(errors).toEqual([]);
  });

  test('the study screen loads on intent: not on a first visit, but once a Study link is pointed at', async ({ page }) => {
    const studyChunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/StudyScreen-[^/]+\.js$/.test(request.url())) studyChunks.push(request.url());
    });
    await page.goto('./');
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(studyChunks).toEqual([]);

    await deckTile(page).getByRole('link', { name: `Study ${c3Deck.title}` }).hover();
    await expect.poll(() => studyChunks.length).toBe(1);
  });

  test('a deep link opens its screen through the shell: the study session starts', async ({ page }) => {
    await openStudy(page);
    await expect(page.getByRole('heading', { name: 'Your decks' })).toHaveCount(0);
    await expect(page.locator('.shell-deep-link-only')).toHaveCount(0);
  });

  test('the first paint uses the theme the student chose, not the system one', async ({ page }) => {
    test.skip(test.info().project.name !== 'desktop', 'The theme does not depend on the screen size.');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./#/settings');
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await withoutApp(page);
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(16, 19, 26)');
  });
});
