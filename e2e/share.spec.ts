import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './browser';
import { C3_DECK_ID, c3Deck } from './helpers';

/** The link the Share button must hand out: the app's own address plus the deck's route. */
const deckLink = `${BASE_URL}#/deck/${C3_DECK_ID}`;

const shareButton = (page: Page) => page.getByRole('button', { name: 'Share', exact: true });
const qrCode = (page: Page) => page.getByRole('img', { name: `QR code for the link to ${c3Deck.title}` });
const downloadLink = (page: Page) => page.getByRole('link', { name: 'Download QR code (SVG)' });
const hideButton = (page: Page) => page.getByRole('button', { name: 'Hide', exact: true });

async function openDeckPage(page: Page): Promise<void> {
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: c3Deck.title })).toBeVisible();
}

async function expectTapTarget(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(48);
  expect(box?.width).toBeGreaterThanOrEqual(48);
}

test.describe('sharing a deck from a desktop browser', () => {
  test.beforeEach(({ isMobile }) => {
    test.skip(isMobile, 'Desktop browsers have no share sheet: they copy the link. The phone project covers the share sheet.');
  });

  test('copies the deck link, says so, and shows a QR code of it to download', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    await openDeckPage(page);
    await shareButton(page).click();

    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(deckLink);

    await expect(qrCode(page)).toBeVisible();
    const qrBox = await qrCode(page).boundingBox();
    expect(qrBox?.width).toBeGreaterThanOrEqual(240);
    expect(qrBox?.height).toBeGreaterThanOrEqual(240);

    const downloading = page.waitForEvent('download');
    await downloadLink(page).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('c3-flashcards-containers-and-iaas-storage-qr.svg');
    const file = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(file).toContain(`<title>QR code for the link to ${c3Deck.title}</title>`);

    for (const target of [shareButton(page), downloadLink(page), hideButton(page)]) await expectTapTarget(target);
    const axe = await new AxeBuilder({ page }).include('.share').analyze();
    expect(axe.violations).toEqual([]);
  });

  test('the copied link opens the deck page in a fresh browser', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    // Start from another route, so the link is built from the deck id and not the page's own hash.
    await page.goto(`./#/deck/${C3_DECK_ID}/study`);
    await page.goto(`./#/deck/${C3_DECK_ID}`);
    await shareButton(page).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(deckLink);

    // A classmate's browser: no shared storage, no history, just the link.
    const classmate = await browser.newContext();
    try {
      const fresh = await classmate.newPage();
      await fresh.goto(copied);
      await expect(fresh.getByRole('heading', { level: 1, name: c3Deck.title })).toBeVisible();
      await expect(fresh.getByRole('link', { name: 'Study now' })).toBeVisible();
    } finally {
      await classmate.close();
    }
  });

  test('works by keyboard: Share, then the download link, then Hide gives focus back', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    await openDeckPage(page);
    await shareButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Link copied')).toBeVisible();
    await expect(qrCode(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(downloadLink(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(hideButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(qrCode(page)).toBeHidden();
    await expect(shareButton(page)).toBeFocused();

    // Escape closes the panel from anywhere inside it.
    await page.keyboard.press('Enter');
    await expect(qrCode(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(qrCode(page)).toBeHidden();
    await expect(shareButton(page)).toBeFocused();
  });

  test('when the clipboard is refused, shows the link selected to copy by hand, and the QR code', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await openDeckPage(page);
    await shareButton(page).click();

    await expect(page.getByRole('status')).toContainText('could not copy the link');
    await expect(page.getByText('Link copied')).toHaveCount(0);
    const field = page.getByRole('textbox', { name: `Link to ${c3Deck.title}` });
    await expect(field).toHaveValue(deckLink);
    await expect(field).toHaveAttribute('readonly', '');
    await expect(field).toBeFocused();
    const selection = await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]);
    expect(selection).toEqual([0, deckLink.length]);
    await expect(qrCode(page)).toBeVisible();
    await expect(downloadLink(page)).toBeVisible();
  });
});

test.describe('sharing a deck from a phone', () => {
  test.beforeEach(({ isMobile }) => {
    test.skip(!isMobile, 'The share sheet is a phone path; the desktop project copies the link.');
  });

  /** Stands in for the system share sheet, which headless Chromium does not have; records each call. */
  async function stubShareSheet(page: Page, outcome: 'share' | 'cancel'): Promise<void> {
    await page.addInitScript((result) => {
      const calls: ShareData[] = [];
      Object.assign(window, { shareCalls: calls });
      Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          calls.push(data);
          return result === 'share' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
      });
    }, outcome);
  }

  const shareCalls = (page: Page) => page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls);

  test('opens the share sheet with the deck title and link, not the copy panel', async ({ page }) => {
    await stubShareSheet(page, 'share');
    await openDeckPage(page);
    await expectTapTarget(shareButton(page));
    await shareButton(page).tap();

    await expect.poll(() => shareCalls(page)).toHaveLength(1);
    const [call] = await shareCalls(page);
    expect(call?.url).toBe(deckLink);
    expect(call?.title).toBe(c3Deck.title);
    expect(call?.text).toContain(c3Deck.title);
    await expect(page.getByText('Link copied')).toHaveCount(0);
    await expect(qrCode(page)).toHaveCount(0);
  });

  test('closing the share sheet is not an error: nothing else happens', async ({ page }) => {
    await stubShareSheet(page, 'cancel');
    await openDeckPage(page);
    await shareButton(page).tap();

    await expect.poll(() => shareCalls(page)).toHaveLength(1);
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(qrCode(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: c3Deck.title })).toBeVisible();
  });
});
