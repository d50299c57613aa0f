/**
 * Lighthouse against the built app, in its mobile (default) and desktop presets. Each preset runs
 * in a fresh Chromium profile, so it measures a first visit (no service worker, empty caches).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** The element Lighthouse took as the largest contentful paint, as a CSS selector. */
function lcpElement(lhr) {
  const tables = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = tables.flatMap((table) => table.items ?? []).find((item) => item.node)?.node;
  // Not reported when the element has left the page by the end of the run (the shell is replaced).
  return node?.selector ?? 'not reported';
}

/** Each layout shift Lighthouse saw: its score and the element that moved most. */
function layoutShifts(lhr) {
  const items = lhr.audits['layout-shifts']?.details?.items ?? [];
  return items.map((item) => `${item.score.toFixed(3)} (${item.node?.selector ?? 'unknown element'})`);
}

async function runPreset(url, preset) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    const { lhr } = result;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
      .map((audit) => `${audit.id} (${audit.displayValue ?? audit.score})`);
    return {
      preset,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
      lcpElement: lcpElement(lhr),
      layoutShifts: layoutShifts(lhr),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/** How many times each preset runs: the mobile target must hold in every one of 5 runs. */
export const LIGHTHOUSE_RUNS = { mobile: 5, desktop: 3 };

/**
 * Runs each preset LIGHTHOUSE_RUNS times against `url`. Returns, per preset, the run with the
 * median performance score (Lighthouse's own advice for a noisy machine) with every run beside it
 * (`runs`), so a report can show all of them, not only the median.
 */
export async function runLighthouse(url, runs = LIGHTHOUSE_RUNS) {
  const results = [];
  for (const preset of ['mobile', 'desktop']) {
    if (!(runs[preset] > 0)) continue;
    const all = [];
    for (let i = 0; i < runs[preset]; i += 1) all.push(await runPreset(url, preset));
    const sorted = [...all].sort((a, b) => a.performance - b.performance || a.lcpMs - b.lcpMs);
    results.push({ ...sorted[Math.floor(sorted.length / 2)], performanceRuns: all.map((r) => r.performance), runs: all });
  }
  return results;
}

const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');

/** The median run of each preset, then every run, as Markdown. */
export function lighthouseTable(results) {
  if (results.length === 0) return 'Lighthouse was skipped (BENCH_SKIP_LIGHTHOUSE).';
  const rows = results.map((r) => `| ${r.preset} | ${r.performance} (runs: ${r.performanceRuns.join(', ')}) | ${r.accessibility} | ${r.bestPractices} | ${ms(r.fcpMs)} | ${ms(r.lcpMs)} | ${ms(r.tbtMs)} | ${r.cls.toFixed(3)} |`);
  const everyRun = results.flatMap((r) =>
    r.runs.map((run, i) => `| ${r.preset} ${i + 1} | ${run.performance} | ${ms(run.fcpMs)} | ${ms(run.lcpMs)} | ${ms(run.tbtMs)} | ${ms(run.speedIndexMs)} | ${run.cls.toFixed(3)} | \`${run.lcpElement}\` |`),
  );
  const failing = results.filter((r) => r.failing.length > 0).map((r) => `- ${r.preset}: audits below full marks: ${r.failing.join(', ')}`);
  const elements = results.map(
    (r) => `- ${r.preset}: LCP element \`${r.lcpElement}\`; layout shifts: ${r.layoutShifts.length === 0 ? 'none' : r.layoutShifts.join(', ')}`,
  );
  return [
    '| Preset | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| Run | Performance | FCP | LCP | TBT | Speed index | CLS | LCP element |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...everyRun,
    '',
    ...elements,
    ...failing,
  ].join('\n');
}

// `node bench/lighthouse.mjs [build folder]`: Lighthouse alone against a build (default dist/),
// printed, not written to results.md; for checking a change without the whole benchmark.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startServer } = await import('./server.mjs');
  const { loadavg } = await import('node:os');
  const { resolve } = await import('node:path');
  const root = resolve(process.argv[2] ?? new URL('../dist/', import.meta.url).pathname);
  process.env.CHROME_PATH ??= '/usr/bin/chromium';
  const server = await startServer({ root, benchDir: root });
  try {
    console.log(`load average at start: ${loadavg().map((v) => v.toFixed(1)).join(' / ')}`);
    const runs = { mobile: Number(process.env.LIGHTHOUSE_MOBILE_RUNS ?? LIGHTHOUSE_RUNS.mobile), desktop: Number(process.env.LIGHTHOUSE_DESKTOP_RUNS ?? LIGHTHOUSE_RUNS.desktop) };
    console.log(lighthouseTable(await runLighthouse(server.url, runs)));
    console.log(`load average at end: ${loadavg().map((v) => v.toFixed(1)).join(' / ')}`);
  } finally {
    await server.close();
  }
}
