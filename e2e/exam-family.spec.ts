import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { makeAnki21bApkg, type FixtureOptions } from '../scripts/apkg-fixtures.mjs';
import { gradeButton } from './helpers';
import { chooseImportFile } from './import-helpers';

// Issue 14: an exam set on a parent deck holds back the intervals of its subdecks' cards.

/** A course in Anki with two weekly subdecks, nothing studied yet. */
const course: FixtureOptions = {
  decks: [
    [2000, 'Course'],
    [2001, 'Course::Week 1'],
    [2002, 'Course::Week 2'],
  ],
  deckOf: (noteId) => (noteId <= 2 ? 2001 : 2002),
};
const COURSE = 'user.course';
const WEEK_1 = 'user.course-week-1';

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

async function openPlan(page: Page, deckId: string): Promise<void> {
  await page.goto(`./#/deck/${deckId}`);
  await page.getByRole('link', { name: 'Exam plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Exam plan:/ })).toBeVisible();
}

/** Days until the review Easy would schedule on Week 1's first card, read from its button (nothing is graded). */
async function easyIntervalDays(page: Page): Promise<number> {
  await page.goto(`./#/deck/${WEEK_1}/study`);
  await expect(page.getByRole('region', { name: 'Question' })).toContainText('What is ATP?');
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

test("an exam on a parent deck keeps a subdeck card's Easy before the exam, shows where it comes from, and goes with the date", async ({ page }) => {
  await chooseImportFile(page, 'course.apkg', Buffer.from(await makeAnki21bApkg(course)));
  await page.getByRole('button', { name: 'Add to my decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();

  // FSRS-6's default Easy stability (about 8.3 days) at 90% retention goes past a 5-day exam.
  expect(await easyIntervalDays(page)).toBeGreaterThan(5);

  await openPlan(page, COURSE);
  await expect(page.getByText(/The exam and the plan cover this deck's cards and its 2 subdecks' too\./)).toBeVisible();
  await page.getByLabel('Exam date').fill(await dateInDays(page, 5));
  await page.getByRole('button', { name: 'Save exam' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exam settings saved.' })).toBeVisible();
  // The parent's plan covers the whole family: six new cards, none of them the parent's own.
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  await expect(page.getByText(/5 study days left\. Introduce \d+ new cards? a day/)).toBeVisible();

  // Week 1 says it follows Course's exam, and links to Course.
  await openPlan(page, WEEK_1);
  const note = page.getByRole('note').filter({ hasText: 'This deck follows the exam set on Course' });
  await expect(note).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  await expectNoAxeViolations(page, 'a subdeck that follows its parent’s exam');
  await note.getByRole('link', { name: 'Course' }).click();
  await expect(page).toHaveURL(new RegExp(`#/deck/${COURSE}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Course' })).toBeVisible();

  // At the 95% target, about 93% recall after 5 days is not enough: a review must come first.
  expect(await easyIntervalDays(page)).toBeLessThan(5);
  await gradeButton(page, 'Easy').click();

  await openPlan(page, COURSE);
  await page.getByRole('button', { name: 'Remove exam date' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exam date removed' })).toBeVisible();
  await openPlan(page, WEEK_1);
  await expect(page.getByRole('note').filter({ hasText: 'This deck follows the exam' })).toHaveCount(0);
  // Normal again on the next new card of Week 1: past the old exam date.
  await page.goto(`./#/deck/${WEEK_1}/study`);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const label = (await gradeButton(page, 'Easy').textContent()) ?? '';
  expect(Number(/(\d+)d/.exec(label)?.[1] ?? 0), `Easy after the exam was removed: "${label}"`).toBeGreaterThan(5);
});
