import { expect, test } from '@playwright/test';
import { answer, c3Deck, deckTile, frontText, gradeButton, openStudy, question, tileCount } from './helpers';

const cardCount = c3Deck.cards.length;

test.describe('the study loop', () => {
  test('the deck list shows the C3 deck with its description and counts', async ({ page }) => {
    await page.goto('./');
    const tile = deckTile(page);
    await expect(tile).toBeVisible();
    await expect(tile.getByRole('heading', { name: c3Deck.title })).toBeVisible();
    await expect(tile.locator('.deck-counts')).toBeVisible();
    expect(await tileCount(page, 'New')).toBe(Math.min(20, cardCount));
    expect(await tileCount(page, 'Learning')).toBe(0);
    expect(await tileCount(page, 'Due')).toBe(0);
  });

  test('studies the whole deck by keyboard, in deck order, to the end screen', async ({ page, isMobile }) => {
    test.skip(isMobile, 'The keyboard path is a desktop path; the phone project taps.');
    await openStudy(page);
    for (let i = 0; i < cardCount; i += 1) {
      await expect(question(page)).toContainText(frontText(i));
      await page.keyboard.press('Space');
      await expect(answer(page)).toContainText(frontText(i));
      await expect(gradeButton(page, 'Good')).toBeFocused();
      await page.keyboard.press('4');
    }
    await expect(page.getByRole('heading', { name: /finished this deck/ })).toBeVisible();
    await expect(page.getByText(`You studied ${cardCount} cards in this session.`)).toBeVisible();
    await expect(page.getByText(/The next card is due/)).toBeVisible();
  });

  test('studies the whole deck by tapping, with large tap targets', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'Tapping runs on the phone project.');
    await openStudy(page);
    for (let i = 0; i < cardCount; i += 1) {
      await expect(question(page)).toContainText(frontText(i));
      await question(page).tap();
      const easy = gradeButton(page, 'Easy');
      const box = await easy.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
      await easy.tap();
    }
    await expect(page.getByRole('heading', { name: /finished this deck/ })).toBeVisible();
  });

  test('each grade button shows the interval it would schedule', async ({ page }) => {
    await openStudy(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(gradeButton(page, 'Again')).toContainText('1m');
    await expect(gradeButton(page, 'Good')).toContainText('10m');
    await expect(gradeButton(page, 'Easy')).toContainText(/\d+d/);
    await expect(gradeButton(page, 'Good')).toHaveAccessibleName(/Good: next review in 10 minutes/);
  });

  test('a card graded Again comes back in the same session', async ({ page }) => {
    await openStudy(page);
    await page.keyboard.press('Space');
    await page.keyboard.press('1');
    for (let i = 1; i < cardCount; i += 1) {
      await expect(question(page)).toContainText(frontText(i));
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    // The only card left is in its 1-minute step: within the learn-ahead limit, so it is shown again.
    await expect(question(page)).toContainText(frontText(0));
  });

  test('undo by Ctrl+Z and by the button takes the grade back', async ({ page }) => {
    await openStudy(page);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(question(page)).toContainText(frontText(1));
    await page.keyboard.press('Control+z');
    await expect(question(page)).toContainText(frontText(0));
    await expect(page.locator('.count--new')).toHaveText(String(Math.min(20, cardCount)));
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect(question(page)).toContainText(frontText(1));
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(question(page)).toContainText(frontText(0));
    // Nothing was kept: the deck list still shows every card as new.
    await page.goto('./');
    await expect.poll(() => tileCount(page, 'New')).toBe(Math.min(20, cardCount));
  });

  test('a reload mid-session keeps every grade and continues where the student left off', async ({ page }) => {
    await openStudy(page);
    for (let i = 0; i < 2; i += 1) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await gradeButton(page, 'Easy').click();
    }
    await expect(question(page)).toContainText(frontText(2));
    // The next card shows before the grade is written: the app promises only what it shows as saved.
    await expect(page.getByRole('status').filter({ hasText: 'All grades saved' })).toBeVisible();
    await page.reload();
    await expect(question(page)).toContainText(frontText(2));
    await page.goto('./');
    await expect.poll(() => tileCount(page, 'New')).toBe(Math.min(20, cardCount) - 2);
  });

  test('a bad deep link shows a clear not-found page with a way back', async ({ page }) => {
    await page.goto('./#/deck/no-such-deck');
    await expect(page.getByRole('heading', { name: 'Deck not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to your decks' }).click();
    await expect(deckTile(page)).toBeVisible();
  });

  test('back and forward move between the deck list, the deck and the session', async ({ page }) => {
    await page.goto('./');
    await deckTile(page).getByRole('link', { name: c3Deck.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: c3Deck.title })).toBeVisible();
    await page.getByRole('link', { name: 'Study now' }).click();
    await expect(question(page)).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('link', { name: 'Study now' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('link', { name: 'Study now' })).toBeVisible();
  });
});
