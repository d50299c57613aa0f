import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { asDeckId } from '../src/domain/ids';
import { DEFAULT_FSRS_WEIGHTS } from '../src/domain/scheduling/memory-model';
import { syntheticReviewLog } from '../src/test-support/synthetic-log';
import type { ReviewLogEntry } from '../src/domain/scheduling/types';
import { C3_DECK_ID, deckTile, gradeButton, openStudy, question } from './helpers';

const openSettings = async (page: Page) => {
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
};

/** The number of days on a grade button's interval label, e.g. 8 for "8d". */
async function easyDays(page: Page): Promise<number> {
  await openStudy(page);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const label = await gradeButton(page, 'Easy').textContent();
  const match = /(\d+)d/.exec(label ?? '');
  if (!match) throw new Error(`No day interval on the Easy button: ${label}`);
  return Number(match[1]);
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A valid event id (ULID shape) made at `ms`, distinct per `index`. */
function eventId(ms: number, index: number): string {
  let time = '';
  for (let rest = ms, i = 0; i < 10; i += 1, rest = Math.floor(rest / 32)) time = BASE32[rest % 32] + time;
  let tail = '';
  for (let rest = index, i = 0; i < 16; i += 1, rest = Math.floor(rest / 32)) tail = BASE32[rest % 32] + tail;
  return time + tail;
}

/** Writes a review log, as review events (and each card's latest state, the cache), straight into the app's IndexedDB. */
async function seedReviewLog(page: Page, log: readonly ReviewLogEntry[]): Promise<void> {
  const latest = new Map(log.map((entry) => [entry.cardId, entry.after]));
  await page.evaluate(
    async ({ rows, states }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('flipdeck');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['events', 'cardStates'], 'readwrite');
        rows.forEach((row) => tx.objectStore('events').add(row));
        states.forEach((state) => tx.objectStore('cardStates').put(state));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      rows: log.map(({ id: _id, reviewedAt, ...row }, index) => ({ ...row, id: eventId(reviewedAt, index), deviceId: 'e2e', createdAt: reviewedAt, kind: 'review' })),
      states: [...latest.values()],
    },
  );
}

test.describe('settings', () => {
  test('a higher desired retention shortens the intervals on the grade buttons', async ({ page }) => {
    const before = await easyDays(page);
    await openSettings(page);
    await page.getByLabel('Desired retention').fill('0.97');
    await expect(page.getByTestId('load-year')).toBeVisible();
    await page.getByRole('button', { name: 'Save for all decks' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
    const after = await easyDays(page);
    expect(after).toBeLessThan(before);
    // Kept in IndexedDB: still in force after a reload.
    await page.reload();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(gradeButton(page, 'Easy')).toContainText(`${after}d`);
  });

  test('bad values get an inline error and are not saved', async ({ page }) => {
    await openSettings(page);
    await page.getByLabel('Desired retention').fill('1.5');
    await page.getByLabel('Learning steps', { exact: true }).fill('1m soon');
    await page.getByRole('button', { name: 'Save for all decks' }).click();
    await expect(page.getByText('Desired retention must be between 0.70 and 0.99.')).toBeVisible();
    await expect(page.getByText('Step 2, "soon", is not a length such as 10m, 1h or 1d.')).toBeVisible();
    await expect(page.getByLabel('Desired retention')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Desired retention')).toBeFocused();
    await page.reload();
    await expect(page.getByLabel('Desired retention')).toHaveValue('0.9');
    await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 10m');
  });

  test('load balancing and easy days are kept for all decks, and not offered per deck', async ({ page }) => {
    await openSettings(page);
    const balance = page.getByLabel(/Balance the load/);
    await expect(balance).toBeChecked();
    const easyDays = page.getByRole('group', { name: /Easy days/ });
    await easyDays.getByLabel('Saturday').check();
    await easyDays.getByLabel('Sunday').check();
    await page.getByRole('button', { name: 'Save for all decks' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: /Easy days/ }).getByLabel('Saturday')).toBeChecked();
    await expect(page.getByRole('group', { name: /Easy days/ }).getByLabel('Sunday')).toBeChecked();
    await expect(page.getByRole('group', { name: /Easy days/ }).getByLabel('Monday')).not.toBeChecked();
    // Off: the easy days cannot be chosen without balancing, which is what applies them.
    await page.getByLabel(/Balance the load/).uncheck();
    await expect(page.getByRole('group', { name: /Easy days/ }).getByLabel('Monday')).toBeDisabled();
    await page.getByLabel('Settings for').selectOption(C3_DECK_ID);
    await expect(page.getByLabel(/Balance the load/)).toHaveCount(0);
  });

  test('one deck can override the all-deck settings', async ({ page }) => {
    await openSettings(page);
    await page.getByLabel('Settings for').selectOption(C3_DECK_ID);
    await page.getByLabel('Learning steps', { exact: true }).fill('2m 20m');
    await page.getByRole('button', { name: 'Save for this deck' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
    await openStudy(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(gradeButton(page, 'Again')).toContainText('2m');
    await openSettings(page);
    await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 10m');
  });

  test('switches to dark mode at once and keeps it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openSettings(page);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(background).not.toBe(light);
    expect(await background()).toBe('rgb(16, 19, 26)');
    await page.reload();
    // Dark from the first paint (the boot script's hint), and still dark once the app has loaded.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test('card text size and reduced motion apply to the study screen', async ({ page }) => {
    await openStudy(page);
    const fontSize = () => question(page).evaluate((element) => getComputedStyle(element).fontSize);
    const flipDuration = () => page.locator('.flip-card__inner').evaluate((element) => getComputedStyle(element).transitionDuration);
    expect(await fontSize()).toBe('20px');
    expect(await flipDuration()).toBe('0.45s');
    await openSettings(page);
    await page.getByLabel('Card text size').selectOption('x-large');
    await page.getByLabel('Reduce motion (no card-flip animation)').click();
    await expect(page.getByLabel('Reduce motion (no card-flip animation)')).toBeChecked();
    await openStudy(page);
    expect(await fontSize()).toBe('30px');
    expect(await flipDuration()).toBe('0s');
  });

  test('? opens the keyboard shortcuts on any screen, and Esc closes them', async ({ page, isMobile }) => {
    test.skip(isMobile, 'A phone has no keyboard shortcuts to show.');
    await page.goto('./');
    // The prerendered list paints before the app runs; the shortcuts come with the app.
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Optimize fits parameters to a seeded review log, and they can be applied and restored', async ({ page }) => {
    test.setTimeout(120_000);
    const truth = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.3 : i === 20 ? 0.45 : w));
    const log = syntheticReviewLog({
      weights: truth,
      deckId: asDeckId('retired-deck'),
      cardIds: Array.from({ length: 80 }, (_, i) => `seed-${i}`),
      newCardsPerDay: 8,
      days: 60,
      startAt: Date.UTC(2026, 5, 1, 8),
      seed: 11,
    });
    expect(log.length).toBeGreaterThanOrEqual(400);

    await openSettings(page);
    await expect(page.getByTestId('review-count')).toHaveText('0');
    await expect(page.getByRole('button', { name: 'Optimize' })).toBeDisabled();
    await seedReviewLog(page, log);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.getByTestId('review-count')).toHaveText(String(log.length));
    // The service worker makes the page cross-origin isolated, as Firefox and Safari need for the WASM.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    const wasmRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect(page.getByRole('button', { name: 'Use the fitted parameters' })).toBeVisible({ timeout: 90_000 });
    expect(wasmRequests.length).toBeGreaterThan(0);
    const table = page.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(1 + 1 + 21);
    const loss = async (id: string) => Number(await page.getByTestId(id).textContent());
    expect(await loss('loss-fitted')).toBeLessThan(await loss('loss-current'));
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // Declining changes nothing, and a second run in the same worker works too.
    await page.getByRole('button', { name: 'Keep the current ones' }).click();
    await expect(page.getByRole('table')).toBeHidden();
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect(page.getByRole('button', { name: 'Use the fitted parameters' })).toBeVisible({ timeout: 90_000 });

    await page.getByRole('button', { name: 'Use the fitted parameters' }).click();
    await expect(page.getByText('Your fitted parameters are now in use.')).toBeVisible();
    await page.reload();
    await expect(page.getByText('parameters fitted to your reviews')).toBeVisible();
    await page.getByRole('button', { name: 'Restore the previous parameters' }).click();
    await expect(page.getByText('the default parameters', { exact: true })).toBeVisible();
  });
});
