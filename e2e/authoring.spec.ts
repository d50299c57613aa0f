import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LAYOUT_PAYLOADS, XSS_PAYLOADS } from './fixtures/xss-corpus';
import { expectInertCard, installXssTripwire } from './fixtures/xss-tripwire';
import { importDeck } from './import-helpers';
import { answer, gradeButton, question } from './helpers';

const front = (page: Page) => page.getByLabel('Front', { exact: true });
const back = (page: Page) => page.getByLabel('Back', { exact: true });
const saveKey = 'Control+Enter';

/** Creates a deck through "New deck" and waits for its editor. */
async function newDeck(page: Page, title: string, description = 'Written in the app'): Promise<void> {
  await page.goto('./');
  await page.getByRole('link', { name: 'New deck' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit “${title}”` })).toBeVisible();
}

/** Writes a card with the keyboard only: type, Tab, type, Ctrl+Enter. */
async function typeCard(page: Page, frontText: string, backText: string): Promise<void> {
  await front(page).focus();
  await page.keyboard.insertText(frontText);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText(backText);
  await page.keyboard.press(saveKey);
  await expect(front(page)).toHaveValue('');
  await expect(front(page)).toBeFocused();
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([]);
}

test('create a deck, add cards by keyboard, study them, and edit a card mid-session without losing its state', async ({ page }) => {
  await newDeck(page, 'Networks');
  await typeCard(page, 'What is **TCP**?', 'A *reliable* byte stream');
  // The preview is the study screen's Markdown.
  await front(page).fill('What is `UDP`?');
  await expect(page.getByRole('region', { name: 'Front preview' }).locator('code')).toHaveText('UDP');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('Datagrams, no delivery promise');
  await page.getByRole('combobox', { name: 'Tags' }).fill('transport');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Tags on this card' })).toContainText('transport');
  await page.keyboard.press(saveKey);
  await expect(front(page)).toHaveValue('');

  // Same front as an existing card: a warning, not a refusal.
  await front(page).fill('What is **TCP**?');
  await expect(page.getByText('Another card in this deck has the same front')).toBeVisible();
  await front(page).fill('What is IP?');
  await expect(page.getByText('Another card in this deck has the same front')).toHaveCount(0);
  await back(page).fill('Addressing and routing');
  await page.keyboard.press(saveKey);
  await expect(page.getByText('Cards 1–3 of 3')).toBeVisible();

  // Esc with something typed asks first; keeping on editing keeps the text.
  await front(page).fill('half-written');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Discard your changes?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(front(page)).toHaveValue('half-written');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(front(page)).toHaveValue('');

  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page)).toContainText('What is TCP?');
  await expect(question(page).locator('strong')).toHaveText('TCP');
  await page.keyboard.press('Space');
  await expect(answer(page)).toContainText('A reliable byte stream');
  await page.keyboard.press('3');
  await expect(question(page)).toContainText('What is UDP?');
  await page.keyboard.press('Space');
  await expect(answer(page)).toBeVisible();
  const intervals = await page.getByRole('group', { name: 'How well did you know it?' }).innerText();

  // E opens the editor over the current card; saving returns to the same card, still revealed,
  // with the same intervals on offer.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit card' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Front', { exact: true })).toHaveValue('What is `UDP`?');
  await dialog.getByLabel('Back', { exact: true }).fill('Datagrams: fire and forget');
  await page.keyboard.press(saveKey);
  await expect(dialog).toBeHidden();
  await expect(answer(page)).toContainText('What is UDP?');
  await expect(answer(page)).toContainText('Datagrams: fire and forget');
  expect(await page.getByRole('group', { name: 'How well did you know it?' }).innerText()).toBe(intervals);
  await gradeButton(page, 'Good').click();
  await expect(question(page)).toContainText('What is IP?');

  // Editing a studied card in the deck editor keeps its progress: two cards learning, one new.
  await page.goto('./');
  const tile = page.getByRole('article', { name: 'Networks' });
  await expect(tile.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('1');
  await tile.getByRole('link', { name: 'Networks', exact: true }).click();
  await page.getByRole('link', { name: 'Edit cards' }).click();
  await page.getByRole('button', { name: 'Edit What is TCP?' }).click();
  await front(page).fill('What does TCP stand for?');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('heading', { name: 'New card' })).toBeVisible();
  await page.goto('./');
  await expect(tile.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('1');
  await expect(tile.locator('.deck-counts__item').filter({ hasText: 'Learning' }).locator('dd')).toHaveText('2');
});

test('bulk add 200 cards with every rejected line listed, delete one with its review count, export and import the deck file', async ({ page, browser }) => {
  await newDeck(page, 'Capitals');
  const lines = Array.from({ length: 200 }, (_, i) => `Capital ${i + 1}? :: City ${i + 1} :: geo`);
  lines.splice(10, 0, 'no separator on this line');
  lines.splice(50, 0, ' :: an empty front');
  await page.getByLabel(/One card per line/).fill(lines.join('\n'));
  await expect(page.getByText('200 cards to add')).toBeVisible();
  const rejected = page.getByTestId('bulk-rejected');
  await expect(rejected).toContainText('2 lines are not added');
  await expect(rejected).toContainText('Line 11: no " :: " between the front and the back');
  await expect(rejected).toContainText('Line 51: the front is empty');
  await page.getByRole('button', { name: 'Add 200 cards' }).click();
  await expect(page.getByText('200 cards added.')).toBeVisible();
  await expect(page.getByText('Cards 1–50 of 200')).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Cards 51–100 of 200')).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();

  // Reorder: the second card moves up to the top.
  await page.getByRole('button', { name: 'Move Capital 2? up' }).click();
  await expect(page.locator('.card-list__front').first()).toHaveText('Capital 2?');

  // Study one, then delete it: the confirmation says its review goes with it.
  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page)).toContainText('Capital 2?');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(question(page)).toContainText('Capital 1?');
  await page.goBack();
  await page.getByRole('button', { name: 'Delete Capital 2?' }).click();
  await expect(page.getByTestId('delete-card-consequence')).toHaveText(/Its 1 review goes with it/);
  await page.getByRole('button', { name: 'Delete card' }).click();
  await expect(page.getByText('Cards 1–50 of 199')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as deck file' }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text) as { schemaVersion: number; id: string; title: string; cards: { id: string; front: string; tags?: string[] }[] };
  expect(download.suggestedFilename()).toBe(`${file.id}.json`);
  expect(file).toMatchObject({ schemaVersion: 1, title: 'Capitals' });
  expect(file.id).toMatch(/^capitals-[a-z0-9]+$/);
  expect(file.cards).toHaveLength(199);
  expect(file.cards[0]).toMatchObject({ front: 'Capital 1?', tags: ['geo'] });

  // Imported into another browser profile, it is the same deck with the same card ids.
  const other = await browser.newContext();
  const second = await other.newPage();
  await importDeck(second, `${file.id}.json`, text, 'Capitals');
  await expect(second.getByText('199 cards', { exact: true })).toBeVisible();
  const reexporting = second.waitForEvent('download');
  await second.getByRole('button', { name: 'Export JSON' }).click();
  expect(readFileSync((await (await reexporting).path())!, 'utf8')).toBe(text);
  await other.close();
});

test('the XSS corpus typed into the editor renders inert in the preview', async ({ page, isMobile }) => {
  const tripwire = await installXssTripwire(page);
  await newDeck(page, 'Hostile');
  for (const payload of isMobile ? LAYOUT_PAYLOADS : XSS_PAYLOADS) {
    await front(page).fill(payload.markdown);
    await back(page).fill(payload.markdown);
    const preview = page.getByRole('region', { name: 'Front preview' });
    await expect(preview).toContainText(payload.readable.slice(0, 200));
    await expectInertCard(preview);
    await expectInertCard(page.getByRole('region', { name: 'Back preview' }));
  }
  // One saved, so the card list and the study screen show it too.
  await page.keyboard.press(saveKey);
  await expect(page.getByText('Cards 1–1 of 1')).toBeVisible();
  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page)).toBeVisible();
  await expectInertCard(page.locator('.study'));
  await tripwire.expectNothingRan();
});

test('the editor screens have no axe violations', async ({ page }) => {
  await page.goto('./#/new-deck');
  await expect(page.getByRole('heading', { level: 1, name: 'New deck' })).toBeVisible();
  await expectNoAxeViolations(page, 'new deck');
  await newDeck(page, 'Axe');
  await typeCard(page, 'A **bold** front', 'A back');
  await front(page).fill('Being typed');
  await page.getByLabel(/One card per line/).fill('a :: b\nbroken');
  await expect(page.getByText('1 card to add')).toBeVisible();
  await expectNoAxeViolations(page, 'deck editor with a card, a draft and a bulk preview');
  await page.getByRole('button', { name: 'Delete A bold front' }).click();
  await expect(page.getByTestId('delete-card-consequence')).toHaveText(/no reviews yet/);
  await expectNoAxeViolations(page, 'delete confirmation');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page)).toBeVisible();
  await page.getByRole('button', { name: /Edit card/ }).click();
  await expect(page.getByRole('dialog', { name: 'Edit card' }).getByLabel('Front', { exact: true })).toHaveValue('A **bold** front');
  await expectNoAxeViolations(page, 'edit card over the study screen');
});
