import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { C3_DECK_ID, gradeButton, openStudy } from './helpers';

/** The local calendar date `days` from today in the page, as a date input takes it. */
async function dateInDays(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date();
    // Before the study day starts (4 am), "today" is still yesterday's study day.
    if (date.getHours() < 4) date.setDate(date.getDate() - 1);
    date.setDate(date.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }, days);
}

async function openPlan(page: Page): Promise<void> {
  await page.goto(`./#/deck/${C3_DECK_ID}`);
  await page.getByRole('link', { name: 'Exam plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Exam plan:/ })).toBeVisible();
}

/** Days until the review Easy would schedule on the first card, read from its button. */
async function easyIntervalDays(page: Page): Promise<number> {
  await openStudy(page);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const label = (await gradeButton(page, 'Easy').textContent()) ?? '';
  const days = /(\d+)d/.exec(label);
  expect(days, `Easy shows an interval in days: "${label}"`).not.toBeNull();
  return Number(days![1]);
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${what}, ${colorScheme}`).toEqual([]);
  }
}

test.describe('exam-date mode', () => {
  test('an exam in 5 days shows the prediction and plan, keeps Easy before the exam, and goes when the date is removed', async ({ page }) => {
    const normalEasy = await easyIntervalDays(page);
    // FSRS-6's default Easy stability (about 8.3 days) at 90% retention goes past a 5-day exam.
    expect(normalEasy).toBeGreaterThan(5);

    await openPlan(page);
    await page.getByLabel('Exam date').fill(await dateInDays(page, 5));
    await page.getByRole('button', { name: 'Save exam' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Exam settings saved.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
    // Nothing is learnt yet: stopping now means remembering nothing on exam day.
    await expect(page.getByTestId('recall-if-stopped')).toHaveText('0%');
    const withPlan = Number.parseFloat((await page.getByTestId('recall-with-plan').textContent()) ?? '');
    expect(withPlan).toBeGreaterThan(80);
    await expect(page.getByText(/5 study days left\. Introduce \d+ new cards? a day/)).toBeVisible();
    await expect(page.getByRole('img', { name: /Planned study for the 5 days before the exam/ })).toBeVisible();
    await expectNoAxeViolations(page, 'exam plan');

    // At the 95% target, about 93% recall after 5 days is not enough: a review must come first.
    const examEasy = await easyIntervalDays(page);
    expect(examEasy).toBeLessThan(5);

    await openPlan(page);
    await expect(page.getByLabel('Exam date')).toHaveValue(await dateInDays(page, 5));
    await page.getByRole('button', { name: 'Remove exam date' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Exam date removed' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your plan' })).toHaveCount(0);
    // Normal again: past the old exam date (the exact day varies with the fuzz, seeded per review).
    expect(await easyIntervalDays(page)).toBeGreaterThan(5);
  });

  test('refuses a date in the past, on the field, and saves nothing', async ({ page }) => {
    await openPlan(page);
    const dateField = page.getByLabel('Exam date');
    await dateField.fill(await dateInDays(page, -2));
    await page.getByRole('button', { name: 'Save exam' }).click();
    await expect(dateField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('The exam date must be after today.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your plan' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'exam form with an error');
  });
});
