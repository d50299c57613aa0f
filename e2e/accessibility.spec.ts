import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCREENS } from './fixtures/screens';
import { answer, c3Deck, deckTile, frontText, gradeButton, openStudy, question } from './helpers';

const THEMES = ['light', 'dark'] as const;
// Screens whose layout changes on a phone (the grade bar and deck tiles wrap); the rest are
// checked at desktop size only, which keeps the suite's run time down.
const PHONE_LAYOUT_SCREENS = new Set(['deck list', 'study, question', 'study, answer', 'study, end screen']);

test.describe('axe-core on every screen, light and dark', () => {
  for (const screen of SCREENS) {
    test(`${screen.name}`, async ({ page, isMobile }) => {
      test.skip(isMobile && !PHONE_LAYOUT_SCREENS.has(screen.name), 'Same layout as on desktop.');
      await screen.open(page);
      const backgrounds = new Set<string>();
      for (const colorScheme of THEMES) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        backgrounds.add(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(summary, `${screen.name}, ${colorScheme} theme`).toEqual([]);
      }
      // Both themes were really applied.
      expect(backgrounds.size).toBe(THEMES.length);
    });
  }
});

/** What has keyboard focus, and whether a sighted keyboard user can see it. */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      name: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '',
      isFocusVisible: element.matches(':focus-visible'),
      hasIndicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      isOnScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    };
  });
  expect(focus, `${what}: something has focus`).not.toBeNull();
  expect(focus, `${what}: focus is visible on "${focus?.name}"`).toMatchObject({ isFocusVisible: true, hasIndicator: true, isOnScreen: true });
}

/** Presses Tab until `target` has focus, checking that every stop on the way shows its focus. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  for (let stop = 0; stop < 25; stop += 1) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, `${what}, tab stop ${stop + 1}`);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${what}: not reachable with Tab`);
}

test.describe('keyboard only', () => {
  test.skip(({ isMobile }) => isMobile, 'A phone has no keyboard; the phone project taps.');

  test('the whole study flow, from the deck list to the end screen and back, with visible focus at every step', async ({ page }) => {
    await page.goto('./');
    await expect(deckTile(page).locator('.deck-counts')).toBeVisible();
    await tabTo(page, deckTile(page).getByRole('link', { name: `Study ${c3Deck.title}` }), 'deck list');
    await page.keyboard.press('Enter');

    for (let i = 0; i < c3Deck.cards.length; i += 1) {
      await expect(question(page)).toContainText(frontText(i));
      await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused();
      await expectVisibleFocus(page, `card ${i + 1}, question`);
      await page.keyboard.press('Enter');
      await expect(gradeButton(page, 'Good')).toBeFocused();
      await expectVisibleFocus(page, `card ${i + 1}, answer`);
      // Alternate between Good (Enter on the focused button) and Easy (Tab to it, then Space).
      if (i % 2 === 0) {
        await page.keyboard.press('Tab');
        await expect(gradeButton(page, 'Easy')).toBeFocused();
        await expectVisibleFocus(page, `card ${i + 1}, Easy`);
        await page.keyboard.press('Space');
      } else {
        await page.keyboard.press('Enter');
      }
    }
    // Cards answered Good are still learning; keep answering with the keys until the deck is done.
    const finished = page.getByRole('heading', { name: /finished this deck/ });
    while (!(await finished.isVisible())) {
      await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused();
      await page.keyboard.press('Space');
      await expect(gradeButton(page, 'Easy')).toBeVisible();
      await page.keyboard.press('4');
      await expect(finished.or(page.getByRole('button', { name: /Show answer/ }))).toBeVisible();
    }
    await expect(finished).toBeFocused();
    await expectVisibleFocus(page, 'end screen');
    await tabTo(page, page.getByRole('link', { name: 'Back to the deck' }), 'end screen');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: c3Deck.title })).toBeVisible();
  });
});

test.describe('screen-reader labels', () => {
  test('announce the card front, the revealed answer, and each grade button with its interval', async ({ page }) => {
    await openStudy(page);
    const reveal = page.getByRole('button', { name: /Show answer/ });
    // Focus lands on "Show answer" for each card; its description is the front, so it is read out.
    await expect(reveal).toBeFocused();
    await expect(reveal).toHaveAccessibleDescription(new RegExp(escapeRegExp(frontText(0))));
    await expect(question(page)).toContainText(frontText(0));
    // The hidden face is not read out.
    await expect(answer(page)).toHaveCount(0);

    await reveal.click();
    const backFirstLine = c3Deck.cards[0]!.back.split('\n')[0]!.replace(/[*_`#]/g, '').trim();
    await expect(answer(page)).toHaveAttribute('aria-live', 'polite');
    await expect(answer(page)).toContainText(backFirstLine);
    await expect(question(page)).toHaveCount(0);

    const grades = page.getByRole('group', { name: 'How well did you know it?' });
    for (const [index, label] of (['Again', 'Hard', 'Good', 'Easy'] as const).entries()) {
      const button = gradeButton(page, label);
      // The name carries the interval in words, and matches the interval shown on the button.
      await expect(button).toHaveAccessibleName(new RegExp(`^${label}: next review in [\\d.]+ (minute|minutes|hour|hours|day|days|month|months|year|years) \\(key ${index + 1}\\)$`));
      const shown = (await button.locator('.grade-button__interval').textContent())!.trim();
      const name = (await button.getAttribute('aria-label'))!;
      const [, amount, unit] = /^([\d.]+)(m|h|d|mo|y)$/.exec(shown) ?? [];
      expect(name, `${label} shows ${shown}`).toContain(`in ${amount} ${{ m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[unit as 'm']}`);
    }
    await expect(grades.getByRole('button')).toHaveCount(4);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
