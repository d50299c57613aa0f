import { deflateRawSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { gradeButton } from './helpers';
import { expectInertCard, forbidDialogs, importDeck, XSS_BACK, XSS_FRONT } from './import-helpers';

/** A share-link payload made outside the app: version "1" + base64url(raw DEFLATE(deck JSON)). */
const payloadOf = (deck: unknown) => `1${deflateRawSync(Buffer.from(JSON.stringify(deck))).toString('base64url')}`;

const LECTURE = Array.from({ length: 12 }, (_, i) => `Term ${i + 1}\tDefinition number ${i + 1}`).join('\n');

test('a deck shared by link opens in a fresh browser, is added, studied, and re-adding keeps progress', async ({ page, browser }) => {
  await importDeck(page, 'Lecture 3.tsv', LECTURE, 'Lecture 3');
  await page.getByRole('button', { name: 'Share by link' }).click();
  const link = page.getByLabel('Link to this deck');
  await expect(link).toHaveValue(/#\/shared\/1[A-Za-z0-9_-]+$/);
  await expect(page.getByText(/of 16,000 characters\); no server sees it/)).toBeVisible();
  const url = await link.inputValue();

  const student = await browser.newContext();
  const studentPage = await student.newPage();
  const requests: string[] = [];
  studentPage.on('request', (request) => requests.push(request.url()));
  await studentPage.goto(url);
  await expect(studentPage.getByRole('heading', { name: 'Preview: Lecture 3' })).toBeVisible();
  await expect(studentPage.getByTestId('preview-card-count')).toHaveText('12');
  expect((await new AxeBuilder({ page: studentPage }).analyze()).violations).toEqual([]);
  await studentPage.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(studentPage.getByRole('heading', { level: 1, name: 'Lecture 3' })).toBeVisible();
  await studentPage.goto('./#/deck/user.lecture-3/study');
  await expect(studentPage.getByRole('region', { name: 'Question' })).toContainText('Term 1');
  await studentPage.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(studentPage, 'Easy').click();
  await expect(studentPage.getByRole('region', { name: 'Question' })).toContainText('Term 2');

  await studentPage.goto(url);
  await expect(studentPage.getByText('update your deck “Lecture 3” in place: 0 new, 0 changed, 12 unchanged, 0 removed')).toBeVisible();
  await studentPage.getByRole('button', { name: 'Update my deck' }).click();
  await expect(studentPage.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('11');
  // The fragment never leaves the browser: no request carried the payload.
  expect(requests.filter((r) => r.includes('/shared/'))).toEqual([]);
  await student.close();
});

test('a deck too large for a link says so and offers a file instead', async ({ page }) => {
  const noisy = Array.from({ length: 900 }, (_, i) => `q${i} ${Math.sin(i).toString(36)}\t${Math.cos(i).toString(36)} ${Math.tan(i).toString(36)}`).join('\n');
  await importDeck(page, 'big.tsv', noisy, 'big');
  await page.getByRole('button', { name: 'Share by link' }).click();
  await expect(page.getByText(/This deck is too large for a link: it needs [\d,]+ characters and a link holds at most 16,000/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as a file' }).click()]);
  expect(download.suggestedFilename()).toBe('big.json');
});

test('a damaged link explains itself and adds nothing', async ({ page }) => {
  const good = payloadOf({ schemaVersion: 1, id: 'x', title: 'X', description: '', cards: [{ id: 'a', front: 'q', back: 'a' }] });
  await page.goto(`./#/shared/${good.slice(0, good.length - 8)}`);
  await expect(page.getByRole('alert')).toContainText('shared link: the link is incomplete or damaged');
  await page.goto(`./#/shared/${payloadOf({ schemaVersion: 1, id: 'x', title: 'X', description: '', cards: [] })}`);
  await expect(page.getByRole('alert')).toContainText('shared link: field "cards" must contain at least one card');
  await page.goto('./');
  await expect(page.getByText('Your deck', { exact: true })).toHaveCount(0);
});

test('hostile content in a shared link never runs', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const hostile = { schemaVersion: 1, id: 'evil', title: '<img src=x onerror=alert(1)>Evil', description: '<script>alert(2)</script>', cards: [{ id: 'x', front: XSS_FRONT, back: XSS_BACK }] };
  await page.goto(`./#/shared/${payloadOf(hostile)}`);
  await expect(page.getByTestId('preview-card-count')).toHaveText('1');
  await expect(page.locator('main img, main script')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Evil/ })).toBeVisible();
  await expectInertCard(page, 'user.evil');
  expect(dialogs).toEqual([]);
});
