import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { makeAnki21bApkg, type FixtureOptions } from '../scripts/apkg-fixtures.mjs';
import { gradeButton } from './helpers';
import { chooseImportFile, forbidDialogs } from './import-helpers';

const DAY_MS = 86_400_000;
const T0 = Date.now() - 10 * DAY_MS;

/** A course from Anki: two subdecks, three reviews of one card and a suspended card. */
const course: FixtureOptions = {
  decks: [
    [2000, 'Course'],
    [2001, 'Course::Week 1'],
    [2002, 'Course::Week 2'],
  ],
  deckOf: (noteId) => (noteId <= 2 ? 2001 : 2002),
  schedule: (nid, ord) => {
    if (nid === 1) return { type: 2, queue: 2, due: 1, ivl: 4, factor: 2500, reps: 3 };
    if (nid === 2 && ord === 1) return { type: 2, queue: -1, due: 1, ivl: 20, factor: 2300, reps: 5, lapses: 1 };
    return undefined;
  },
  revlog: [
    { id: T0, nid: 1, ord: 0, ease: 3, type: 0, ivl: -600, time: 6000 },
    { id: T0 + 600_000, nid: 1, ord: 0, ease: 3, type: 0, ivl: 1, lastIvl: -600, time: 3000 },
    { id: T0 + DAY_MS, nid: 1, ord: 0, ease: 3, type: 1, ivl: 4, lastIvl: 1, factor: 2500, time: 2500 },
  ],
};

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const newCount = (page: Page) => page.getByRole('article', { name: 'Course' }).locator('.deck-counts__item--new dd');

test('a studied deck exports to Anki and imports again with the same cards, subdecks and reviews (#11)', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const dialogs = forbidDialogs(page);
  await chooseImportFile(page, 'course.apkg', Buffer.from(await makeAnki21bApkg(course)));
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();

  // Two answers here, after Anki's three.
  await page.goto('./#/deck/user.course/study');
  const question = page.getByRole('region', { name: 'Question' });
  for (const front of ['What is ATP?', 'perro']) {
    await expect(question).toContainText(front);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await gradeButton(page, 'Good').click();
  }
  await expect(question).not.toContainText('perro');
  await page.goto('./#/');
  await expect(newCount(page)).toHaveText('3');

  await page.goto('./#/deck/user.course');
  const exportButton = page.getByRole('button', { name: 'Export to Anki (.apkg)' });
  await expect(exportButton).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toBe('course.apkg');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 6 cards and 5 reviews for Anki.' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // A new browser profile, as on another computer: the file alone brings everything back.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const fresh = await context.newPage();
  await chooseImportFile(fresh, 'course.apkg', bytes);
  await expect(fresh.getByRole('heading', { name: 'Preview: Course' })).toBeVisible();
  await expect(fresh.getByTestId('preview-card-count')).toHaveText('6');
  await expect(fresh.getByTestId('preview-subdecks')).toHaveText('2 subdecks, each a deck of its own under “Course”: Week 1 (3 cards), Week 2 (3 cards)');
  await expect(fresh.getByTestId('preview-history')).toHaveText(/^5 reviews of 2 cards;.*1 suspended$/);
  await fresh.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(fresh.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await expect(fresh.getByText('6 cards with its 2 subdecks; studying it includes them')).toBeVisible();
  await fresh.goto('./#/');
  await expect(newCount(fresh)).toHaveText('3');
  await context.close();
  expect(dialogs).toEqual([]);
});
