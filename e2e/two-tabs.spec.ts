import { expect, test, type Page } from '@playwright/test';
import { readProgress } from './fixtures/raw-db';
import { c3Deck, frontText, gradeButton, openStudy, question, tileCount } from './helpers';

const newCount = Math.min(20, c3Deck.cards.length);
const conflictNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'graded in another Flipdeck tab' });

async function grade(page: Page, label: 'Good' | 'Easy'): Promise<void> {
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, label).click();
}

test.describe('two tabs studying the same deck', () => {
  test.skip(({ isMobile }) => isMobile, 'Two tabs behave the same at any screen size.');

  test('no review is lost or counted twice, and both tabs end up with the same counts', async ({ context }) => {
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await openStudy(tabA);
    await openStudy(tabB);

    for (let card = 0; card < 3; card += 1) {
      // Alternate which tab grades first; the other one still shows the card and grades it too.
      const [first, second] = card % 2 === 0 ? [tabA, tabB] : [tabB, tabA];
      await expect(question(first)).toContainText(frontText(card));
      await expect(question(second)).toContainText(frontText(card));
      await grade(first, 'Easy');
      await expect(question(first)).toContainText(frontText(card + 1));
      await grade(second, 'Good');
      // Refused, explained, and the second tab moves on to what is really next.
      await expect(conflictNotice(second)).toBeVisible();
      await expect(question(second)).toContainText(frontText(card + 1));
    }

    const { reviewLog, cardStates } = await readProgress(tabA);
    expect(reviewLog.map((row) => [row.cardId, row.rating])).toEqual([0, 1, 2].map((i) => [c3Deck.cards[i]!.id, 'easy']));
    expect(cardStates).toHaveLength(3);

    for (const tab of [tabA, tabB]) {
      await tab.goto('./');
      await expect.poll(() => tileCount(tab, 'New')).toBe(newCount - 3);
    }
    expect(await tileCount(tabA, 'Due')).toBe(await tileCount(tabB, 'Due'));
    expect(await tileCount(tabA, 'Learning')).toBe(await tileCount(tabB, 'Learning'));
  });

  test('a tab left on the deck list follows the grades and settings of the tab studying, without a reload', async ({ context }) => {
    const listTab = await context.newPage();
    const studyTab = await context.newPage();
    await listTab.goto('./');
    await expect.poll(() => tileCount(listTab, 'New')).toBe(newCount);
    await openStudy(studyTab);

    await grade(studyTab, 'Easy');
    await expect(question(studyTab)).toContainText(frontText(1));
    await expect.poll(() => tileCount(listTab, 'New')).toBe(newCount - 1);

    await studyTab.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(question(studyTab)).toContainText(frontText(0));
    await expect.poll(() => tileCount(listTab, 'New')).toBe(newCount);

    await studyTab.goto('./#/settings');
    await studyTab.getByLabel('New cards per day').fill('2');
    await studyTab.getByRole('button', { name: 'Save for all decks' }).click();
    await expect(studyTab.getByText(/^Saved\./)).toBeVisible();
    await expect.poll(() => tileCount(listTab, 'New')).toBe(2);
  });
});
