// Prints the gzipped JavaScript a first visit loads (the entry script and its modulepreloads in
// dist/index.html) and fails when it exceeds the budget. Lazy chunks are listed but not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 170;
// An optional argument names another build folder (the benchmark builds into bench/.cache).
const dist = process.argv[2] ? `${resolve(process.argv[2])}/` : new URL('../dist/', import.meta.url).pathname;

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
// Every <script src> (the boot script), the entry module it starts after the first paint (its
// data-entry, see scripts/vite-plugin-shell.ts) and the modules the entry imports (modulepreload).
const firstLoad = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g),
  ...html.matchAll(/\sdata-entry="\.?\/?([^"]+\.js)"/g),
].map((m) => m[1]);
const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css')).map((f) => `assets/${f}`);

const rows = allJs.map((file) => ({ file, kb: gzipKb(file), isFirstLoad: firstLoad.includes(file) }));
for (const row of rows.sort((a, b) => b.kb - a.kb)) {
  console.log(`${row.isFirstLoad ? 'first load' : 'lazy      '}  ${row.kb.toFixed(1).padStart(7)} KB  ${row.file}`);
}
const cssKb = css.reduce((sum, file) => sum + gzipKb(file), 0);
const totalKb = rows.filter((r) => r.isFirstLoad).reduce((sum, r) => sum + r.kb, 0);
console.log(`CSS ${cssKb.toFixed(1)} KB gzip`);
if (firstLoad.length === 0) {
  console.error('No entry script found in dist/index.html.');
  process.exit(1);
}
console.log(`First-load JS: ${totalKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error(`Over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB: move code the first screen does not need into a lazy chunk.`);
  process.exit(1);
}
