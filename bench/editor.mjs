/**
 * The editor on a 10,000-card deck (BENCH_ONLY=editor): a deck is written in the app through bulk
 * add, then, in headless Chromium, typing into the Front field is timed from each input event to the
 * frame after the preview changed, and saving a card (Ctrl+Enter) from the key to the editor ready
 * for the next card (in the DOM, and the frame after), to "All changes saved" (the write durable),
 * and by the store's user-timing entry `flipdeck:card-save` (the write's transaction alone).
 * A benchmark, not a test: it prints figures and asserts no time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';

const CARDS = 10_000;
/** Bulk add takes at most 5,000 cards a paste (src/domain/authoring/bulk-add.ts). */
const PASTE = 5_000;
const STEP_TIMEOUT_MS = 600_000;

/** Writes a 10,000-card deck in the app and measures typing and saving. Returns samples in ms. */
export async function measureEditor(serverUrl, { keystrokes = 80, saves = 40 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'flipdeck-bench-editor-'));
  const context = await launch(profile);
  try {
    const page = await context.newPage();
    // A busy, shared machine can take tens of seconds to parse and render a 5,000-line paste.
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(`${serverUrl}#/new-deck`);
    await page.getByLabel('Title').fill('Bench editor deck');
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('heading', { level: 1, name: /Edit/ }).waitFor({ timeout: STEP_TIMEOUT_MS });

    const bulkStarted = Date.now();
    for (let start = 0; start < CARDS; start += PASTE) {
      const lines = Array.from({ length: PASTE }, (_, i) => `Card ${start + i + 1}: what is **term ${start + i + 1}**? :: The answer to ${start + i + 1}, with \`code\` :: tag${(start + i) % 50}`);
      // Set as one paste would: Playwright's fill types a 375 KB text far slower than a paste lands.
      await page.getByLabel(/One card per line/).evaluate((element, text) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
        setter.call(element, text);
        element.dispatchEvent(new Event('input', { bubbles: true }));
      }, lines.join('\n'));
      await page.getByRole('button', { name: `Add ${PASTE} cards` }).click();
      await page.getByText(`Cards 1–50 of ${(start + PASTE).toLocaleString('en')}`).waitFor({ timeout: STEP_TIMEOUT_MS });
    }
    const bulkMs = Date.now() - bulkStarted;

    // Typing: input event -> the frame after the Front preview's DOM changed.
    const front = page.getByLabel('Front', { exact: true });
    await front.focus();
    await page.evaluate(() => {
      const state = { started: 0, samples: [] };
      window.__editorBench = state;
      const preview = document.querySelector('[data-testid="preview-front"]');
      document.addEventListener('input', () => (state.started = performance.now()), true);
      new MutationObserver(() => {
        if (state.started === 0) return;
        const started = state.started;
        state.started = 0;
        requestAnimationFrame(() => state.samples.push(performance.now() - started));
      }).observe(preview, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.type('What is the **difference** between a `process` and a thread, in one line?'.repeat(2).slice(0, keystrokes), { delay: 60 });
    await page.waitForTimeout(300);
    const inputToPreviewMs = await page.evaluate(() => window.__editorBench.samples);

    // Saving: Ctrl+Enter on a new card, `saves` times, on the 10,000-card deck. Timed from the key
    // (keydown, capture) to the editor ready for the next card: the Front emptied and focused and the
    // status saying the card was added, in the DOM, then the frame after; and on to the save status
    // reading "All changes saved" (the write durable). Each save waits for the one before to be saved.
    await front.fill('');
    await page.evaluate(() => {
      performance.clearMeasures('flipdeck:card-save');
      const state = { started: 0, ready: [], frame: [], saved: [] };
      window.__saveBench = state;
      const editor = document.querySelector('form.card-editor');
      const frontField = document.getElementById([...editor.querySelectorAll('label')].find((label) => label.textContent === 'Front').htmlFor);
      const status = editor.querySelector('.card-editor__status');
      const saveStatus = editor.querySelector('[data-testid="card-save-status"]');
      let isReady = false;
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.ctrlKey) {
          state.started = performance.now();
          isReady = false;
        }
      }, true);
      const check = () => {
        if (state.started === 0) return;
        const started = state.started;
        if (!isReady && frontField.value === '' && document.activeElement === frontField && /^Card added/.test(status.textContent)) {
          isReady = true;
          state.ready.push(performance.now() - started);
          requestAnimationFrame(() => state.frame.push(performance.now() - started));
        }
        if (isReady && saveStatus.dataset.state === 'saved' && saveStatus.textContent === 'All changes saved') {
          state.saved.push(performance.now() - started);
          state.started = 0;
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(editor, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    for (let i = 0; i < saves; i += 1) {
      await front.fill(`Saved card ${i}?`);
      await page.getByLabel('Back', { exact: true }).fill(`Answer ${i}`);
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction((count) => window.__saveBench.saved.length === count && window.__saveBench.frame.length === count, i + 1, { timeout: STEP_TIMEOUT_MS });
    }
    const { ready: saveReadyMs, frame: saveFrameMs, saved: saveDurableMs } = await page.evaluate(() => window.__saveBench);
    const saveMs = await page.evaluate(() => performance.getEntriesByName('flipdeck:card-save').map((entry) => entry.duration));
    return { cards: CARDS, bulkMs, inputToPreviewMs, saveReadyMs, saveFrameMs, saveDurableMs, saveMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
