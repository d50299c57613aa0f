import { expect, test, type Page } from '@playwright/test';
import { OLD_RELEASES, writeOldDatabase } from './fixtures/old-databases';
import { deleteDatabase, readProgress, type RawProgress } from './fixtures/raw-db';
import { deckTile, gradeButton, openStudy, tileCount } from './helpers';

/** A page on the app's origin that does not run the app, for handling IndexedDB directly. */
async function openBlankOnOrigin(page: Page): Promise<void> {
  await page.goto('./decks/index.json');
}

/** The IndexedDB version the current build opens its database at. */
async function currentIdbVersion(page: Page): Promise<number> {
  await page.goto('./');
  await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
  const version = await page.evaluate(async () => (await indexedDB.databases()).find((info) => info.name === 'flipdeck')?.version);
  await openBlankOnOrigin(page);
  await deleteDatabase(page, { failIfBlocked: true });
  return version ?? 0;
}

test.describe('a database written by an older release', () => {
  test.use({ serviceWorkers: 'block' });
  test.skip(({ isMobile }) => isMobile, 'Storage behaves the same at any screen size.');

  for (const release of OLD_RELEASES) {
    test(`schema v${release.schemaVersion}: opened by the current build, nothing is lost and studying continues`, async ({ page }) => {
      const now = Date.now();
      await openBlankOnOrigin(page);
      await writeOldDatabase(page, release, { now });
      const written = await readProgress(page);

      await page.goto('./');
      await expect(page.getByText('Progress is not being saved')).toHaveCount(0);
      await expect.poll(() => tileCount(page, 'New')).toBe(release.expectedCounts.New);
      expect(await tileCount(page, 'Due')).toBe(release.expectedCounts.Due);
      // Since schema v3 the reviews are events with new ids; everything else of each review is kept.
      const withoutIds = (rows: RawProgress['reviewLog']) => rows.map(({ id: _id, ...row }) => row);
      const upgraded = await readProgress(page);
      expect(upgraded.cardStates).toEqual(written.cardStates);
      expect(withoutIds(upgraded.reviewLog)).toEqual(withoutIds([...written.reviewLog].sort((a, b) => Number(a['reviewedAt']) - Number(b['reviewedAt']))));

      // The upgraded database takes new grades, next to the old ones.
      await openStudy(page);
      await page.getByRole('button', { name: /Show answer/ }).click();
      await gradeButton(page, 'Good').click();
      await expect(page.getByRole('button', { name: /Show answer/ }).or(page.getByRole('heading', { name: /finished/ }))).toBeVisible();
      const after = await readProgress(page);
      expect(after.reviewLog.slice(0, written.reviewLog.length)).toEqual(upgraded.reviewLog);
      expect(after.reviewLog).toHaveLength(written.reviewLog.length + 1);
      expect(after.reviewLog.at(-1)!.id).toMatch(/^[0-9A-Z]{26}$/);
    });
  }

  test('an old tab holding the database open: a clear message instead of a hang, and the data is intact once it closes', async ({ page, context }) => {
    const oldest = OLD_RELEASES[0]!;
    // The holder must be older than this build, so opening needs an upgrade it blocks. While the
    // first release is still the current one, that is a pre-release version just below it.
    const idbVersion = Math.min(oldest.schemaVersion * 10, (await currentIdbVersion(page)) - 1);
    const oldTab = await context.newPage();
    await openBlankOnOrigin(oldTab);
    await writeOldDatabase(oldTab, oldest, { now: Date.now(), idbVersion, keepOpen: true });

    await page.goto('./');
    await expect(page.getByRole('status').filter({ hasText: 'open in another tab that is running an older version' })).toBeVisible();
    // Studying still works meanwhile, on memory.
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();

    await oldTab.evaluate(() => (window as unknown as { __heldDb: IDBDatabase }).__heldDb.close());
    await oldTab.close();
    await page.reload();
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    await expect(page.getByText('Progress is not being saved')).toHaveCount(0);
    await expect.poll(() => tileCount(page, 'New')).toBe(oldest.expectedCounts.New);
    expect(await tileCount(page, 'Due')).toBe(oldest.expectedCounts.Due);
  });
});
