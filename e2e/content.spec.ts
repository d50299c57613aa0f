import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answer, gradeButton, question } from './helpers';
import { importDeck } from './import-helpers';

/**
 * What cards can hold, studied end to end: a GFM table, maths as MathML, highlighted code, a cloze
 * note (its second card buried as a sibling) and a type-in card, imported as a deck file.
 */
const DECK = {
  schemaVersion: 1,
  id: 'content-demo',
  title: 'Content demo',
  description: 'Tables, maths, code, cloze and typing.',
  cards: [
    { id: 'layers', front: 'Which tool sits at which layer?', back: '| Layer | Tool |\n| :-- | --: |\n| High-level runtime | containerd |\n| Low-level runtime | runc |' },
    { id: 'energy', front: 'Mass–energy equivalence?', back: '$$E = mc^2$$\n\nwhere $c$ is the speed of light.' },
    { id: 'hello', front: 'Print a greeting in Python', back: '```python\nprint("hi")  # greet\n```' },
    { id: 'runtimes', cloze: 'Docker uses {{c1::containerd::high-level runtime}}, which uses {{c2::runc}}.', back: 'Both follow the OCI specs.' },
    { id: 'typed', front: 'The low-level container runtime Docker ends up calling?', back: 'runc', typeAnswer: true },
  ],
};

interface Problems {
  readonly console: string[];
  readonly csp: () => Promise<string[]>;
}

async function watch(page: Page): Promise<Problems> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') console.push(message.text());
  });
  page.on('pageerror', (error) => console.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  return { console, csp: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations) };
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a deck of tables, maths, code, a cloze and a type-in card studies as written', async ({ page }) => {
  const problems = await watch(page);
  await importDeck(page, 'content-demo.json', JSON.stringify(DECK), 'Content demo');
  await page.goto('./#/deck/user.content-demo/study');

  // 1. The table: rendered as a table, its alignment a class (the CSP forbids inline styles).
  await expect(question(page)).toContainText('Which tool sits at which layer?');
  // The deck's plugins were loaded before the first card: nothing waits hidden.
  await expect(page.locator('.markdown--pending')).toHaveCount(0);
  await page.getByRole('button', { name: /Show answer/ }).click();
  const table = answer(page).locator('table');
  await expect(table.locator('th')).toHaveText(['Layer', 'Tool']);
  await expect(table.locator('tbody tr').nth(1).locator('td')).toHaveText(['Low-level runtime', 'runc']);
  await expect(table.locator('td.align-right').first()).toHaveText('containerd');
  await expectNoAxeViolations(page);
  await gradeButton(page, 'Good').click();

  // 2. The formula: MathML, display and inline, drawn by the browser.
  await expect(question(page)).toContainText('Mass–energy equivalence?');
  await page.keyboard.press('Space');
  const display = answer(page).locator('.math-display math');
  await expect(display).toBeVisible();
  await expect(display.locator('msup')).toHaveText('c2');
  await expect(answer(page).locator('.math-inline math mi')).toHaveText('c');
  expect(await display.evaluate((math) => math.namespaceURI)).toBe('http://www.w3.org/1998/Math/MathML');
  expect(await display.evaluate((math) => math.getBoundingClientRect().height)).toBeGreaterThan(10);
  await expectNoAxeViolations(page);
  await page.keyboard.press('3');

  // 3. The code block: highlighted with classes.
  await expect(question(page)).toContainText('Print a greeting in Python');
  await page.keyboard.press('Space');
  const code = answer(page).locator('pre code.language-python.hljs');
  await expect(code).toHaveText('print("hi")  # greet');
  await expect(code.locator('.hljs-string')).toHaveText('"hi"');
  await expect(code.locator('.hljs-comment')).toHaveText('# greet');
  const [keywordColour, textColour] = await code.evaluate((element) => [
    getComputedStyle(element.querySelector('.hljs-string') as Element).color,
    getComputedStyle(element).color,
  ]);
  expect(keywordColour).not.toBe(textColour);
  await page.keyboard.press('3');

  // 4. The cloze's first card: its hint as a blank, the other deletion as text; then the answer marked.
  await expect(question(page).locator('.cloze-blank')).toHaveText('[high-level runtime]');
  await expect(question(page)).toContainText('which uses runc.');
  await page.keyboard.press('Space');
  await expect(answer(page).locator('mark.cloze-answer')).toHaveText('containerd');
  await expect(answer(page)).toContainText('Docker uses containerd, which uses runc.');
  await expect(answer(page)).toContainText('Both follow the OCI specs.');
  await expect(answer(page).locator('.flip-card__question')).toHaveCount(0);
  await page.keyboard.press('3');

  // 5. The type-in card (the cloze's second card is buried until tomorrow: a sibling).
  await expect(question(page)).toContainText('The low-level container runtime');
  const field = page.getByLabel('Type the answer');
  await expect(field).toBeFocused();
  await field.pressSequentially('rune');
  await expectNoAxeViolations(page);
  await field.press('Enter');
  const typed = answer(page).getByRole('region', { name: 'Your typed answer' });
  await expect(typed).toContainText('Not quite');
  await expect(typed.locator('del.diff-bad')).toContainText('e');
  await expect(typed.locator('ins.diff-missing')).toContainText('c');
  await expect(gradeButton(page, 'Good')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('1');

  // Nothing new is left today: the buried sibling did not come up, learning cards come back later.
  await expect(question(page)).not.toContainText('which uses');
  expect(await problems.csp()).toEqual([]);
  expect(problems.console).toEqual([]);
});

test('a deck without code never downloads the highlighter', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('./#/deck/c3-containers-iaas-storage/study');
  await expect(question(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(answer(page)).toBeVisible();
  // The bundled deck has tables (so the table parser loads) but no maths and no code.
  expect(scripts.some((path) => /\/gfm-[\w-]+\.js$/.test(path))).toBe(true);
  expect(scripts.filter((path) => /\/(code|math)-[\w-]+\.js$/.test(path))).toEqual([]);
});
