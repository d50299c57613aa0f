import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, c3Deck, frontText, gradeButton, openStudy, question } from './helpers';

const cardCount = c3Deck.cards.length;
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search cards' });
const shownCount = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const row = (page: Page, index: number) => page.getByRole('listitem', { name: frontText(index) });

async function openBrowser(page: Page): Promise<void> {
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await page.getByRole('link', { name: 'Browse cards' }).click();
  await expect(shownCount(page)).toHaveText(`Showing ${cardCount} cards of ${cardCount}`);
}

test.describe('the card browser', () => {
  test('a card found by search and suspended leaves the study queue, and comes back when unsuspended', async ({ page }) => {
    await openBrowser(page);
    // Search by words from the back of the card, not the front shown in the list.
    const back = c3Deck.cards[0]!.back.split(/\s+/).slice(0, 3).join(' ');
    await searchBox(page).fill(back);
    await expect(row(page, 0)).toBeVisible();
    await row(page, 0).getByRole('button', { name: 'Suspend' }).click();
    await expect(row(page, 0).getByRole('button', { name: 'Unsuspend' })).toBeVisible();
    await expect(row(page, 0)).toContainText('Suspended');

    await openStudy(page);
    await expect(question(page)).toContainText(frontText(1));
    await expect(page.locator('.count--new')).toHaveText(String(Math.min(20, cardCount) - 1));

    await openBrowser(page);
    await page.getByRole('combobox', { name: 'Show' }).selectOption('suspended');
    await expect(shownCount(page)).toHaveText(`Showing 1 card of ${cardCount}`);
    await row(page, 0).getByRole('button', { name: 'Unsuspend' }).click();
    await expect(shownCount(page)).toHaveText(`Showing 0 cards of ${cardCount}`);
    await openStudy(page);
    await expect(question(page)).toContainText(frontText(0));
  });

  test('shows each card’s facts and history; reset asks first and keeps the history', async ({ page }) => {
    await openStudy(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await gradeButton(page, 'Easy').click();
    await expect(question(page)).toContainText(frontText(1));

    await openBrowser(page);
    await expect(row(page, 0)).toContainText(/State\s*Review/);
    await expect(row(page, 0)).toContainText(/Reviews\s*1/);
    await row(page, 0).getByRole('button', { name: 'Details and history' }).click();
    const details = page.getByRole('region', { name: frontText(0) });
    await expect(details.getByRole('table')).toContainText('Easy');

    await details.getByRole('button', { name: 'Reset progress…' }).click();
    await expect(details.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await details.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, 0)).toContainText(/State\s*Review/);

    await details.getByRole('button', { name: 'Reset progress…' }).click();
    await details.getByRole('button', { name: 'Yes, reset progress' }).click();
    await expect(row(page, 0)).toContainText(/State\s*New/);
    await expect(details.getByRole('table').getByRole('row')).toHaveCount(2);
    await openStudy(page);
    await expect(question(page)).toContainText(frontText(0));
  });

  test('flags a leech (8 or more lapses), lists it under Leeches, and it can be suspended', async ({ page }) => {
    await page.goto('./');
    // The counts come from the app once it has opened (and created) the database; the tile
    // itself is in the prerendered page before that.
    await expect(page.getByRole('article', { name: c3Deck.title }).locator('.deck-counts')).toBeVisible();
    const cardId = c3Deck.cards[2]!.id;
    // A card forgotten 9 times takes weeks to produce by studying, so it is written straight to storage:
    // a snapshot event (the log is the record of truth; any later event replays from it) and the
    // cached state it replays to.
    await page.evaluate(
      ([deckId, id]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('flipdeck');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const now = Date.now();
            const state = {
              deckId, cardId: id, phase: 'relearning', dueAt: now + 600_000, stability: 0.4, difficulty: 9.1,
              scheduledDays: 0, learningStep: 0, reps: 20, lapses: 9, lastReviewedAt: now,
            };
            const tx = open.result.transaction(['cardStates', 'events'], 'readwrite');
            // A ULID-shaped id: 26 Crockford base32 characters.
            tx.objectStore('events').add({ id: '01KB00000000000000000SNAP0', deviceId: 'e2e', createdAt: now, deckId, cardId: id, kind: 'snapshot', state });
            tx.objectStore('cardStates').put(state);
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [C3_DECK_ID, cardId] as const,
    );
    await openBrowser(page);
    await expect(page.getByText('1 leech in this deck')).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('leeches');
    await expect(shownCount(page)).toHaveText(`Showing 1 card of ${cardCount}`);
    await expect(row(page, 2).getByText('Leech', { exact: true })).toBeVisible();
    await row(page, 2).getByRole('button', { name: 'Suspend' }).click();
    await expect(row(page, 2)).toContainText('Suspended (relearning)');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test.describe('a 10,000-card deck', () => {
    test.use({ serviceWorkers: 'block' });

    test('renders only the rows in view, scrolls to the end, and searches every card', async ({ page }) => {
      const cards = Array.from({ length: 10_000 }, (_, i) => ({ id: `card-${i}`, front: `Question ${i}`, back: `Answer ${i}`, tags: [] }));
      const deck = { schemaVersion: 1, id: 'big-deck', title: 'Big deck', description: 'Ten thousand cards', cards };
      await page.route('**/decks/index.json', (route) =>
        route.fulfill({
          json: { schemaVersion: 1, decks: [{ id: 'big-deck', file: 'decks/big-deck.json', title: 'Big deck', description: 'Ten thousand cards', cardCount: 10_000 }] },
        }),
      );
      await page.route('**/decks/big-deck.json', (route) => route.fulfill({ json: deck }));

      await page.goto('./#/deck/big-deck/browse');
      await expect(shownCount(page)).toHaveText('Showing 10,000 cards of 10,000');
      expect(await page.getByRole('listitem').count()).toBeLessThan(40);

      // Keyboard users Tab through rows that were not rendered when they started.
      await page.getByRole('listitem', { name: 'Question 0' }).getByRole('button', { name: 'Suspend' }).focus();
      for (let i = 0; i < 40; i += 1) await page.keyboard.press('Tab');
      await expect(page.getByRole('listitem', { name: 'Question 20' }).getByRole('button', { name: 'Suspend' })).toBeFocused();

      const list = page.getByRole('region', { name: 'Card list' });
      await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(page.getByRole('listitem', { name: 'Question 9999' })).toBeVisible();
      await expect(page.getByRole('listitem', { name: 'Question 9999' })).toHaveAttribute('aria-posinset', '10000');

      const started = Date.now();
      await searchBox(page).fill('question 4242');
      await expect(shownCount(page)).toHaveText('Showing 1 card of 10,000');
      expect(Date.now() - started).toBeLessThan(2_000);
      await page.getByRole('listitem', { name: 'Question 4242' }).getByRole('button', { name: 'Suspend' }).click();
      await expect(page.getByRole('listitem', { name: 'Question 4242' })).toContainText('Suspended');
    });
  });
});
