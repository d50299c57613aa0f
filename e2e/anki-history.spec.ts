import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { makeAnki21bApkg, makeLegacyApkg, type FixtureOptions } from '../scripts/apkg-fixtures.mjs';
import { gradeButton } from './helpers';
import { chooseImportFile, forbidDialogs } from './import-helpers';

const DAY_MS = 86_400_000;
/** Reviewed in Anki over the last ten days. */
const T0 = Date.now() - 10 * DAY_MS;

/** A course in Anki: Week 1 (notes 1 and 2) and Week 2 (notes 3 and 4), with a studied card and a suspended one. */
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
    // "Set due date": a manual entry, which is no review.
    { id: T0 + 2 * DAY_MS, nid: 1, ord: 0, ease: 0, type: 4, ivl: 4, lastIvl: 4, factor: 2500 },
  ],
};

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The review rows the card details show for "What is ATP?" in Week 1. */
async function reviewRowsOfAtp(page: Page): Promise<number> {
  await page.goto('./#/deck/user.course-week-1/browse');
  const row = page.getByRole('listitem').filter({ hasText: 'What is ATP?' });
  await row.getByRole('button', { name: 'Details and history' }).click();
  const details = page.getByRole('region', { name: /What is ATP/ });
  await expect(details.getByRole('table').or(details.getByText('No reviews yet.'))).toBeVisible();
  if (await details.getByText('No reviews yet.').isVisible()) return 0;
  // The header row, then one row per review.
  return (await details.getByRole('table').getByRole('row').count()) - 1;
}

test('an Anki course with subdecks and review history imports as a deck tree, and a newer export under another name keeps the progress', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await chooseImportFile(page, 'course.apkg', Buffer.from(await makeAnki21bApkg(course)));
  await expect(page.getByRole('heading', { name: 'Preview: Course' })).toBeVisible();
  await expect(page.getByTestId('preview-card-count')).toHaveText('6');
  await expect(page.getByTestId('preview-subdecks')).toHaveText('2 subdecks, each a deck of its own under “Course”: Week 1 (3 cards), Week 2 (3 cards)');
  await expect(page.getByTestId('preview-history')).toHaveText('3 reviews of 1 card; 1 card scheduled from their Anki interval and ease; 1 suspended');
  const history = page.getByRole('checkbox', { name: /Bring the review history and scheduling \(3 reviews\)/ });
  await expect(history).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await expect(page.getByText('6 cards with its 2 subdecks; studying it includes them')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Subdecks' }).getByRole('link')).toHaveText(['Week 1', 'Week 2']);

  // The deck list groups the subdecks under Course, and the group folds from the keyboard.
  await page.goto('./#/');
  const group = page.getByRole('list', { name: 'Subdecks of Course' });
  await expect(group.getByRole('heading', { level: 2 })).toHaveText(['Week 1', 'Week 2']);
  const courseTile = page.getByRole('article', { name: 'Course' });
  // Studying Course includes its subdecks: 4 new cards (one was learned in Anki, one is suspended).
  await expect(courseTile.locator('.deck-counts__item--new dd')).toHaveText('4');
  const toggle = page.getByRole('button', { name: 'Hide 2 subdecks of Course' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(group).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show 2 subdecks of Course' })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Space');
  await expect(group).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Anki's three reviews came along as history; the manual entry did not.
  expect(await reviewRowsOfAtp(page)).toBe(3);

  // Studying the parent shows the subdecks' cards: first the card Anki's history makes due
  // (replayed by FSRS: last reviewed nine days ago), then the new ones.
  await page.goto('./#/deck/user.course/study');
  const question = page.getByRole('region', { name: 'Question' });
  for (const front of ['What is ATP?', 'perro']) {
    await expect(question).toContainText(front);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await gradeButton(page, 'Good').click();
  }
  await expect(question).not.toContainText('perro');
  expect(await reviewRowsOfAtp(page)).toBe(4);

  // A newer export of the same course, in the legacy layout and under another file name, with one more review.
  const newer: FixtureOptions = { ...course, revlog: [...course.revlog!, { id: T0 + 5 * DAY_MS, nid: 1, ord: 0, ease: 4, type: 1, ivl: 12, lastIvl: 4, factor: 2650, time: 2000 }] };
  await chooseImportFile(page, 'course-update-2.apkg', Buffer.from(await makeLegacyApkg(newer)));
  await expect(page.getByText('update your deck “Course” in place: 0 new, 0 changed, 6 unchanged, 0 removed')).toBeVisible();
  await page.getByRole('button', { name: 'Update my deck' }).click();
  await expect(page).toHaveURL(/#\/deck\/user\.course$/);
  expect(await reviewRowsOfAtp(page)).toBe(5);
  // The card studied here kept its progress: it is no longer new.
  await page.goto('./#/');
  await expect(page.getByRole('article', { name: 'Course' }).locator('.deck-counts__item--new dd')).toHaveText('3');
  expect(dialogs).toEqual([]);
});

test('the history switch leaves Anki\'s scheduling behind: every card starts as new', async ({ page }) => {
  await chooseImportFile(page, 'course.apkg', Buffer.from(await makeAnki21bApkg(course)));
  await page.getByRole('checkbox', { name: /Bring the review history/ }).uncheck();
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await page.goto('./#/');
  await expect(page.getByRole('article', { name: 'Course' }).locator('.deck-counts__item--new dd')).toHaveText('6');
  expect(await reviewRowsOfAtp(page)).toBe(0);
});

test('a big package shows its progress and can be cancelled; nothing is added', async ({ page }) => {
  test.setTimeout(120_000);
  const count = 6000;
  const notes = Array.from({ length: count }, (_, i) => [i + 1, `big${i}`, 1001, [`Term <b>${i}</b>`, `Meaning ${i}`]] as const);
  const bytes = await makeAnki21bApkg({ notes, cards: notes.map(([id]) => [id, 0] as const), decks: [[2001, 'Big course']], deckOf: () => 2001 });
  await chooseImportFile(page, 'big.apkg', Buffer.from(bytes));
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was added.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preview: Big course' })).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.goto('./#/');
  await expect(page.getByRole('article', { name: 'Big course' })).toHaveCount(0);
});

test('deleting a course deletes its subdecks, which the question names first', async ({ page }) => {
  await chooseImportFile(page, 'course.apkg', Buffer.from(await makeAnki21bApkg(course)));
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Course”?' });
  await expect(dialog.getByRole('list', { name: 'Its 2 subdecks go with it:' }).getByRole('listitem')).toHaveText(['Week 1', 'Week 2']);
  // Anki's three reviews of the ATP card are in Week 1: they are counted with the parent.
  await expect(dialog).toContainText('This also deletes 3 reviews and the progress of');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete deck' }).click();
  await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
  for (const name of ['Course', 'Week 1', 'Week 2']) await expect(page.getByRole('article', { name })).toHaveCount(0);
  await page.goto('./#/deck/user.course-week-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Deck not found' })).toBeVisible();
});
