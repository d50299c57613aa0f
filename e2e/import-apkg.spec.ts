import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURE_NOTES, makeAnki21Apkg, makeAnki21bApkg, makeLegacyApkg, silentWav, type FixtureNote } from '../scripts/apkg-fixtures.mjs';
import { gradeButton, studyNewSiblingsTogether } from './helpers';
import { chooseImportFile, forbidDialogs } from './import-helpers';

test('Anki packages in both layouts import, update each other in place, and study safely', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await chooseImportFile(page, 'biology-legacy.apkg', Buffer.from(await makeLegacyApkg()));
  await expect(page.getByRole('heading', { name: 'Preview: Biology / Cells' })).toBeVisible();
  await expect(page.getByTestId('preview-card-count')).toHaveText('6');
  await expect(page.getByText('with their review history: each card is scheduled by replaying its reviews with FSRS')).toBeVisible();
  await expect(page.getByText('1, kept on this device so they show offline')).toBeVisible();
  await expect(page.getByText('1 media file(s) were left out, missing from the package or of a type Flipdeck does not keep')).toBeVisible();
  // The preview table shows what the cards say, not their Markdown source.
  const table = page.getByRole('table');
  await expect(table).toContainText('[...] make ATP');
  await expect(table).toContainText('What is ATP?');
  await expect(table).not.toContainText('\\[');
  await expect(table).not.toContainText('**');
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biology / Cells' })).toBeVisible();

  // The current (zstd) layout of the same collection updates the deck by note guid and card.
  await chooseImportFile(page, 'biology-anki21b.apkg', Buffer.from(await makeAnki21bApkg()));
  await expect(page.getByText('update your deck “Biology / Cells” in place: 0 new, 0 changed, 6 unchanged, 0 removed')).toBeVisible();
  await page.getByRole('button', { name: 'Update my deck' }).click();
  await expect(page).toHaveURL(/#\/deck\/user\.biology-cells$/);
  await expect(page.getByText('6 cards', { exact: true })).toBeVisible();

  await page.goto('./#/deck/user.biology-cells/study');
  const question = page.getByRole('region', { name: 'Question' });
  await expect(question.locator('strong')).toHaveText('ATP');
  // The image comes from IndexedDB as a blob: URL, with the network off.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const image = page.getByRole('region', { name: 'Answer' }).locator('img');
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await page.context().setOffline(false);
  await page.reload();
  // A card's reverse ("dog") and a note's second cloze are its siblings: another day's new cards.
  const expected = ['What is ATP?', 'perro', '[...] make ATP', 'XSS front'];
  for (const front of expected) {
    await expect(question).toContainText(front);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
    const main = page.locator('main');
    await expect(main.locator('script, iframe, svg circle, img[src="x"], [onerror], [onload]')).toHaveCount(0);
    for (const href of await main.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    await gradeButton(page, 'Easy').click();
  }
  await expect(page.getByRole('heading', { name: /finished this deck/ })).toBeVisible();
  expect(dialogs).toEqual([]);
});

// Anki 2.1.50+ writes collection.anki21b, whose tables use COLLATE unicase and WITHOUT ROWID (#11).
for (const [layout, make] of [
  ['collection.anki21b', makeAnki21bApkg],
  ['collection.anki21', makeAnki21Apkg],
] as const) {
  test(`a package with ${layout} imports on its own, image included, with no console errors`, async ({ page }) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await chooseImportFile(page, `biology-${layout}.apkg`, Buffer.from(await make()));
    await expect(page.getByRole('heading', { name: 'Preview: Biology / Cells' })).toBeVisible();
    await expect(page.getByTestId('preview-card-count')).toHaveText('6');
    await expect(page.getByText('1, kept on this device so they show offline')).toBeVisible();
    await page.getByRole('button', { name: 'Add to my decks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Biology / Cells' })).toBeVisible();
    await page.goto('./#/deck/user.biology-cells/study');
    await expect(page.getByRole('region', { name: 'Question' }).locator('strong')).toHaveText('ATP');
    await page.getByRole('button', { name: /Show answer/ }).click();
    const image = page.getByRole('region', { name: 'Answer' }).locator('img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
}

test('a newer export under another file name updates the deck in place and keeps progress (#11)', async ({ page }) => {
  const [basic, reversed, cloze] = FIXTURE_NOTES as [FixtureNote, FixtureNote, FixtureNote];
  // All in Anki's Default deck: the title, and once the deck id, came from the file name.
  const make = (notes: FixtureNote[]) => makeAnki21bApkg({ decks: [], deckOf: () => 1, notes, cards: [[1, 0], [2, 0], [2, 1], [3, 0], [3, 1], [5, 0]] });
  // Every new card counted, siblings too.
  await studyNewSiblingsTogether(page);
  await chooseImportFile(page, 'update1.apkg', Buffer.from(await make([basic, reversed, cloze])));
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'update1' })).toBeVisible();
  await page.goto('./#/deck/user.update1/study');
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('What is ATP?');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, 'Easy').click();
  await page.goto('./#/deck/user.update1');
  const newCount = page.locator('.deck-counts__item--new dd');
  await expect(newCount).toHaveText('4');

  const edited: FixtureNote = [basic[0], basic[1], basic[2], ['What is <b>ADP</b>?', basic[3][1]!]];
  await chooseImportFile(page, 'update2.apkg', Buffer.from(await make([edited, reversed, [5, 'g.new', basic[2], ['New note', 'here']]])));
  await expect(page.getByText('update your deck “update1” in place: 1 new, 1 changed, 2 unchanged, 2 removed from the package.')).toBeVisible();
  await page.getByRole('button', { name: 'Update my deck' }).click();
  await expect(page).toHaveURL(/#\/deck\/user\.update1$/);
  await expect(page.getByText('4 cards', { exact: true })).toBeVisible();
  // The edited card kept its review; the other three are new.
  await expect(newCount).toHaveText('3');
  await page.goto('./');
  await expect(page.getByRole('link', { name: /update2/ })).toHaveCount(0);
});

test('a truncated Anki package explains itself and adds nothing', async ({ page }) => {
  const whole = await makeLegacyApkg();
  await chooseImportFile(page, 'cut.apkg', Buffer.from(whole.subarray(0, whole.length - 300)));
  await expect(page.getByRole('alert')).toContainText('cut.apkg: the package is damaged or incomplete');
  await page.goto('./');
  await expect(page.getByText('Your deck', { exact: true })).toHaveCount(0);
});

test('an Anki card\'s sound plays offline from a button, only when pressed', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // Chromium fetches the favicon past the service worker, so offline it fails whatever the app does.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(message.text());
  });
  const notes: FixtureNote[] = [[7, 'g.sound', 1001, ['hola [sound:hola.wav]', 'hello']]];
  await chooseImportFile(page, 'spanish.apkg', Buffer.from(await makeAnki21bApkg({ notes, cards: [[7, 0]], decks: [[2001, 'Spanish']], deckOf: () => 2001, media: [['hola.wav', silentWav(300)]] })));
  await expect(page.getByRole('heading', { name: 'Preview: Spanish' })).toBeVisible();
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spanish' })).toBeVisible();

  await page.goto('./#/deck/user.spanish/study');
  const question = page.getByRole('region', { name: 'Question' });
  const play = question.getByRole('button', { name: 'Play sound hola.wav' });
  await expect(play).toBeVisible();
  const audio = question.locator('audio');
  // Nothing plays on its own.
  expect(await audio.evaluate((element: HTMLAudioElement) => element.paused && element.currentTime === 0)).toBe(true);
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  // The sound is the copy stored on the device: it plays with the network off (once the app itself
  // is cached, so nothing else fails to load).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.context().setOffline(true);
  await play.click();
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.ended || element.currentTime > 0)).toBe(true);
  await expect(audio).toHaveAttribute('src', /^blob:/);
  // Pressing play did not show the answer.
  await expect(page.getByRole('region', { name: 'Answer' })).toHaveCount(0);
  await expect(question.getByRole('button', { name: 'Play sound hola.wav' })).toBeVisible();
  await page.context().setOffline(false);
  expect(consoleErrors).toEqual([]);
});
