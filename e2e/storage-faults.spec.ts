import { expect, test, type Page } from '@playwright/test';
import { countRows, deleteDatabase } from './fixtures/raw-db';
import { c3Deck, deckTile, frontText, gradeButton, openStudy, question, tileCount } from './helpers';

const newCount = Math.min(20, c3Deck.cards.length);
const notSavedBanner = (page: Page) => page.getByRole('status').filter({ hasText: 'Progress is not being saved' });
const saveAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'not saved' });
/** The study screen's save status once every grade given is written (the next card shows before that). */
const allSaved = (page: Page) => page.getByRole('status').filter({ hasText: 'All grades saved' });

async function revealAndGrade(page: Page, label: 'Good' | 'Easy'): Promise<void> {
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, label).click();
}

test.describe('storage failures', () => {
  test.skip(({ isMobile }) => isMobile, 'Storage behaves the same at any screen size.');

  test('no IndexedDB at all: a visible warning, and studying still works', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await page.goto('./');
    await expect(notSavedBanner(page)).toBeVisible();
    await expect(page.getByText(/Progress is not being saved on this visit/)).toBeVisible();
    await deckTile(page).getByRole('link', { name: `Study ${c3Deck.title}` }).click();
    await revealAndGrade(page, 'Easy');
    await expect(question(page)).toContainText(frontText(1));
    await expect(notSavedBanner(page)).toBeVisible();
  });

  test('IndexedDB refuses to open (storage blocked): a visible warning, no crash', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await openStudy(page);
    await expect(notSavedBanner(page)).toContainText(/not letting Flipdeck save data/);
    await revealAndGrade(page, 'Easy');
    await expect(question(page)).toContainText(frontText(1));
  });

  test('the disk fills up mid-write: the grade is not claimed as saved, nothing half-written, and a retry saves it', async ({ page }) => {
    // The review log append is the second write of the grade's transaction; failing it must roll back the first.
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if ((window as unknown as { __diskFull?: boolean }).__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    await openStudy(page);
    await revealAndGrade(page, 'Easy');
    await expect(question(page)).toContainText(frontText(1));
    await expect(allSaved(page)).toBeVisible();

    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
    await revealAndGrade(page, 'Easy');
    await expect(saveAlert(page)).toContainText(/storage is full/);
    // The card is still the one being graded, and storage holds only the first grade.
    await expect(gradeButton(page, 'Easy')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Answer' })).toContainText(frontText(1));
    expect(await countRows(page)).toEqual({ cardStates: 1, reviewLog: 1 });

    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
    await saveAlert(page).getByRole('button', { name: 'Try again' }).click();
    await gradeButton(page, 'Easy').click();
    await expect(question(page)).toContainText(frontText(2));
    await expect(allSaved(page)).toBeVisible();
    expect(await countRows(page)).toEqual({ cardStates: 2, reviewLog: 2 });
    await page.goto('./');
    await expect.poll(() => tileCount(page, 'New')).toBe(newCount - 2);
  });

  test('the database is deleted while the app is open: a visible message, and later grades are not claimed as saved', async ({ page }) => {
    await openStudy(page);
    await revealAndGrade(page, 'Easy');
    await expect(question(page)).toContainText(frontText(1));
    await expect(allSaved(page)).toBeVisible();

    // As "Clear site data" in another tab or the browser's settings would.
    await deleteDatabase(page);
    await expect(notSavedBanner(page)).toBeVisible();
    await revealAndGrade(page, 'Easy');
    await expect(saveAlert(page)).toBeVisible();
    await expect(question(page)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Answer' })).toContainText(frontText(1));
    expect(await countRows(page)).toBeNull();

    // The student chooses to go on in memory; the warning stays up.
    await saveAlert(page).getByRole('button', { name: 'Keep studying without saving' }).click();
    await gradeButton(page, 'Easy').click();
    await expect(question(page)).toContainText(frontText(2));
    await expect(notSavedBanner(page)).toContainText(/memory only/);
    expect(await countRows(page)).toBeNull();
  });
});
