import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, c3Deck, gradeButton, openStudy } from './helpers';

/** The local calendar date `days` from today's study day, as a date input takes it. */
async function dateInDays(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date();
    if (date.getHours() < 4) date.setDate(date.getDate() - 1);
    date.setDate(date.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }, days);
}

/** Learns every card of the deck with Easy: each goes to review, due about a week later. */
async function learnAllEasy(page: Page): Promise<void> {
  await openStudy(page);
  for (let i = 0; i < c3Deck.cards.length; i += 1) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await gradeButton(page, 'Easy').click();
  }
  await expect(page.getByRole('heading', { name: /You have finished this deck for now/ })).toBeVisible();
}

/** The "With the plan" figures of the days marked away, and of the days after. */
async function forecast(page: Page): Promise<{ away: number[]; after: number[]; now: number[] }> {
  const rows = page.getByRole('table', { name: 'Reviews due each day, now and with the plan' }).locator('tbody tr');
  const away: number[] = [];
  const after: number[] = [];
  const now: number[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const label = (await rows.nth(i).locator('th').textContent()) ?? '';
    const cells = rows.nth(i).locator('td');
    now.push(Number(await cells.nth(0).textContent()));
    (label.includes('(away)') ? away : after).push(Number(await cells.nth(1).textContent()));
  }
  return { away, after, now };
}

test('a break planned ahead moves the reviews due while away to the days after it, spread out', async ({ page }) => {
  await learnAllEasy(page);
  await page.goto(`./#/deck/${C3_DECK_ID}/plan`);
  await page.getByLabel('First day away').fill(await dateInDays(page, 2));
  await page.getByLabel('First day back').fill(await dateInDays(page, 20));
  await page.getByRole('button', { name: 'Plan the break' }).click();

  // Each Easy card is due about a week out, inside the break, and too young to be brought forward.
  await expect(page.getByText(new RegExp(`0 reviews brought forward to the days before you leave; ${c3Deck.cards.length} reviews spread over \\d+ days after you are back\\.`))).toBeVisible();
  await expect(page.getByText(/those waiting are expected at about \d+% recall when you review them, instead of 90%/)).toBeVisible();
  const planned = await forecast(page);
  expect(planned.now.reduce((a, b) => a + b, 0)).toBe(c3Deck.cards.length);
  expect(planned.away.every((count) => count === 0)).toBe(true);
  expect(planned.after.reduce((a, b) => a + b, 0)).toBe(c3Deck.cards.length);
  expect(Math.max(...planned.after)).toBeLessThan(c3Deck.cards.length);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `break plan, ${colorScheme}`).toEqual([]);
  }

  await page.getByRole('button', { name: 'Apply the plan' }).click();
  await expect(page.getByText(`Break planned: ${c3Deck.cards.length} reviews moved.`, { exact: false })).toBeVisible();
  // Kept: after a reload, nothing of the deck is due during the break any more.
  await page.reload();
  await page.getByLabel('First day away').fill(await dateInDays(page, 2));
  await page.getByLabel('First day back').fill(await dateInDays(page, 20));
  await page.getByRole('button', { name: 'Plan the break' }).click();
  await expect(page.getByText(/Nothing in this deck falls due during the 18 days away\./)).toBeVisible();
});

test('a break must start after today and end after it starts, said on the form', async ({ page }) => {
  await page.goto(`./#/deck/${C3_DECK_ID}/plan`);
  await page.getByLabel('First day away').fill(await dateInDays(page, 0));
  await page.getByLabel('First day back').fill(await dateInDays(page, 3));
  await page.getByRole('button', { name: 'Plan the break' }).click();
  await expect(page.getByRole('alert')).toHaveText('The break must start after today.');
  await page.getByLabel('First day away').fill(await dateInDays(page, 4));
  await page.getByRole('button', { name: 'Plan the break' }).click();
  await expect(page.getByRole('alert')).toHaveText('The day you are back must be after the first day away.');
});
