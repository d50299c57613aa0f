/**
 * BENCH_ONLY=import: an Anki package of BENCH_IMPORT_CARDS (default 8,000) cards with a year of
 * review history, imported through the app's own screen in headless Chromium: choose the file,
 * wait for the preview, press "Add to my decks", wait for the deck page. Prints the time of each
 * step and the longest main-thread task in each (a PerformanceObserver for long tasks, set before
 * the app loads), with the machine's load. Then it exports the deck back with "Export to Anki
 * (.apkg)" and times that until the download is offered (BENCH_ONLY=export: the same with 10,000
 * cards unless BENCH_IMPORT_CARDS says otherwise). A benchmark, not a test: nothing here asserts a time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { makeAnki21bApkg } from '../scripts/apkg-fixtures.mjs';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';

const DAY_MS = 86_400_000;
const BASIC = 1001;

/** Notes with some markup, each with a short history: learned, then reviewed a few times. */
function packageOptions(cardCount, nowMs) {
  const notes = Array.from({ length: cardCount }, (_, i) => [i + 1, `bench${i}`, BASIC, [`Term <b>${i}</b> of the course`, `Its <i>meaning</i>, number ${i}<br>with a second line`]]);
  const cards = notes.map(([id]) => [id, 0]);
  const revlog = [];
  const reviewed = Math.floor(cardCount * 0.6);
  for (let i = 0; i < reviewed; i += 1) {
    // 10 ms apart: every revlog id (the answer time) is unique, as in a real collection.
    const start = nowMs - 300 * DAY_MS + i * 10;
    revlog.push({ id: start, nid: i + 1, ord: 0, ease: 3, type: 0, ivl: -600, time: 5000 });
    revlog.push({ id: start + 600_000, nid: i + 1, ord: 0, ease: 3, type: 0, ivl: 1, time: 4000 });
    revlog.push({ id: start + 3 * DAY_MS, nid: i + 1, ord: 0, ease: i % 7 === 0 ? 1 : 3, type: 1, ivl: 8, lastIvl: 1, factor: 2500, time: 3000 });
    revlog.push({ id: start + 20 * DAY_MS, nid: i + 1, ord: 0, ease: 3, type: 1, ivl: 30, lastIvl: 8, factor: 2500, time: 3000 });
  }
  return { notes, cards, revlog, decks: [[2001, 'Bench course']], deckOf: () => 2001 };
}

const PROBE = () => {
  const stamps = (window.__flipdeckImport = { longTasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) stamps.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask' });
};

/** Runs the import measurement against the app built in `outDir`. */
export async function benchImport({ outDir, cacheDir, log }) {
  const cardCount = Number(process.env.BENCH_IMPORT_CARDS ?? (process.env.BENCH_ONLY === 'export' ? 10_000 : 8000));
  const nowMs = Date.now();
  const started = Date.now();
  const bytes = await makeAnki21bApkg(packageOptions(cardCount, nowMs));
  const apkgPath = join(cacheDir, `bench-${cardCount}.apkg`);
  writeFileSync(apkgPath, bytes);
  log(`generated ${cardCount} cards (${(bytes.byteLength / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
  const server = await startServer({ root: outDir, benchDir: cacheDir });
  const profile = join(cacheDir, 'profile-import');
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}#/import`);
    const input = page.getByLabel('Deck file');
    await input.waitFor({ state: 'attached' });
    const load = loadavg();
    const t0 = await page.evaluate(() => performance.now());
    await input.setInputFiles(apkgPath);
    await page.getByRole('heading', { name: 'Preview: Bench course' }).waitFor({ timeout: 300_000 });
    const t1 = await page.evaluate(() => performance.now());
    const history = await page.getByTestId('preview-history').textContent();
    await page.getByRole('button', { name: 'Add to my decks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bench course' }).waitFor({ timeout: 300_000 });
    const t2 = await page.evaluate(() => performance.now());
    // Then back out: "Export to Anki (.apkg)" on the deck page, until the file is offered.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('button', { name: 'Export to Anki (.apkg)' }).click(),
    ]);
    const t3 = await page.evaluate(() => performance.now());
    const exportPath = await download.path();
    const { statSync } = await import('node:fs');
    const exportBytes = exportPath ? statSync(exportPath).size : 0;
    const { longTasks } = await page.evaluate(() => window.__flipdeckImport);
    const longest = (from, to) => Math.max(0, ...longTasks.filter(([start]) => start >= from && start < to).map(([, duration]) => duration));
    const result = {
      cardCount,
      reviews: history,
      previewMs: t1 - t0,
      addMs: t2 - t1,
      totalMs: t2 - t0,
      longestPreviewTaskMs: longest(t0, t1),
      longestAddTaskMs: longest(t1, t2),
      exportMs: t3 - t2,
      exportBytes,
      longestExportTaskMs: longest(t2, t3),
      tasksOver100ms: longTasks.filter(([start, duration]) => start >= t0 && start < t2 && duration > 100).length,
      loadAverage: load.map((l) => l.toFixed(2)).join(' '),
    };
    console.log(`\nImport of a ${cardCount}-card .apkg through the app (${history}), load average ${result.loadAverage}:`);
    console.log(`  choose -> preview   ${result.previewMs.toFixed(0)} ms, longest main-thread task ${result.longestPreviewTaskMs.toFixed(0)} ms`);
    console.log(`  add -> deck page    ${result.addMs.toFixed(0)} ms, longest main-thread task ${result.longestAddTaskMs.toFixed(0)} ms`);
    console.log(`  total               ${result.totalMs.toFixed(0)} ms; main-thread tasks over 100 ms: ${result.tasksOver100ms}`);
    console.log(`  export to Anki      ${result.exportMs.toFixed(0)} ms (${(exportBytes / 1e6).toFixed(1)} MB .apkg), longest main-thread task ${result.longestExportTaskMs.toFixed(0)} ms`);
    return result;
  } finally {
    await context.close();
    await server.close();
  }
}
