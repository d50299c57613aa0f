import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { question } from './helpers';

const front = (page: Page) => page.getByLabel('Front', { exact: true });
const back = (page: Page) => page.getByLabel('Back', { exact: true });

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([]);
}

/** Pastes a `widthPx` × `heightPx` PNG, drawn in the page on a canvas, into the textarea, as a screenshot paste does. */
async function pastePng(textarea: Locator, fileName: string, widthPx: number, heightPx: number): Promise<void> {
  await textarea.evaluate(
    async (element, { fileName, widthPx, heightPx }) => {
      const canvas = document.createElement('canvas');
      canvas.width = widthPx;
      canvas.height = heightPx;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#2a6';
      context.fillRect(0, 0, widthPx, heightPx);
      context.fillStyle = '#fff';
      context.fillRect(widthPx / 4, heightPx / 4, widthPx / 2, heightPx / 2);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], fileName, { type: 'image/png' }));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { fileName, widthPx, heightPx },
  );
}

const naturalSize = (image: Locator) => image.evaluate((img: HTMLImageElement) => (img.complete ? `${img.naturalWidth}×${img.naturalHeight}` : 'loading'));

test('a pasted 3000 × 1500 PNG is stored at 2000 × 1000, previewed, studied offline; an SVG is refused', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'New deck' }).click();
  await page.getByLabel('Title').fill('Diagrams');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit “Diagrams”' })).toBeVisible();

  await front(page).fill('The layers: ');
  await pastePng(front(page), 'layers.png', 3000, 1500);
  await expect(page.getByText('Image layers.png added (2,000 × 1,000 px, scaled down from 3,000 × 1,500 px).')).toBeVisible();
  // In at the cursor, as Markdown that names the stored copy.
  await expect(front(page)).toHaveValue('The layers: ![layers](media/layers.png)');
  const previewImage = page.getByRole('region', { name: 'Front preview' }).getByRole('img', { name: 'layers' });
  await expect(previewImage).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => naturalSize(previewImage)).toBe('2000×1000');

  // The keyboard's way in is the labelled "Add image…" button; its picker refuses SVG with a message.
  await expect(page.getByRole('button', { name: 'Add image to the back…' })).toBeVisible();
  await back(page).fill('Four of them');
  await page.getByTestId('add-image-back').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'logo.svg' })).toContainText('“logo.svg” was not added: it is an SVG image, which can carry script. A card can hold PNG, JPEG, GIF, WebP or AVIF images.');
  await expect(back(page)).toHaveValue('Four of them');
  await expectNoAxeViolations(page, 'the card editor with an image and a refusal');

  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(front(page)).toHaveValue('');

  // Offline, once the app itself is cached: the image is the copy in IndexedDB.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByRole('link', { name: 'Study this deck' }).click();
  await expect(question(page)).toContainText('The layers:');
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
  await page.context().setOffline(true);
  await page.reload();
  const studied = question(page).getByRole('img', { name: 'layers' });
  await expect(studied).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => naturalSize(studied)).toBe('2000×1000');
  await expectNoAxeViolations(page, 'studying a card with an image');
  await page.context().setOffline(false);
});
