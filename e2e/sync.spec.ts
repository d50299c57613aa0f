/**
 * Sync between a phone and a laptop (two browser contexts) through the real sync server, started
 * here with a build of the app that names it (FLIPDECK_SYNC_URL is read at build time).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C3_DECK_ID, gradeButton, question, tileCount } from './helpers';
import { startStaticServer, type SwitchableServer } from './static-server';

const ROOT = new URL('..', import.meta.url).pathname;
let work = '';
let syncPort = 0;
let app: SwitchableServer | null = null;
let server: ChildProcess | null = null;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

/** Starts the sync server process on syncPort with its data in `work`; resolves once it listens. */
async function startSyncServer(): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'sync-server/build/sync-server/src/main.js')], {
    env: { ...process.env, PORT: String(syncPort), FLIPDECK_SYNC_DATA: join(work, 'sync-data'), FLIPDECK_SYNC_STORE_DEBOUNCE_MS: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`The sync server exited:\n${output}`)));
  });
  server = child;
}

async function stopSyncServer(): Promise<void> {
  const child = server;
  server = null;
  if (child === null || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// Playwright reads the fixtures a hook asks for from its first parameter: this one asks for none.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== 'desktop') return;
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'flipdeck-sync-e2e-'));
  syncPort = await freePort();
  const built = spawnSync('npx', ['vite', 'build', '--outDir', join(work, 'dist'), '--emptyOutDir'], { cwd: ROOT, env: { ...process.env, FLIPDECK_SYNC_URL: `ws://127.0.0.1:${syncPort}` }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The sync build failed:\n${built.stdout}${built.stderr}`);
  const server = spawnSync('npm', ['run', 'build:sync-server'], { cwd: ROOT, encoding: 'utf8' });
  if (server.status !== 0) throw new Error(`The sync server did not build:\n${server.stdout}${server.stderr}`);
  await startSyncServer();
  app = await startStaticServer(join(work, 'dist'));
});

test.afterAll(async () => {
  await stopSyncServer();
  await app?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const open = async (browser: Browser, kind: 'phone' | 'laptop'): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext(kind === 'phone' ? { ...devices['Pixel 7'] } : { ...devices['Desktop Chrome'] });
  const page = await context.newPage();
  return { context, page };
};

const badge = (page: Page) => page.getByRole('banner').getByRole('status');

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), where).toEqual([]);
}

/** Grades the first card of the C3 deck's session Good. */
async function studyOne(page: Page, rating: 'Good' | 'Easy' = 'Good'): Promise<void> {
  await page.goto(`${app!.url}#/deck/${C3_DECK_ID}/study`);
  await expect(question(page)).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, rating).click();
  await expect(page.getByText('All grades saved')).toBeVisible();
}

/** The events in the app's own database: what "nothing doubled" is counted on. */
const eventCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('flipdeck');
        request.onsuccess = () => {
          const count = request.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );

async function deckCounts(page: Page) {
  await page.goto(app!.url);
  return { isNew: await tileCount(page, 'New'), learning: await tileCount(page, 'Learning'), due: await tileCount(page, 'Due') };
}

test('a laptop linked from the phone merges offline work from both, renames, undo, settings, a new deck and its deletion, and an imported deck reach the other', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'The two devices are two contexts of one run.');
  const phone = await open(browser, 'phone');
  const laptop = await open(browser, 'laptop');

  // The phone turns sync on and shows its link.
  await phone.page.goto(`${app!.url}#/settings`);
  await phone.page.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(badge(phone.page)).toHaveText('Synced', { timeout: 20_000 });
  await phone.page.getByRole('button', { name: 'Link another device' }).click();
  await expect(phone.page.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
  const link = await phone.page.getByLabel('Sync link').inputValue();
  expect(new URL(link).hash).toMatch(/^#\/sync\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(phone.page, 'Settings → Sync with the link shown');

  // The laptop studied before it was linked; the join screen says what will be merged.
  await studyOne(laptop.page);
  await laptop.page.goto(link);
  await expect(laptop.page.getByText(/This device's progress \(1 review, 1 changes in all\) will be merged/)).toBeVisible();
  await expectNoAxeViolations(laptop.page, 'the join screen');
  await laptop.page.getByRole('button', { name: 'Join and merge' }).click();
  await expect(laptop.page).toHaveURL(/#\/settings$/);
  await expect(badge(laptop.page)).toHaveText('Synced', { timeout: 20_000 });

  // Devices by name: the browser's by default, renamed on the laptop, and the phone sees the new name.
  const devicesList = (page: Page) => page.getByRole('list', { name: 'Devices in this space' });
  await expect(devicesList(laptop.page)).toContainText('Chrome on Windows (this device)');
  await expect(devicesList(laptop.page)).toContainText('Chrome on Android, last synced');
  await laptop.page.getByLabel("This device's name").fill('Laptop');
  await laptop.page.getByRole('button', { name: 'Rename' }).click();
  await expect(devicesList(laptop.page)).toContainText('Laptop (this device)');
  await expect(devicesList(phone.page)).toContainText('Laptop, last synced', { timeout: 20_000 });
  await expectNoAxeViolations(laptop.page, 'Settings → Sync with the devices');

  // Offline (the server is down): each studies, both study the first card of the deck.
  await stopSyncServer();
  await studyOne(phone.page, 'Easy');
  await studyOne(laptop.page);
  await expect(badge(phone.page)).toHaveText(/Offline/, { timeout: 20_000 });

  // Back online: both end with every review from both devices, once.
  await startSyncServer();
  await expect(badge(phone.page)).toHaveText('Synced', { timeout: 30_000 });
  await expect(badge(laptop.page)).toHaveText('Synced', { timeout: 30_000 });
  await expect.poll(() => eventCount(phone.page), { timeout: 20_000 }).toBe(3);
  await expect.poll(() => eventCount(laptop.page), { timeout: 20_000 }).toBe(3);
  expect(await deckCounts(laptop.page)).toEqual(await deckCounts(phone.page));

  // Undo on the laptop reaches the phone: its counts go back to what they were before the grade.
  const beforeGrade = await deckCounts(phone.page);
  await laptop.page.goto(`${app!.url}#/deck/${C3_DECK_ID}/study`);
  await expect(question(laptop.page)).toBeVisible();
  await laptop.page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(laptop.page, 'Good').click();
  await expect(laptop.page.getByText('All grades saved')).toBeVisible();
  await expect.poll(() => eventCount(phone.page), { timeout: 20_000 }).toBe(4);
  await laptop.page.keyboard.press('Control+z');
  await expect.poll(() => eventCount(phone.page), { timeout: 20_000 }).toBe(5);
  expect(await deckCounts(phone.page)).toEqual(beforeGrade);
  expect(await deckCounts(laptop.page)).toEqual(beforeGrade);

  // A settings change on the phone reaches the laptop.
  await phone.page.goto(`${app!.url}#/settings`);
  await phone.page.getByLabel('Desired retention').fill('0.85');
  await phone.page.getByRole('button', { name: 'Save for all decks' }).click();
  await expect.poll(
    async () => {
      await laptop.page.goto(`${app!.url}#/settings`);
      await laptop.page.reload();
      return laptop.page.getByLabel('Desired retention').inputValue();
    },
    { timeout: 30_000 },
  ).toBe('0.85');

  // A deck written on the laptop appears in the phone's open deck list, and studies there.
  await phone.page.goto(app!.url);
  await expect(phone.page.getByRole('article').first()).toBeVisible();
  await laptop.page.goto(app!.url);
  await laptop.page.getByRole('link', { name: 'New deck' }).click();
  await laptop.page.getByLabel('Title').fill('Networks');
  await laptop.page.getByRole('button', { name: 'Create deck' }).click();
  await expect(laptop.page.getByRole('heading', { level: 1, name: 'Edit “Networks”' })).toBeVisible();
  await laptop.page.getByLabel('Front', { exact: true }).fill('What is TCP?');
  await laptop.page.getByLabel('Back', { exact: true }).fill('A reliable byte stream');
  await laptop.page.keyboard.press('Control+Enter');
  await expect(laptop.page.getByLabel('Front', { exact: true })).toHaveValue('');
  const tile = phone.page.getByRole('article', { name: 'Networks' });
  await expect(tile).toBeVisible({ timeout: 30_000 });
  await expect(tile.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('1', { timeout: 30_000 });
  await tile.getByRole('link', { name: 'Study Networks' }).click();
  await expect(question(phone.page)).toContainText('What is TCP?');
  await phone.page.getByRole('button', { name: /Show answer/ }).click();
  await expect(phone.page.getByText('A reliable byte stream')).toBeVisible();
  await gradeButton(phone.page, 'Good').click();
  await expect(phone.page.getByText('All grades saved')).toBeVisible();

  // Deleted on the laptop, the deck leaves the phone's open deck list, studied card and all.
  const deckId = /#\/deck\/([^/]+)\//.exec(laptop.page.url())?.[1];
  expect(deckId).toBeDefined();
  await phone.page.goto(app!.url);
  await expect(phone.page.getByRole('article', { name: 'Networks' })).toBeVisible();
  await laptop.page.goto(`${app!.url}#/deck/${deckId}`);
  await laptop.page.getByRole('button', { name: 'Delete…' }).click();
  await laptop.page.getByRole('dialog').getByRole('button', { name: 'Delete deck' }).click();
  await expect(laptop.page.getByRole('article', { name: 'Networks' })).toHaveCount(0);
  await expect(phone.page.getByRole('article', { name: 'Networks' })).toHaveCount(0, { timeout: 30_000 });
  await expect(phone.page.getByRole('article').first()).toBeVisible();

  // A deck imported from a file on the phone appears on the laptop, as an imported deck, and studies there.
  await phone.page.goto(`${app!.url}#/import`);
  await phone.page.getByLabel('Deck file').setInputFiles({ name: 'capitals.csv', mimeType: 'text/plain', buffer: Buffer.from('France,Paris\nItaly,Rome\n') });
  await expect(phone.page.getByRole('heading', { name: 'Preview: capitals' })).toBeVisible();
  await phone.page.getByRole('button', { name: /Add to my decks/ }).click();
  await expect(phone.page.getByRole('heading', { level: 1, name: 'capitals' })).toBeVisible();
  await laptop.page.goto(app!.url);
  const imported = laptop.page.getByRole('article', { name: 'capitals' });
  await expect(imported).toBeVisible({ timeout: 30_000 });
  await expect(imported.locator('.deck-counts__item').filter({ hasText: 'New' }).locator('dd')).toHaveText('2', { timeout: 30_000 });
  await imported.getByRole('link', { name: 'Study capitals' }).click();
  await expect(question(laptop.page)).toContainText('France');
  await laptop.page.getByRole('button', { name: /Show answer/ }).click();
  await expect(laptop.page.getByText('Paris')).toBeVisible();

  await phone.context.close();
  await laptop.context.close();
});

test('one tab per device syncs: another tab says so and takes over when that tab closes', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'Runs on the sync build started for the desktop project.');
  const { context, page: first } = await open(browser, 'laptop');
  await first.goto(`${app!.url}#/settings`);
  await first.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(badge(first)).toHaveText('Synced', { timeout: 20_000 });

  const second = await context.newPage();
  await second.goto(`${app!.url}#/settings`);
  await expect(badge(second)).toHaveText('Syncing in another tab', { timeout: 20_000 });
  await expectNoAxeViolations(second, 'Settings → Sync in a tab that does not sync');

  await first.close();
  await expect(badge(second)).toHaveText('Synced', { timeout: 20_000 });
  await context.close();
});
