import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, c3Deck, gradeButton, openStudy, question, frontText } from './helpers';

const cardCount = c3Deck.cards.length;

const heatmap = (page: Page) => page.getByRole('img', { name: /^Review heatmap/ });
const countOf = (page: Page, label: string) => page.locator('.counts-list__item').filter({ hasText: label }).locator('dd');
const todayFigure = (page: Page, label: string) => page.locator('.today-list__item').filter({ hasText: label }).locator('dd');

async function studyEasy(page: Page, count: number): Promise<void> {
  await openStudy(page);
  for (let i = 0; i < count; i += 1) {
    await expect(question(page)).toContainText(frontText(i));
    await page.getByRole('button', { name: /Show answer/ }).click();
    await gradeButton(page, 'Easy').click();
  }
  await expect(question(page)).toContainText(frontText(count));
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('statistics', () => {
  test('studying cards changes today’s heatmap cell, the counts and today’s figures', async ({ page }) => {
    await page.goto(`./#/deck/${C3_DECK_ID}/stats`);
    await expect(page.getByRole('heading', { level: 1, name: `Statistics: ${c3Deck.title}` })).toBeVisible();
    await expect(heatmap(page)).toHaveAttribute('aria-label', /Today: 0 reviews\. Current streak: 0 days\./);
    await expect(heatmap(page).locator('[data-today]')).toHaveAttribute('data-reviews', '0');
    await expect(countOf(page, 'New')).toHaveText(String(cardCount));
    await expect(countOf(page, 'Young')).toHaveText('0');

    await studyEasy(page, 3);
    await page.goto(`./#/deck/${C3_DECK_ID}`);
    await page.getByRole('link', { name: 'Statistics' }).last().click();

    await expect(heatmap(page)).toHaveAttribute('aria-label', /Today: 3 reviews\. Current streak: 1 day\./);
    await expect(heatmap(page).locator('[data-today]')).toHaveAttribute('data-reviews', '3');
    await expect(countOf(page, 'New')).toHaveText(String(cardCount - 3));
    await expect(countOf(page, 'Young')).toHaveText('3');
    await expect(todayFigure(page, 'Reviews')).toHaveText('3');
    await expect(page.getByRole('img', { name: /^Due forecast for the next 30 days: 3 cards in all/ })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('Last 7 days');
  });

  test('the header link opens statistics for all decks, with no accessibility violations in either theme', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics: all decks' })).toBeVisible();
    await expect(countOf(page, 'New')).toHaveText(String(cardCount));
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('the charts fit a phone screen without sideways scrolling', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'Phone layout.');
    await page.goto('./#/stats');
    await expect(heatmap(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await heatmap(page).boundingBox();
    expect(box?.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});
