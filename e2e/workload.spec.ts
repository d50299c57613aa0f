import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID } from './helpers';

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${what}, ${colorScheme}`).toEqual([]);
  }
}

/** The simulated rows: the retention, its label, and the answers it costs in the year. */
async function simulate(page: Page): Promise<{ retention: number; answers: number; label: string }[]> {
  await page.getByRole('button', { name: /Simulate the next year|Simulate again/ }).click();
  const table = page.getByRole('table', { name: /A year of .* at each desired retention/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  const result = [];
  for (let i = 0; i < count; i += 1) {
    const label = (await rows.nth(i).locator('th').textContent()) ?? '';
    const answers = Number((await rows.nth(i).locator('td').nth(1).textContent())?.replace(/,/g, ''));
    result.push({ retention: Number.parseInt(label, 10), answers, label });
  }
  return result;
}

test.describe('workload simulator ("help me decide")', () => {
  test('all decks, from the settings: 70% to 97%, the current setting marked, costs rising with retention', async ({ page }) => {
    await page.goto('./#/settings');
    await expect(page.getByRole('heading', { name: 'Help me decide: how much to remember' })).toBeVisible();
    const rows = await simulate(page);
    expect(rows[0]!.retention).toBe(70);
    expect(rows.at(-1)!.retention).toBe(97);
    expect(rows.find((row) => row.label.includes('(yours)'))?.retention).toBe(90);
    expect(rows.filter((row) => row.label.includes('(most per minute)'))).toHaveLength(1);
    // New cards only: a year of them costs more answers at 97% than at 70%.
    expect(rows.at(-1)!.answers).toBeGreaterThan(rows[0]!.answers);
    await expect(page.getByRole('img', { name: /Study a day and cards remembered after a year for all your decks/ })).toBeVisible();
    await page.getByLabel('Show the year at').selectOption({ label: '97%' });
    await expect(page.getByRole('img', { name: /The next year at 97%, four weeks a bar/ })).toBeVisible();
    await expectNoAxeViolations(page, 'settings with the simulation');
  });

  test('one deck, from its plan screen: using the most efficient retention sets the deck’s own', async ({ page }) => {
    await page.goto(`./#/deck/${C3_DECK_ID}/plan`);
    await expect(page.getByRole('heading', { level: 1, name: /^Exam plan:/ })).toBeVisible();
    const rows = await simulate(page);
    const best = rows.find((row) => row.label.includes('(most per minute)'))!;
    // The bundled deck's new cards at the default 90%: a lower retention buys more per minute.
    expect(best.retention).toBeLessThan(90);
    await page.getByRole('button', { name: `Use ${best.retention}% for this deck` }).click();
    await expect(page.getByText(`Desired retention set to ${best.retention}%.`)).toBeVisible();
    // The deck's override now holds it: simulating again marks it as the deck's own.
    const again = await simulate(page);
    expect(again.find((row) => row.label.includes('(yours)'))?.retention).toBe(best.retention);
    await expectNoAxeViolations(page, 'deck plan with the simulation');
  });
});
