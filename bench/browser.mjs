/**
 * The in-browser measurements, against a production build in headless Chromium with a persistent
 * profile (so IndexedDB survives a browser restart, as it does for a returning student).
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** Opens the app once so it creates its database (its current schema) and device id, and waits for the deck list. */
export async function openAppOnce(context, baseUrl) {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('.deck-tile[data-status="ready"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return page;
}

/**
 * Writes the generated progress straight into the app's IndexedDB (schema v3) with the raw API, in
 * batches of `batchSize` rows per readwrite transaction: the card states (the cache of replay), the
 * card events and the settings events, each file into its `store`. Event rows come with a null
 * `deviceId`, filled here with the id the app stored for this browser on its first visit. Not the
 * app's import: a bulk write that prepares the study measurements.
 * Returns the fetch+parse time and the write time, separately, in ms.
 */
export async function importProgress(page, { files, batchSize = 10_000 }) {
  return page.evaluate(
    async ({ files, batchSize }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('flipdeck');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const missing = ['cardStates', 'events', 'settingsEvents', 'settings'].filter((name) => !db.objectStoreNames.contains(name));
      if (missing.length > 0) throw new Error(`the app's database (version ${db.version}) has no ${missing.join(', ')} store: not schema v3`);
      const deviceId = await new Promise((resolve, reject) => {
        const request = db.transaction(['settings']).objectStore('settings').get('device');
        request.onsuccess = () => resolve(request.result?.value?.deviceId);
        request.onerror = () => reject(request.error);
      });
      if (typeof deviceId !== 'string' || deviceId === '') throw new Error('the app stored no device id on its first visit (settings row "device")');
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
        if (store !== 'cardStates') for (const row of rows) row.deviceId = deviceId;
        fetchParseMs += performance.now() - fetchStart;
        const writeStart = performance.now();
        for (let i = 0; i < rows.length; i += batchSize) await writeBatch(store, rows.slice(i, i + batchSize));
        writeMs += performance.now() - writeStart;
        rowCount += rows.length;
      }
      db.close();
      return { fetchParseMs, writeMs, rowCount };
    },
    { files, batchSize },
  );
}

/**
 * The counts the deck's own page shows (New, Learning, Due), opened afresh (a new document, so
 * nothing the first visit read is reused), and the time they were read at (epoch ms).
 */
export async function deckPageCounts(page, baseUrl, deckId) {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}#/deck/${deckId}`);
  const counts = page.locator('.deck-page .deck-counts');
  await counts.waitFor({ timeout: STEP_TIMEOUT_MS });
  const atMs = Date.now();
  const [fresh, learning, review] = await counts.locator('.deck-counts__item dd').evaluateAll((items) => items.map((item) => Number(item.textContent)));
  return { atMs, counts: { fresh, learning, review } };
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
 * From a study session, back to the deck list and, a second after its counts show (a student
 * reading the list), Study again: the queue build of a session opened from the list, in ms.
 */
export async function queueBuildFromList(page) {
  const builds = () => performance.getEntriesByName('flipdeck:queue-build').length;
  const before = await page.evaluate(builds);
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.locator('.deck-tile .deck-counts').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(1_000);
  await page.locator('.deck-tile a.button--primary').first().click();
  await page.waitForFunction((count) => performance.getEntriesByName('flipdeck:queue-build').length > count, before, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  await page.locator('.flip-card__front').waitFor({ timeout: STEP_TIMEOUT_MS });
  return page.evaluate(() => performance.getEntriesByName('flipdeck:queue-build').at(-1).duration);
}

/**
 * Grades up to `count` cards in the page as a fast student would by keyboard: reveal, then the
 * grade key at once (seeded: 10% again, 10% hard, 70% good, 10% easy; keys 1-4), with no pause, so
 * each grade's background write overlaps the next cards. Stops early if the session ends.
 *
 * Two figures per grade, kept apart so a slow disk shows as what it is:
 * - key to card: from the keydown to the next card settled in the DOM (its "Show answer" button
 *   rendered and focused, which the study screen does in the same commit), then to the next frame;
 * - commit: the app's `flipdeck:grade-save` measure, the strict-durability IndexedDB write of the
 *   grade, from when the write starts (not while it waits its turn).
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
      // Checks after every DOM change and every focus move (focus is no mutation).
      const waitFor = (find) =>
        new Promise((resolve, reject) => {
          const found = find();
          if (found) {
            resolve(found);
            return;
          }
          const stop = () => {
            clearTimeout(timer);
            observer.disconnect();
            document.removeEventListener('focusin', check);
          };
          const check = () => {
            const match = find();
            if (match) {
              stop();
              resolve(match);
            }
          };
          const timer = setTimeout(() => {
            stop();
            reject(new Error('timed out waiting for the study screen'));
          }, timeoutMs);
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
          document.addEventListener('focusin', check);
        });
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const revealButton = () => document.querySelector('.study__actions > .button--wide');
      const done = () => document.querySelector('.session-complete');
      const settledCard = (previous) => {
        const reveal = revealButton();
        if (reveal && reveal !== previous && document.activeElement === reveal) return reveal;
        return done();
      };
      const keyToCardMs = [];
      const keyToFrameMs = [];
      const savesBefore = performance.getEntriesByName('flipdeck:grade-save').length;
      for (let i = 0; i < count; i += 1) {
        const reveal = await waitFor(() => revealButton() ?? done());
        if (reveal.matches('.session-complete')) break;
        reveal.click();
        await waitFor(() => document.querySelector('.grade-button:not(:disabled)'));
        const r = random();
        const key = r < 0.1 ? '1' : r < 0.2 ? '2' : r < 0.9 ? '3' : '4';
        // Keys go to the focused control, as a real key press would (the study screen listens on window).
        const target = document.activeElement ?? document.body;
        const pressedAt = performance.now();
        target.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Digit${key}`, bubbles: true, cancelable: true }));
        await waitFor(() => settledCard(reveal));
        keyToCardMs.push(performance.now() - pressedAt);
        keyToFrameMs.push((await nextFrame()) - pressedAt);
      }
      // Every grade's write has finished before the figures are read.
      await waitFor(() => [...document.querySelectorAll('[role="status"]')].find((node) => node.textContent === 'All grades saved'));
      const commitMs = performance.getEntriesByName('flipdeck:grade-save').slice(savesBefore).map((entry) => entry.duration);
      return { keyToCardMs, keyToFrameMs, commitMs };
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

const RESTORE_TIMEOUT_MS = 300_000;

/** Stamps, in page time, when the restore's steps happen: set before the app loads. */
const RESTORE_PROBE = () => {
  const stamps = (window.__flipdeckRestore = { longTasks: [] });
  // Main-thread tasks over 50 ms: how long the page stops answering input while it restores.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) stamps.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask' });
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') stamps.chosenMs ??= performance.now();
  }, true);
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button')?.textContent?.includes('Restore this backup')) stamps.confirmedMs ??= performance.now();
  }, true);
  new MutationObserver(() => {
    if (stamps.chosenMs === undefined) return;
    if (stamps.previewMs === undefined && document.querySelector('[data-testid="restore-preview"]')) stamps.previewMs = performance.now();
    const alert = document.querySelector('[role="alert"]');
    if (stamps.failedMs === undefined && alert) {
      stamps.failedMs = performance.now();
      stamps.failure = alert.textContent;
    }
    const status = [...document.querySelectorAll('[role="status"]')].find((node) => node.textContent?.startsWith('Restored'));
    if (stamps.doneMs === undefined && status) {
      stamps.doneMs = performance.now();
      stamps.doneText = status.textContent;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/** The largest peak resident set (VmHWM) among the renderer processes of the browser using `profile`, in bytes. */
function rendererPeakRssBytes(profile) {
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      processes.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // The process ended while being listed.
    }
  }
  const family = new Set(processes.filter((p) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type=')).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (family.has(p.ppid) && !family.has(p.pid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  let peak = NaN;
  for (const p of processes) {
    if (!family.has(p.pid) || !p.cmdline.includes('--type=renderer')) continue;
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))?.[1]);
    if (Number.isFinite(kb)) peak = Number.isFinite(peak) ? Math.max(peak, kb * 1024) : kb * 1024;
  }
  return peak;
}

/**
 * Restores `backupPath` through the app's own screen, as a user would, in a fresh profile:
 * open #/backup, choose the file, wait for the preview, press "Restore this backup", wait for
 * "Restored", then go back to the deck list and wait for the deck's counts. Times come from page
 * stamps (see RESTORE_PROBE), so the pause before pressing the button is not counted.
 */
export async function restoreThroughApp(profile, baseUrl, { backupPath, deckTitle }) {
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(RESTORE_PROBE);
    // From the deck list, once the app has opened its database, as a user would come.
    await page.goto(baseUrl);
    await page.locator('.deck-tile[data-status="ready"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.evaluate(() => {
      window.location.hash = '#/backup';
    });
    const input = page.getByLabel('Backup file');
    await input.waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
    await input.setInputFiles(backupPath);
    const stamps = () => page.evaluate(() => ({ ...window.__flipdeckRestore }));
    const outcome = page.locator('[data-testid="restore-preview"], [role="alert"]').first();
    await outcome.waitFor({ timeout: RESTORE_TIMEOUT_MS });
    let s = await stamps();
    if (s.failedMs !== undefined) return { isFailed: true, failure: s.failure.trim(), readMs: s.failedMs - s.chosenMs, peakRssBytes: rendererPeakRssBytes(profile) };
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.locator('[role="status"]', { hasText: 'Restored' }).or(page.locator('[role="alert"]')).first().waitFor({ timeout: RESTORE_TIMEOUT_MS });
    s = await stamps();
    if (s.doneMs === undefined) return { isFailed: true, failure: s.failure.trim(), readMs: s.previewMs - s.chosenMs, peakRssBytes: rendererPeakRssBytes(profile) };
    // In-app navigation (no reload): the list the restore refreshed, with the deck's counts.
    const listStarted = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'All decks' }).click();
    const tile = page.getByRole('article', { name: deckTitle });
    await tile.locator('.deck-counts').waitFor({ timeout: STEP_TIMEOUT_MS });
    const listMs = (await page.evaluate(() => performance.now())) - listStarted;
    const counts = await tile.locator('.deck-counts__item').evaluateAll((items) => items.map((item) => `${item.querySelector('dt')?.textContent} ${item.querySelector('dd')?.textContent}`).join(', '));
    const measures = await page.evaluate(() =>
      Object.fromEntries(['read', 'preview', 'write'].map((step) => [step, performance.getEntriesByName(`flipdeck:restore-${step}`).at(-1)?.duration ?? NaN])),
    );
    const longest = (fromMs, toMs) => Math.max(0, ...s.longTasks.filter(([start]) => start >= fromMs && start < toMs).map(([, duration]) => duration));
    return {
      isFailed: false,
      measures,
      longestReadTaskMs: longest(s.chosenMs, s.previewMs),
      longestWriteTaskMs: longest(s.confirmedMs, s.doneMs),
      readMs: s.previewMs - s.chosenMs,
      writeMs: s.doneMs - s.confirmedMs,
      listMs,
      totalMs: s.previewMs - s.chosenMs + (s.doneMs - s.confirmedMs) + listMs,
      summary: s.doneText.trim(),
      counts,
      peakRssBytes: rendererPeakRssBytes(profile),
    };
  } finally {
    await context.close();
  }
}
