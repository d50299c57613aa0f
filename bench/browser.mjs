/**
 * The in-browser measurements, against a production build in headless Chromium with a persistent
 * profile (so IndexedDB survives a browser restart, as it does for a returning student).
 */
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const STEP_TIMEOUT_MS = 60_000;

export async function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
}

/** Opens the app once so it creates its database (schema v1), and waits for the deck list. */
export async function openAppOnce(context, baseUrl) {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('.deck-tile[data-status="ready"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return page;
}

/**
 * Writes the generated progress straight into the app's IndexedDB with the raw API, in batches
 * of `batchSize` rows per readwrite transaction: the bulk write path an import would use.
 * Returns the fetch+parse time and the write time, separately, in ms.
 */
export async function importProgress(page, { files, settingsValue, batchSize = 10_000 }) {
  return page.evaluate(
    async ({ files, settingsValue, batchSize }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('flipdeck');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const missing = ['cardStates', 'reviewLog', 'settings'].filter((name) => !db.objectStoreNames.contains(name));
      if (missing.length > 0) throw new Error(`the app's database has no ${missing.join(', ')} store`);
      const writeBatch = (store, rows) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction([store], 'readwrite');
          const objectStore = tx.objectStore(store);
          for (const row of rows) objectStore.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      let fetchParseMs = 0;
      let writeMs = 0;
      let rowCount = 0;
      for (const { url, store } of files) {
        const fetchStart = performance.now();
        const rows = await (await fetch(url)).json();
        fetchParseMs += performance.now() - fetchStart;
        const writeStart = performance.now();
        for (let i = 0; i < rows.length; i += batchSize) await writeBatch(store, rows.slice(i, i + batchSize));
        writeMs += performance.now() - writeStart;
        rowCount += rows.length;
      }
      await writeBatch('settings', [{ key: 'study', value: settingsValue }]);
      db.close();
      return { fetchParseMs, writeMs, rowCount };
    },
    { files, settingsValue, batchSize },
  );
}

/** Marks when the first card's front is in the DOM, and the frame after, relative to navigation start. */
const FIRST_CARD_PROBE = () => {
  const bench = (window.__flipdeckBench = {});
  const observer = new MutationObserver(() => {
    if (bench.firstCardDomMs === undefined && document.querySelector('.flip-card__front')) {
      bench.firstCardDomMs = performance.now();
      requestAnimationFrame(() => {
        bench.firstCardFrameMs = performance.now();
      });
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

/** Cold start: a fresh browser process on the populated profile, straight to the study screen. */
export async function coldStart(userDataDir, studyUrl) {
  const context = await launch(userDataDir);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(FIRST_CARD_PROBE);
  await page.goto(studyUrl);
  await page.waitForFunction(() => window.__flipdeckBench?.firstCardFrameMs !== undefined, null, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  // The new cards join the queue after the first card shows (see src/store/queue-reads.ts).
  await page.waitForFunction(() => performance.getEntriesByName('flipdeck:queue-complete').length > 0, null, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  const figures = await page.evaluate(() => ({
    firstCardDomMs: window.__flipdeckBench.firstCardDomMs,
    firstCardFrameMs: window.__flipdeckBench.firstCardFrameMs,
    queueBuildMs: performance.getEntriesByName('flipdeck:queue-build').map((entry) => entry.duration),
    queueCompleteMs: performance.getEntriesByName('flipdeck:queue-complete').map((entry) => entry.duration),
    // The app falls back to memory-only progress (and says so in a banner) if IndexedDB fails to open.
    isStorageFallback: document.querySelector('.banner.notice--warning') !== null,
  }));
  return { context, page, figures };
}

/**
 * Grades up to `count` cards in the page: reveal, pick a rating (seeded: 10% again, 10% hard,
 * 70% good, 10% easy), click it, and time from the click to the next card's "Show answer" button
 * being in the DOM. Stops early if the session ends.
 */
export async function gradeCards(page, { count, seed }) {
  return page.evaluate(
    async ({ count, seed, timeoutMs }) => {
      let a = seed >>> 0;
      const random = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const waitFor = (find) =>
        new Promise((resolve, reject) => {
          const found = find();
          if (found) {
            resolve(found);
            return;
          }
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error('timed out waiting for the study screen'));
          }, timeoutMs);
          const observer = new MutationObserver(() => {
            const match = find();
            if (match) {
              clearTimeout(timer);
              observer.disconnect();
              resolve(match);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
      const revealButton = () => document.querySelector('.study__actions > .button--wide');
      const done = () => document.querySelector('.session-complete');
      const timesMs = [];
      for (let i = 0; i < count; i += 1) {
        const reveal = await waitFor(() => revealButton() ?? done());
        if (reveal.matches('.session-complete')) break;
        reveal.click();
        const r = random();
        const rating = r < 0.1 ? 'again' : r < 0.2 ? 'hard' : r < 0.9 ? 'good' : 'easy';
        const button = await waitFor(() => {
          const candidate = document.querySelector(`.grade-button--${rating}`);
          return candidate && !candidate.disabled ? candidate : null;
        });
        const clickedAt = performance.now();
        button.click();
        await waitFor(() => revealButton() ?? done());
        timesMs.push(performance.now() - clickedAt);
      }
      const saveMs = performance.getEntriesByName('flipdeck:grade-save').slice(-timesMs.length).map((entry) => entry.duration);
      return { timesMs, saveMs };
    },
    { count, seed, timeoutMs: STEP_TIMEOUT_MS },
  );
}

/** The JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
