import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, c3Deck, gradeButton, tileCount } from './helpers';
import { makeLegacyApkg } from '../scripts/apkg-fixtures.mjs';
import { importDeck } from './import-helpers';

/** Clicks a download button and returns the downloaded file's text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

async function studyOne(page: Page, deckId: string, grade: 'Good' | 'Again' | 'Easy') {
  await page.goto(`./#/deck/${encodeURIComponent(deckId)}/study`);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, grade).click();
  await expect(page.getByText(/Saving/)).toHaveCount(0);
}

async function counts(page: Page, title: string) {
  await page.goto('./');
  await expect(page.getByRole('article', { name: title }).locator('.deck-counts')).toBeVisible();
  return [await tileCount(page, 'New', title), await tileCount(page, 'Learning', title), await tileCount(page, 'Due', title)];
}

test('back up, clear the site data, restore: the same decks, counts and review log', async ({ page, context }) => {
  await importDeck(page, 'animals.tsv', 'perro\tdog\ngato\tcat\n', 'animals');
  await importDeck(page, 'biology.apkg', Buffer.from(await makeLegacyApkg()), 'Biology / Cells');
  await studyOne(page, 'user.animals', 'Good');
  await studyOne(page, C3_DECK_ID, 'Again');
  await studyOne(page, C3_DECK_ID, 'Easy');
  const before = { c3: await counts(page, c3Deck.title), animals: await counts(page, 'animals') };

  await page.goto('./#/backup');
  // The backup screen is a lazy chunk: check it once it has rendered, not the loading line before it.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const backup = await download(page, 'Download backup');
  expect(backup.name).toMatch(/^flipdeck-backup-\d{4}-\d\d-\d\d\.json$/);
  const logBefore = await download(page, 'Download review log (CSV for the FSRS optimizer)');
  expect(logBefore.text.split('\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
  expect(logBefore.text.trim().split('\n')).toHaveLength(4);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' });
  await page.goto('./');
  await page.reload();
  await expect(page.getByRole('article', { name: 'animals' })).toHaveCount(0);
  expect(await counts(page, c3Deck.title)).toEqual([c3Deck.cards.length, 0, 0]);

  await page.goto('./#/backup');
  await page.getByLabel('Backup file').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await expect(page.getByTestId('restore-preview')).toContainText('2 deck(s) added, 0 updated, 0 kept as they are here (newer here), with 1 image(s)');
  await expect(page.getByTestId('restore-preview')).toContainText('3 review(s) added, 0 already here');
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();

  expect({ c3: await counts(page, c3Deck.title), animals: await counts(page, 'animals') }).toEqual(before);
  await page.goto('./#/deck/user.biology-cells/study');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).locator('img')).toHaveAttribute('src', /^blob:/);
  await page.goto('./#/backup');
  expect((await download(page, 'Download review log (CSV for the FSRS optimizer)')).text).toBe(logBefore.text);

  // Restoring the same file again is a merge that finds nothing new.
  await page.getByLabel('Backup file').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await expect(page.getByTestId('restore-preview')).toContainText('0 review(s) added, 3 already here');
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  expect({ c3: await counts(page, c3Deck.title), animals: await counts(page, 'animals') }).toEqual(before);
  await page.goto('./#/backup');
  expect((await download(page, 'Download review log (CSV for the FSRS optimizer)')).text).toBe(logBefore.text);
});

test('a damaged backup is refused with the row and field, and changes nothing', async ({ page }) => {
  await studyOne(page, C3_DECK_ID, 'Good');
  await page.goto('./#/backup');
  const backup = JSON.parse((await download(page, 'Download backup')).text) as { events: { kind: string; rating?: string }[] };
  backup.events.find((event) => event.kind === 'review')!.rating = 'superb';
  await page.getByLabel('Backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.getByRole('alert')).toContainText(/broken\.json: events item \d+/);
  await expect(page.getByRole('alert')).toContainText('field "rating" expected one of again, hard, good, easy');
  await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
  expect(await counts(page, c3Deck.title)).toEqual([c3Deck.cards.length - 1, 1, 0]);
});

test('a backup over the size limit is refused by its size, before it is read, and changes nothing', async ({ page }) => {
  await studyOne(page, C3_DECK_ID, 'Good');
  // 300 MB of nothing on disk (a sparse file): the refusal must come from the size alone.
  const dir = await mkdtemp(join(tmpdir(), 'flipdeck-e2e-'));
  const path = join(dir, 'huge-backup.json');
  await writeFile(path, '');
  await truncate(path, 300 * 1024 * 1024);
  try {
    await page.goto('./#/backup');
    await page.getByLabel('Backup file').setInputFiles(path);
    await expect(page.getByRole('alert')).toContainText('huge-backup.json: the file is 300 MB; the largest backup Flipdeck can restore is 256 MB');
    await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(await counts(page, c3Deck.title)).toEqual([c3Deck.cards.length - 1, 1, 0]);
});

test('a deck exports as CSV and JSON that import back', async ({ page }) => {
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toBe(`${C3_DECK_ID}.csv`);
  expect(csv.text.split('\r\n')[0]).toBe('front,back,tags');
  const json = await download(page, 'Export JSON');
  expect(JSON.parse(json.text)).toMatchObject({ id: C3_DECK_ID, title: c3Deck.title });
  await importDeck(page, json.name, json.text, c3Deck.title);
  await expect(page).toHaveURL(new RegExp(`#/deck/user\\.${C3_DECK_ID}$`));
  await expect(page.getByText(`${c3Deck.cards.length} cards`, { exact: true })).toBeVisible();
});
