import { expect, type Page } from '@playwright/test';

/** Chooses a file on the import screen from text held in the test. */
export async function chooseImportFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.goto('./#/import');
  await page.getByLabel('Deck file').setInputFiles({ name, mimeType: 'text/plain', buffer: typeof text === 'string' ? Buffer.from(text) : text });
}

/** Imports a file through the UI and waits for its deck page. */
export async function importDeck(page: Page, name: string, text: string | Buffer, title: string): Promise<void> {
  await chooseImportFile(page, name, text);
  await expect(page.getByRole('heading', { name: `Preview: ${title}` })).toBeVisible();
  await page.getByRole('button', { name: /Add to my decks|Update my deck/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Fails the test if any page script opens a dialog (alert, confirm, prompt). */
export function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

/** Card content that must stay inert wherever it is shown. */
export const XSS_FRONT = 'XSS front <img src=x onerror="alert(1)"> <script>alert(2)</script>';
export const XSS_BACK = [
  '[click me](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>)',
  '<svg onload=alert(5)><circle r=5 /></svg>',
  '<iframe src="javascript:alert(6)"></iframe>',
  '![pixel](https://evil.example/p.png) ![x](x" onerror="alert(7))',
].join('\n\n');

/** Study the first card of a deck and assert that none of the payloads became live markup. */
export async function expectInertCard(page: Page, deckId: string): Promise<void> {
  await page.goto(`./#/deck/${encodeURIComponent(deckId)}/study`);
  const question = page.getByRole('region', { name: 'Question' });
  await expect(question).toContainText('XSS front');
  await page.getByRole('button', { name: /Show answer/ }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer).toContainText('click me');
  const main = page.locator('main');
  await expect(main.locator('script, iframe, svg circle, img[src="x"], [onerror], [onload]')).toHaveCount(0);
  for (const href of await main.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }
}
