import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from './browser';
import { LAYOUT_PAYLOADS, XSS_PAYLOADS, xssDecks, type CorpusDeck } from './fixtures/xss-corpus';
import { expectInertCard, installXssTripwire } from './fixtures/xss-tripwire';
import { serveExtraDecks } from './fixtures/serve-decks';
import { expectOnlyOwnOrigin, recordRequests } from './fixtures/request-log';
import { answer, deckTile, gradeButton, question } from './helpers';

const decks = xssDecks();
// At phone width only the layout payloads are repeated: the sanitiser does not depend on the screen.
const phoneDecks = xssDecks('xss-layout', LAYOUT_PAYLOADS);

/** The page never scrolls sideways: an over-long line wraps inside the card. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflowPx).toBeLessThanOrEqual(0);
}

async function studyEveryCard(page: Page, deck: CorpusDeck): Promise<void> {
  await page.goto(`./#/deck/${deck.id}/study`);
  for (const card of deck.cards) {
    const payload = XSS_PAYLOADS.find((p) => p.id === card.id)!;
    await expect(question(page), card.id).toContainText(payload.readable);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(answer(page), card.id).toContainText(`Answer for ${card.id}`);
    await expect(answer(page), card.id).toContainText(payload.readable);
    // The answer face shows the front again above the back, so this checks both.
    await expectInertCard(answer(page));
    await expectNoSidewaysScroll(page);
    await gradeButton(page, 'Easy').click();
  }
  await expect(page.getByRole('heading', { name: /finished this deck/ })).toBeVisible();
}

test.describe('hostile card content in a bundled deck', () => {
  test.use({ serviceWorkers: 'block' });

  for (const deck of [...decks, ...phoneDecks]) {
    test(`${deck.id}: nothing runs, nothing leaves the origin, and every card still shows its text`, async ({ page, context, isMobile }) => {
      test.skip(isMobile !== phoneDecks.includes(deck), isMobile ? 'Desktop runs the whole corpus.' : 'The phone project runs the layout payloads.');
      // Up to 20 cards, each shown, flipped and graded; generous for a busy 2-core machine.
      test.setTimeout(120_000);
      const requests = recordRequests(context);
      const tripwire = await installXssTripwire(page);
      await serveExtraDecks(page, [deck]);

      await page.goto('./');
      const tile = deckTile(page, deck.title);
      await expect(tile.getByRole('heading', { name: deck.title })).toBeVisible();
      await expect(tile).toContainText('Card content that tries to run code');
      await expect(tile.getByRole('link', { name: `Study ${deck.title}` })).toBeVisible();
      await studyEveryCard(page, deck);

      await tripwire.expectNothingRan();
      expectOnlyOwnOrigin(requests, BASE_URL);
    });
  }
});
