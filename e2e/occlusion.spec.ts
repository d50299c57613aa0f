import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { IMAGE_OCCLUSION_CARDS, IMAGE_OCCLUSION_MEDIA, IMAGE_OCCLUSION_NOTES, makeAnki21bApkg } from '../scripts/apkg-fixtures.mjs';
import { answer, gradeButton, question, studyNewSiblingsTogether } from './helpers';
import { chooseImportFile } from './import-helpers';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The masks drawn on one side, as [ordinal, state]. */
const masksOf = (side: ReturnType<typeof question>) =>
  side.locator('svg [data-state]').evaluateAll((shapes) => shapes.map((s) => [s.getAttribute('data-ordinal'), s.getAttribute('data-state')]));

const fillOf = (side: ReturnType<typeof question>, state: string) => side.locator(`svg [data-state="${state}"]`).first().evaluate((s) => getComputedStyle(s).fill);

test('an Anki Image Occlusion package imports and studies as masks over its image, front and back', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|style-src/.test(message.text())) cspErrors.push(message.text());
  });
  const apkg = await makeAnki21bApkg({ notes: IMAGE_OCCLUSION_NOTES, cards: IMAGE_OCCLUSION_CARDS, media: IMAGE_OCCLUSION_MEDIA, decks: [[2001, 'Anatomy']] });
  await chooseImportFile(page, 'anatomy.apkg', Buffer.from(apkg));
  // The package is read in a worker with SQLite's WebAssembly: slow on a loaded machine.
  await expect(page.getByRole('heading', { name: 'Preview: Anatomy' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anatomy' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('5 cards', { exact: true })).toBeVisible();

  // The occlusions of one note are siblings, a day apart by default: studied together here.
  await studyNewSiblingsTogether(page);
  await page.goto('./#/deck/user.anatomy/study');
  // Hide all, guess one: card c1 masks all three regions (c3 is two shapes) and highlights c1.
  await expect(question(page)).toContainText('Parts of the heart');
  const front = question(page).getByRole('img', { name: 'Image with 3 masked regions; region 1 is the question' });
  await expect(front).toBeVisible();
  await expect(front.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => front.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  expect(await masksOf(question(page))).toEqual([
    ['1', 'asked'],
    ['2', 'masked'],
    ['3', 'masked'],
    ['3', 'masked'],
  ]);
  expect(await fillOf(question(page), 'asked')).not.toBe(await fillOf(question(page), 'masked'));
  // Nothing of Anki's template reaches the card: no raw field text, no second image, no button.
  await expect(page.locator('main')).not.toContainText('image-occlusion:');
  await expect(page.locator('main')).not.toContainText('Toggle Masks');
  await expect(question(page).locator('img')).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(answer(page).getByRole('img', { name: 'Image with 2 masked regions; region 1, the answer, is revealed' })).toBeVisible();
  expect(await masksOf(answer(page))).toEqual([
    ['1', 'revealed'],
    ['2', 'masked'],
    ['3', 'masked'],
    ['3', 'masked'],
  ]);
  expect(await fillOf(answer(page), 'revealed')).toBe('none');
  await expect(answer(page)).toContainText('From the atlas');
  expect(await axeViolations(page)).toEqual([]);

  // The grouped question: both c3 shapes are asked at once.
  await gradeButton(page, 'Easy').click();
  await expect(question(page).getByRole('img', { name: /region 2 is the question/ })).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, 'Easy').click();
  await expect(question(page).getByRole('img', { name: /region 3 is the question/ })).toBeVisible();
  expect((await masksOf(question(page))).filter(([, state]) => state === 'asked')).toEqual([
    ['3', 'asked'],
    ['3', 'asked'],
  ]);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, 'Easy').click();

  // Hide one, guess one: only the asked region is masked, in dark mode too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(question(page).getByRole('img', { name: 'Image with 1 masked region; region 1 is the question' })).toBeVisible();
  expect(await masksOf(question(page))).toEqual([['1', 'asked']]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Show answer/ }).click();
  expect(await masksOf(answer(page))).toEqual([['1', 'revealed']]);
  expect(await axeViolations(page)).toEqual([]);
  expect(cspErrors).toEqual([]);
});
