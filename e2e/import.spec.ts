import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chooseImportFile, expectInertCard, forbidDialogs, importDeck, XSS_BACK, XSS_FRONT } from './import-helpers';

const TSV = 'perro\tdog\ngato\tcat\npájaro\tbird\n';
const MARKDOWN = '# Cell biology\nOrganelles.\n\n## What does the mitochondrion do?\nMakes **ATP**.\n\n## Ribosome\nBuilds proteins.\n';
const JSON_DECK = JSON.stringify({
  schemaVersion: 1,
  id: 'capitals',
  title: 'Capitals',
  description: 'Countries and capitals',
  cards: [
    { id: 'fr', front: 'France', back: 'Paris' },
    { id: 'de', front: 'Germany', back: 'Berlin' },
  ],
});

test.describe('importing decks', () => {
  test('a TSV shows its preview, lets the delimiter be changed, then studies as my deck', async ({ page }) => {
    await chooseImportFile(page, 'Spanish animals.tsv', TSV);
    await expect(page.getByRole('heading', { name: 'Preview: Spanish animals' })).toBeVisible();
    await expect(page.getByTestId('preview-card-count')).toHaveText('3');
    await expect(page.getByRole('cell', { name: 'pájaro' })).toBeVisible();
    await expect(page.getByLabel('Delimiter')).toHaveValue('\t');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // Splitting on commas instead leaves one column per row: every row is reported, nothing can be added.
    await page.getByLabel('Delimiter').selectOption({ label: 'Comma' });
    await expect(page.getByRole('alert')).toContainText('Spanish animals.tsv: line 1: only one column');
    await page.getByLabel('Delimiter').selectOption({ label: 'Tab' });
    await expect(page.getByTestId('preview-card-count')).toHaveText('3');

    await page.getByRole('button', { name: 'Add to my decks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Spanish animals' })).toBeVisible();
    await page.goto('./');
    const tile = page.getByRole('article', { name: 'Spanish animals' });
    await expect(tile).toContainText('Your deck');
    await tile.getByRole('link', { name: 'Study Spanish animals' }).click();
    await expect(page.getByRole('region', { name: 'Question' })).toContainText('perro');
  });

  test('a Markdown deck and a deck JSON file import through the same screen', async ({ page }) => {
    await importDeck(page, 'cells.md', MARKDOWN, 'Cell biology');
    await expect(page.getByText('2 cards', { exact: true })).toBeVisible();
    await importDeck(page, 'capitals.json', JSON_DECK, 'Capitals');
    await page.goto('./#/deck/user.capitals/study');
    await expect(page.getByRole('region', { name: 'Question' })).toContainText('France');
  });

  test('a broken file explains itself and adds nothing', async ({ page }) => {
    await chooseImportFile(page, 'broken.csv', 'front,back\n"unclosed,quote\n');
    await expect(page.getByRole('alert')).toContainText('broken.csv: line 2: a quoted field is never closed');
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    await page.getByLabel('Deck file').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion":1,"id":"x","title":"X","description":"","cards":[{"id":"a","front":"A"}]}') });
    await expect(page.getByRole('alert')).toContainText('deck.json: card 1 (id "a"): field "back" is missing');
    await page.goto('./');
    await expect(page.getByText('Your deck', { exact: true })).toHaveCount(0);
  });

  test('importing the same file again updates the deck in place and keeps progress', async ({ page }) => {
    await importDeck(page, 'animals.tsv', TSV, 'animals');
    await page.goto('./#/deck/user.animals/study');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /^Easy:/ }).click();
    await expect(page.getByRole('region', { name: 'Question' })).toContainText('gato');

    await chooseImportFile(page, 'animals.tsv', 'perro\tdog (fixed)\ngato\tcat\npájaro\tbird\nvaca\tcow\n');
    await expect(page.getByText('update your deck “animals” in place: 1 new, 1 changed, 2 unchanged, 0 removed')).toBeVisible();
    await page.getByRole('button', { name: 'Update my deck' }).click();
    await expect(page).toHaveURL(/#\/deck\/user\.animals$/);
    await expect(page.getByText('4 cards', { exact: true })).toBeVisible();
    // "perro" was reviewed (Easy, days away), so only the three others are new.
    await expect(page.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('3');
  });

  test('rename, then delete after a confirmation that counts the reviews', async ({ page }) => {
    await importDeck(page, 'animals.tsv', TSV, 'animals');
    await page.goto('./#/deck/user.animals/study');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /^Good:/ }).click();
    await page.goto('./#/deck/user.animals');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Animals in Spanish');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Animals in Spanish' })).toBeVisible();

    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Animals in Spanish”?' });
    await expect(dialog).toContainText('This also deletes 1 review and the progress of 1 card.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete deck' }).click();
    await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Animals in Spanish' })).toHaveCount(0);
  });

  test('hostile card content from an imported file never runs', async ({ page }) => {
    const dialogs = forbidDialogs(page);
    const hostile = JSON.stringify({ schemaVersion: 1, id: 'hostile', title: 'Hostile <img src=x onerror=alert(8)>', description: '<script>alert(9)</script>', cards: [{ id: 'x', front: XSS_FRONT, back: XSS_BACK }] });
    await chooseImportFile(page, 'hostile.json', hostile);
    await expect(page.getByTestId('preview-card-count')).toHaveText('1');
    await page.getByRole('button', { name: 'Add to my decks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Hostile/ })).toBeVisible();
    await expectInertCard(page, 'user.hostile');
    const csv = `"${XSS_FRONT.replaceAll('"', '""')}","${XSS_BACK.replaceAll('"', '""')}"\n`;
    await importDeck(page, 'hostile.csv', csv, 'hostile');
    await page.goto('./');
    expect(dialogs).toEqual([]);
  });
});
