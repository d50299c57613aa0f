/**
 * Editing a bundled deck's cards, and surviving its updates: the student's version is kept over
 * the lecturer's; a later build that changes the lecturer's card is simulated by serving a changed
 * deck file (page.route), and the student is told and can compare, keep theirs or take the new one.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answer, C3_DECK_ID, c3Deck, gradeButton, openStudy, question } from './helpers';

// The deck file must come from the page's fetch, which page.route sees, not from the worker's cache.
test.use({ serviceWorkers: 'block' });

const MINE = 'My mnemonic: **one kernel**, many boxes.';
const second = c3Deck.cards[1]!;
const third = c3Deck.cards[2]!;

/** Serves the C3 deck file as a later build would: the second card's back changed to `back`, the third card removed. */
async function shipLecturerUpdate(page: Page, back: string): Promise<void> {
  await page.unrouteAll();
  await page.route(`**/decks/${C3_DECK_ID}.json`, async (route) => {
    const deck = { ...c3Deck, cards: c3Deck.cards.filter((card) => card.id !== third.id).map((card) => (card.id === second.id ? { ...card, back } : card)) };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(deck) });
  });
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([]);
}

const editDialog = (page: Page) => page.getByRole('dialog', { name: 'Edit card' });
const compareDialog = (page: Page) => page.getByRole('dialog', { name: 'Compare your version with the lecturer’s' });

test('edit a bundled card, see it in study, then keep it or take the lecturer’s after an update, and reset it', async ({ page, isMobile }) => {
  await openStudy(page);
  // The first card is graded, so it has progress to keep.
  await page.getByRole('button', { name: /Show answer/ }).click();
  await gradeButton(page, 'Good').click();
  await expect(question(page)).toContainText('difference with hypervisors');

  // Edit the second card while studying (E on a keyboard, the button on a phone).
  if (isMobile) await page.getByRole('button', { name: /Edit card/ }).click();
  else await page.keyboard.press('e');
  await expect(editDialog(page)).toBeVisible();
  await expect(editDialog(page).getByText(/kept as your own version/)).toBeVisible();
  await editDialog(page).getByLabel('Back', { exact: true }).fill(MINE);
  await editDialog(page).getByRole('button', { name: 'Save card' }).click();
  await expect(editDialog(page)).toHaveCount(0);
  await expect(question(page)).toContainText('difference with hypervisors');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(answer(page).locator('strong')).toHaveText('one kernel');

  // From the deck's card list: edit the third card's front.
  await page.goto(`./#/deck/${C3_DECK_ID}/edit`);
  await page.getByRole('button', { name: /^Edit We need a set of specific kernel features/ }).click();
  await page.getByLabel('Front', { exact: true }).fill('Which kernel features make containers? (my words)');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByText('you have your own version of 2.')).toBeVisible();

  // A new build changes the second card and removes the third.
  await shipLecturerUpdate(page, 'The lecturer’s **new** explanation.');
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await page.reload();
  await expect(page.getByText('The lecturer has updated 1 card you had edited.')).toBeVisible();

  // Study still shows the student's version, and says the lecturer's changed.
  await page.goto(`./#/deck/${C3_DECK_ID}/study`);
  await expect(question(page)).toContainText('difference with hypervisors');
  await expect(page.getByText('The lecturer has changed this card since you edited it; you see your version.')).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(answer(page)).toContainText('My mnemonic');

  // Compare and keep mine: the notice goes, the version stays.
  await page.getByRole('button', { name: /Edit card/ }).click();
  await editDialog(page).getByRole('button', { name: 'Compare versions' }).click();
  await expect(compareDialog(page)).toBeVisible();
  await expect(compareDialog(page).getByRole('region', { name: 'Your version' })).toContainText('My mnemonic: one kernel, many boxes.');
  await expect(compareDialog(page).getByRole('region', { name: 'The lecturer’s new version' }).locator('strong')).toHaveText('new');
  await expectNoAxeViolations(page, 'the compare dialog');
  await compareDialog(page).getByRole('button', { name: 'Keep mine' }).click();
  await expect(compareDialog(page)).toHaveCount(0);
  await expect(editDialog(page).getByText(/The lecturer has changed this card/)).toHaveCount(0);
  await editDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/The lecturer has changed this card/)).toHaveCount(0);
  await expect(answer(page)).toContainText('My mnemonic');

  // The removed card is listed as removed, not studied; the deck has one card fewer.
  await page.goto(`./#/deck/${C3_DECK_ID}/edit`);
  await expect(page.getByRole('region', { name: 'Removed by the lecturer' })).toContainText('Which kernel features make containers? (my words)');
  await expect(page.getByText(`${c3Deck.cards.length - 1} cards; you have your own version of 1.`)).toBeVisible();

  // Another build changes the second card again: compare, and take the lecturer's this time.
  await shipLecturerUpdate(page, 'Third version, from the lecturer.');
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await page.reload();
  await page.getByRole('link', { name: 'Compare and choose' }).click();
  const changed = page.getByRole('region', { name: 'Changed by the lecturer since you edited them' });
  await changed.getByRole('button', { name: /^Edit Containers: what is the difference/ }).click();
  await page.getByRole('button', { name: 'Compare versions' }).click();
  await compareDialog(page).getByRole('button', { name: 'Take the lecturer’s' }).click();
  await expect(compareDialog(page)).toHaveCount(0);
  await expect(page.getByLabel('Back', { exact: true })).toHaveValue('Third version, from the lecturer.');
  await expect(changed).toHaveCount(0);

  // Edit it again, then "Reset to the lecturer's version", which is always offered on an edited card.
  await page.getByLabel('Back', { exact: true }).fill('Mine again.');
  await page.getByRole('button', { name: 'Save card' }).click();
  // The editor closes once the save is written; an Edit pressed before then is for the open editor.
  await expect(page.getByRole('region', { name: 'Edit card' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Edit Containers: what is the difference/ }).click();
  await page.getByRole('button', { name: 'Reset to the lecturer’s version' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset to the lecturer’s version?' });
  await expectNoAxeViolations(page, 'the reset confirmation');
  await confirm.getByRole('button', { name: 'Reset the card' }).click();
  await expect(page.getByLabel('Back', { exact: true })).toHaveValue('Third version, from the lecturer.');
  await expect(page.getByRole('button', { name: 'Reset to the lecturer’s version' })).toHaveCount(0);

  // Progress was never touched: the first card is still in learning, not new.
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await expect(page.locator('.deck-counts__item').filter({ hasText: 'Learning' }).locator('dd')).toHaveText('1');
});
