import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, chromiumExecutable } from './browser';
import { C3_DECK_ID, c3Deck, deckTile, frontText, gradeButton, question, tileCount } from './helpers';

test.describe('progress kept on the device', () => {
  test('survives closing the browser and reopening the same profile', async ({ browserName }, testInfo) => {
    test.skip(browserName !== 'chromium', 'The relaunch uses Chromium directly.');
    test.skip(testInfo.project.name !== 'desktop', 'One browser restart covers both projects.');
    const profile = mkdtempSync(join(tmpdir(), 'flipdeck-profile-'));
    const executablePath = chromiumExecutable();
    const launch = () =>
      chromium.launchPersistentContext(profile, { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
    try {
      const first = await launch();
      const page = await first.newPage();
      await page.goto(`${BASE_URL}#/deck/${C3_DECK_ID}/study`);
      await page.getByRole('button', { name: /Show answer/ }).click();
      await gradeButton(page, 'Easy').click();
      await expect(question(page)).toContainText(frontText(1));
      await first.close();

      const second = await launch();
      const again = await second.newPage();
      await again.goto(BASE_URL);
      await expect(deckTile(again)).toBeVisible();
      await expect.poll(() => tileCount(again, 'New')).toBe(Math.min(20, c3Deck.cards.length) - 1);
      await again.goto(`${BASE_URL}#/deck/${C3_DECK_ID}/study`);
      await expect(question(again)).toContainText(frontText(1));
      await second.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('a malformed deck', () => {
  // Requests must reach page.route rather than a service worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('shows an error naming the file, card and field, and the other decks keep working', async ({ page }) => {
    await page.route('**/decks/index.json', async (route) => {
      const response = await route.fetch();
      const index = (await response.json()) as { decks: object[] };
      index.decks.push({ id: 'broken-deck', file: 'decks/broken-deck.json', title: 'Broken deck', description: 'Has a bad card', cardCount: 2 });
      await route.fulfill({ response, json: index });
    });
    await page.route('**/decks/broken-deck.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          schemaVersion: 1,
          id: 'broken-deck',
          title: 'Broken deck',
          description: 'Has a bad card',
          cards: [{ id: 'ok', front: 'Q', back: 'A' }, { id: 'bad-card', front: 'Q2', back: 42 }],
        }),
      }),
    );
    await page.goto('./');
    const broken = deckTile(page, 'Broken deck');
    await expect(broken.getByRole('alert')).toContainText('decks/broken-deck.json');
    await expect(broken.getByRole('alert')).toContainText('bad-card');
    await expect(broken.getByRole('alert')).toContainText('back');
    await expect(broken.getByRole('link', { name: /^Study/ })).toHaveCount(0);

    await deckTile(page).getByRole('link', { name: `Study ${c3Deck.title}` }).click();
    await expect(question(page)).toContainText(frontText(0));
  });
});
