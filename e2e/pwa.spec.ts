import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, chromiumExecutable } from './browser';
import { C3_DECK_ID, c3Deck, deckTile, frontText, gradeButton, question, tileCount } from './helpers';
import { startStaticServer } from './static-server';

const newCount = Math.min(20, c3Deck.cards.length);

/** Waits until a service worker is active and controls this page (one reload after the first visit). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

async function gradeFirstCardEasy(page: Page): Promise<void> {
  await expect(question(page)).toContainText(frontText(0));
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, 'Easy').click();
  await expect(question(page)).toContainText(frontText(1));
}

test.describe('installable and offline', () => {
  test('after one visit, the app, a deep link and studying all work with the network off', async ({ page, context }) => {
    await page.goto('./');
    await expect(deckTile(page)).toBeVisible();
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await expect(deckTile(page)).toBeVisible();
    expect(await tileCount(page, 'New')).toBe(newCount);

    // A cold deep link in a fresh tab, as from a shared link or the home-screen icon.
    const deepLinked = await context.newPage();
    await deepLinked.goto(`./#/deck/${C3_DECK_ID}/study`);
    await gradeFirstCardEasy(deepLinked);
    await deepLinked.close();

    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => tileCount(page, 'New')).toBe(newCount - 1);
  });

  test('the manifest is complete and its icons load at their declared sizes', async ({ page, request }) => {
    await page.goto('./');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href!, page.url()).toString();
    const manifest = (await (await request.get(manifestUrl)).json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Flipdeck', short_name: 'Flipdeck', display: 'standalone', start_url: './', scope: './' });
    expect(manifest.description).toBeTruthy();
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.background_color).toMatch(/^#/);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);

    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const icons = [...manifest.icons.map((i) => ({ url: new URL(i.src, manifestUrl).toString(), sizes: i.sizes })), { url: new URL(appleIcon!, page.url()).toString(), sizes: '180x180' }];
    for (const icon of icons) {
      const response = await request.get(icon.url);
      expect(response.status(), icon.url).toBe(200);
      expect(response.headers()['content-type']).toContain('image/png');
      const png = await response.body();
      // PNG IHDR: width and height are big-endian at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
  test('Chromium reports no installability errors once the service worker controls the page', async ({ browserName }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop' || browserName !== 'chromium', 'Installability does not depend on the viewport.');
    // A real profile: Playwright's default contexts are incognito, where nothing is installable.
    const profile = mkdtempSync(join(tmpdir(), 'flipdeck-install-'));
    const executablePath = chromiumExecutable();
    const context = await chromium.launchPersistentContext(profile, { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
    try {
      const page = await context.newPage();
      await page.goto(BASE_URL);
      await expect(deckTile(page)).toBeVisible();
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('updates', () => {
  test('a new deployment is offered with a prompt and never loses the grade made just before', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'One update flow covers both projects.');
    const dist = new URL('../dist/', import.meta.url).pathname;
    const work = mkdtempSync(join(tmpdir(), 'flipdeck-deploys-'));
    const buildA = join(work, 'a');
    const buildB = join(work, 'b');
    cpSync(dist, buildA, { recursive: true });
    cpSync(dist, buildB, { recursive: true });
    // Build B differs from A in its service worker, which is how the browser detects a deployment.
    writeFileSync(join(buildB, 'sw.js'), `${readFileSync(join(buildB, 'sw.js'), 'utf8')}\n// build B\n`);
    const server = await startStaticServer(buildA);
    try {
      await page.goto(server.url);
      await expect(deckTile(page)).toBeVisible();
      await waitForServiceWorker(page);
      await page.goto(`${server.url}#/deck/${C3_DECK_ID}/study`);
      await gradeFirstCardEasy(page);

      server.setRoot(buildB);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'New version available' });
      // The new worker must download and precache build B first: slow on a loaded machine.
      await expect(prompt).toBeVisible({ timeout: 30_000 });
      // The session goes on under the old version until the student chooses to reload.
      await expect(question(page)).toContainText(frontText(1));
      // Listen before clicking: the click waits for the reload to commit, and on a fast machine
      // the load event can fire before a listener added afterwards.
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
      await expect(question(page)).toContainText(frontText(1));
      await page.goto(server.url);
      await expect.poll(() => tileCount(page, 'New')).toBe(newCount - 1);
    } finally {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
