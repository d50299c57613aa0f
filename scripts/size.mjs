/**
 * `npm run size`: the JavaScript a first visit to the deck list fetches, measured in Chromium, and
 * checked against the budgets. A static reading of index.html misses whatever the app imports at
 * start-up or prefetches later, so this opens the built app in a fresh profile, waits until the
 * network has been idle for 2 s, and counts every script the page fetched: the boot script, the
 * entry module, its preloads, the chunks the app imports at start and anything it prefetches.
 * Sizes are each file's gzip (level 9) from the build folder, so the figures do not depend on the
 * server or the timing, only on which files were fetched.
 *
 * The service worker's precache (every chunk, for offline study) is downloaded by the worker in
 * the background after install; it is printed apart and is not part of the page's budget.
 *
 * An optional argument names another build folder (the benchmark builds into bench/.cache).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startServer } from '../bench/server.mjs';

/** Every script a first visit fetches, gzip. */
const FIRST_VISIT_BUDGET_KB = 150;
/**
 * The entry module with everything it imports statically: one module graph, evaluated in one
 * task. What it imports dynamically (src/main.tsx) is evaluated in tasks of its own.
 */
const ENTRY_BUDGET_KB = 110;
/** The network counts as settled after this long with no request in flight. */
const NETWORK_IDLE_MS = 2_000;
const TIMEOUT_MS = 30_000;

// As e2e/browser.ts (plain Node cannot import that file): the browser tests' Chromium, kept offline.
const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const chromiumExecutable = () => process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const dist = process.argv[2] ? resolve(process.argv[2]) : new URL('../dist/', import.meta.url).pathname;

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`${join(dist, 'index.html')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
// The boot script starts the entry module after the first paint (scripts/vite-plugin-shell.ts).
const entry = (/\sdata-entry="\.?\/?([^"]+\.js)"/.exec(html) ?? /<script type="module"[^>]*\ssrc="\.?\/?([^"]+\.js)"/.exec(html))?.[1];
if (!entry) {
  console.error('No entry module found in index.html.');
  process.exit(1);
}

/** The entry and the chunks it imports statically, transitively (static imports in Rolldown's output). */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) staticGraph(`assets/${match[1]}`, seen);
  return seen;
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const kb = (value) => `${value.toFixed(1).padStart(7)} KB`;

/** Paths (relative to the build folder) the page and the service worker fetched, in order. */
async function firstVisit() {
  const server = await startServer({ root: dist, benchDir: dist });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = new URL(server.url);
    const pageFiles = [];
    const workerFiles = [];
    let inFlight = 0;
    let lastActivity = Date.now();
    const toPath = (url) => {
      const parsed = new URL(url);
      return parsed.origin === base.origin ? decodeURIComponent(parsed.pathname).replace(/^\//, '') || 'index.html' : url;
    };
    context.on('request', (request) => {
      inFlight += 1;
      lastActivity = Date.now();
      (request.serviceWorker() ? workerFiles : pageFiles).push(toPath(request.url()));
    });
    const settle = () => {
      inFlight -= 1;
      lastActivity = Date.now();
    };
    context.on('requestfinished', settle);
    context.on('requestfailed', settle);

    await page.goto(server.url);
    const started = Date.now();
    while (inFlight > 0 || Date.now() - lastActivity < NETWORK_IDLE_MS) {
      if (Date.now() - started > TIMEOUT_MS) throw new Error(`the network was still busy after ${TIMEOUT_MS / 1000} s`);
      await new Promise((done) => setTimeout(done, 100));
    }
    // The deck list must really have loaded, or the count would leave out what loading it fetches.
    const counts = await page.locator('#root .deck-counts').count();
    if (counts === 0) throw new Error('the deck list showed no counts: the first visit did not load');
    return { pageFiles: [...new Set(pageFiles)], workerFiles: [...new Set(workerFiles)] };
  } finally {
    await browser.close();
    await server.close();
  }
}

const { pageFiles, workerFiles } = await firstVisit();
const isScript = (file) => file.endsWith('.js') && !file.includes('://');
const fetchedJs = pageFiles.filter(isScript);
const allJs = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const rows = allJs.map((file) => ({ file, kb: gzipKb(file), isFirstVisit: fetchedJs.includes(file) }));

for (const row of rows.sort((a, b) => b.kb - a.kb)) {
  const label = row.file === entry ? 'entry     ' : row.isFirstVisit ? 'first visit' : 'lazy      ';
  console.log(`${label.padEnd(11)} ${kb(row.kb)}  ${row.file}`);
}
const others = pageFiles.filter((file) => !isScript(file));
console.log(`Also fetched by the page: ${others.join(', ')}`);
const precacheKb = workerFiles.filter((file) => !file.includes('://')).reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`Service-worker precache, downloaded in the background after install: ${workerFiles.length} files, ${precacheKb.toFixed(1)} KB gzip`);

const entryGraph = [...staticGraph(entry)];
const entryKb = entryGraph.reduce((sum, file) => sum + gzipKb(file), 0);
const totalKb = rows.filter((r) => r.isFirstVisit).reduce((sum, r) => sum + r.kb, 0);
console.log(`Entry module with its static imports (${entryGraph.join(', ')}): ${entryKb.toFixed(1)} KB gzip (budget ${ENTRY_BUDGET_KB} KB)`);
const largest = rows.filter((r) => r.isFirstVisit).sort((a, b) => b.kb - a.kb)[0];
if (largest) console.log(`Largest script of the first visit: ${largest.file}, ${largest.kb.toFixed(1)} KB gzip`);
console.log(`First-visit JS: ${totalKb.toFixed(1)} KB gzip (budget ${FIRST_VISIT_BUDGET_KB} KB), ${fetchedJs.length} scripts`);

let isOver = false;
if (entryKb > ENTRY_BUDGET_KB) {
  console.error(`Entry module over budget by ${(entryKb - ENTRY_BUDGET_KB).toFixed(1)} KB: import what the first render does not need lazily.`);
  isOver = true;
}
if (totalKb > FIRST_VISIT_BUDGET_KB) {
  console.error(`First visit over budget by ${(totalKb - FIRST_VISIT_BUDGET_KB).toFixed(1)} KB: load or prefetch code the deck list does not need only when it is needed.`);
  isOver = true;
}
if (isOver) process.exit(1);
