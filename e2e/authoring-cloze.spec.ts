import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { answer, gradeButton, question } from './helpers';

/*
 * A cloze written in the app studies as cloze: one card per number, the blank on the front and the
 * answer marked on the back, and rewording the note keeps each number's progress.
 */

const front = (page: Page) => page.getByLabel('Front', { exact: true });
const back = (page: Page) => page.getByLabel('Back', { exact: true });

async function select(textarea: Locator, words: string): Promise<void> {
  await textarea.evaluate((element, text) => {
    const area = element as HTMLTextAreaElement;
    const start = area.value.indexOf(text);
    area.focus();
    area.setSelectionRange(start, start + text.length);
  }, words);
}

test('write a cloze with c1 and c2 in the editor, study its blank and answer, and edit it without losing progress', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'New deck' }).click();
  await page.getByLabel('Title').fill('Containers');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit “Containers”' })).toBeVisible();

  // Make cloze: the shortcut wraps the selection with c1, the button the next with c2, and the
  // textarea's own undo takes a wrap back.
  await front(page).fill('Docker calls containerd, which calls runc.');
  await select(front(page), 'containerd');
  await page.keyboard.press('Control+Shift+C');
  await expect(front(page)).toHaveValue('Docker calls {{c1::containerd}}, which calls runc.');
  await select(front(page), 'runc');
  await page.getByRole('button', { name: /Make cloze/ }).click();
  await expect(front(page)).toHaveValue('Docker calls {{c1::containerd}}, which calls {{c2::runc}}.');
  await select(front(page), 'Docker');
  await page.keyboard.press('Control+Shift+C');
  await expect(front(page)).toHaveValue('{{c3::Docker}} calls {{c1::containerd}}, which calls {{c2::runc}}.');
  await page.keyboard.press('Control+Z');
  await expect(front(page)).toHaveValue('Docker calls {{c1::containerd}}, which calls {{c2::runc}}.');

  // The preview shows each card as study will: the front with its blank, the back with the answer.
  const frontPreview = page.getByRole('region', { name: 'Front preview' });
  const backPreview = page.getByRole('region', { name: 'Back preview' });
  await expect(frontPreview.getByRole('list', { name: '2 cards from this cloze' })).toBeVisible();
  await expect(frontPreview.locator('.cloze-blank')).toHaveText(['[…]', '[…]']);
  await expect(backPreview.locator('mark.cloze-answer')).toHaveText(['containerd', 'runc']);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Malformed cloze is refused, with where the problem is.
  const written = await front(page).inputValue();
  await front(page).fill('Docker calls {{c1::containerd');
  await expect(frontPreview).toContainText('line 1, column 14 is never closed');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByRole('alert')).toContainText('line 1, column 14 is never closed');
  await front(page).fill(written);
  await back(page).fill('Both follow the OCI specs.');
  await page.keyboard.press('Control+Enter');
  await expect(front(page)).toHaveValue('');
  await expect(page.getByText('Cloze: 2 cards')).toBeVisible();
  await expect(page.getByText('Cards 1–1 of 1; 2 to study, counting each cloze number')).toBeVisible();

  // Study: card 1 hides containerd and shows runc; its sibling waits until tomorrow.
  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page).locator('.cloze-blank')).toHaveText('[…]');
  await expect(question(page)).toContainText('which calls runc.');
  await page.keyboard.press('Space');
  await expect(answer(page).locator('mark.cloze-answer')).toHaveText('containerd');
  await expect(answer(page)).toContainText('Both follow the OCI specs.');
  const intervals = await page.getByRole('group', { name: 'How well did you know it?' }).innerText();

  // E edits the note behind the card; its answer stays revealed with the same intervals.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit card' });
  await expect(dialog.getByLabel('Front', { exact: true })).toHaveValue(written);
  await dialog.getByLabel('Front', { exact: true }).fill('Docker asks {{c1::containerd}}, which asks {{c2::runc}}.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(answer(page)).toContainText('Docker asks containerd');
  expect(await page.getByRole('group', { name: 'How well did you know it?' }).innerText()).toBe(intervals);
  await gradeButton(page, 'Good').click();
  await expect(page.getByText('All grades saved')).toBeVisible();

  // Adding c3 in the editor adds a card; the graded card keeps its progress (still learning).
  await page.goto('./');
  const tile = page.getByRole('article', { name: 'Containers', exact: true });
  const count = (label: string) => tile.locator('.deck-counts__item').filter({ hasText: label }).locator('dd');
  await expect(count('Learning')).toHaveText('1');
  await tile.getByRole('link', { name: 'Containers', exact: true }).click();
  await page.getByRole('link', { name: 'Edit cards' }).click();
  await page.getByRole('button', { name: /^Edit Docker asks/ }).click();
  await front(page).fill('Docker asks {{c1::containerd}}, which asks {{c2::runc}} for {{c3::namespaces}}.');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByText('Cloze: 3 cards')).toBeVisible();
  await page.goto('./');
  await expect(count('Learning')).toHaveText('1');
});

test('a new deck can sit under a parent deck of your own, and the picker never offers a subdeck as its parent', async ({ page }) => {
  for (const [title, parent] of [['Course', null], ['Week 1', 'Course']] as const) {
    await page.goto('./');
    await page.getByRole('link', { name: 'New deck' }).click();
    await page.getByLabel('Title').fill(title);
    if (parent !== null) await page.getByLabel('Parent deck').selectOption({ label: parent });
    await page.getByRole('button', { name: 'Create deck' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit “${title}”` })).toBeVisible();
  }
  await page.getByText('Title, description and parent deck').click();
  await expect(page.getByLabel('Parent deck')).toHaveValue(/^user\.course-/);
  await page.goto('./');
  await page.getByRole('article', { name: 'Course', exact: true }).getByRole('link', { name: 'Course', exact: true }).click();
  await page.getByRole('link', { name: 'Edit cards' }).click();
  await page.getByText('Title, description and parent deck').click();
  await expect(page.getByLabel('Parent deck').getByRole('option')).toHaveText(['None (a top-level deck)']);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
