/**
 * `npm run bench`: generates seeded decks with review histories, builds the app against each,
 * measures it in headless Chromium, runs Lighthouse on the normal build, prints a table and
 * writes bench/results.md. A benchmark, not a test: nothing here asserts a time.
 *
 * Environment: BENCH_SIZES=1000,10000,100000  BENCH_COLD_RUNS=3  BENCH_GRADES=300
 *              BENCH_SKIP_LIGHTHOUSE=1  CHROME_PATH=/usr/bin/chromium
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeProgress, generateDeck } from './generate.mjs';
import { startServer } from './server.mjs';
import { coldStart, gradeCards, heapAfterGc, importProgress, launch, openAppOnce } from './browser.mjs';
import { runLighthouse } from './lighthouse.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'bench/.cache');
const SEED = 20261130;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const GRADES = Number(process.env.BENCH_GRADES ?? 300);
const LOG_CHUNK_ROWS = 50_000;
/** Seen share of each deck: a large deck is mostly still unseen. */
const SEEN_FRACTION = { 1000: 0.6, 10000: 0.6, 100000: 0.3 };
/**
 * Limits high enough for a 300-card session on every deck size (the defaults, 20 new and 200
 * reviews a day, end the session sooner). Stored as the app's own settings row.
 */
const BENCH_SETTINGS = { newCardsPerDay: 300, reviewsPerDay: 1000 };
/**
 * The first run of this benchmark, before the fixes it led to (commit a633e17, same machine): kept
 * here so every run prints the comparison. Lighthouse figures are from the same build.
 */
const BEFORE = {
  firstCardMs: 3942,
  queueBuildMs: 1982,
  gradeP95Ms: 65,
  heapMb: 41.6,
  mobile: 'performance 90 (FCP 1.7 s, LCP 2.2 s, CLS 0.165)',
  desktop: 'performance 98 (FCP 0.9 s, LCP 0.9 s, CLS 0.024)',
};
const TARGETS = { firstCardMs: 1500, gradeP95Ms: 16, queueBuildMs: 50, heapMb: 150 };
process.env.CHROME_PATH ??= '/usr/bin/chromium';

const log = (message) => console.log(`[bench] ${message}`);
const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');

function build(outDir, decksDir) {
  const started = Date.now();
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ...(decksDir ? { FLIPDECK_DECKS_DIR: decksDir } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Date.now() - started;
}

function writeGenerated(size, nowMs) {
  const started = Date.now();
  const { deck, states, log: reviewLog } = generateDeck({ cardCount: size, seed: SEED + size, nowMs, seenFraction: SEEN_FRACTION[size] ?? 0.5 });
  const decksDir = join(CACHE, `decks-${size}`);
  const progressDir = join(CACHE, `progress-${size}`);
  for (const dir of [decksDir, progressDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(decksDir, `${deck.id}.json`), JSON.stringify(deck));
  const files = [{ name: 'states.json', store: 'cardStates' }];
  writeFileSync(join(progressDir, 'states.json'), JSON.stringify(states));
  for (let i = 0; i * LOG_CHUNK_ROWS < reviewLog.length; i += 1) {
    const name = `log-${i}.json`;
    writeFileSync(join(progressDir, name), JSON.stringify(reviewLog.slice(i * LOG_CHUNK_ROWS, (i + 1) * LOG_CHUNK_ROWS)));
    files.push({ name, store: 'reviewLog' });
  }
  return {
    deckId: deck.id,
    decksDir,
    progressDir,
    files,
    stateCount: states.length,
    logCount: reviewLog.length,
    mix: describeProgress(states, nowMs),
    generateMs: Date.now() - started,
  };
}

async function benchSize(size, nowMs) {
  log(`${size} cards: generating`);
  const generated = writeGenerated(size, nowMs);
  const outDir = join(CACHE, `dist-${size}`);
  log(`${size} cards: building (${generated.stateCount} states, ${generated.logCount} log rows)`);
  const buildMs = build(outDir, generated.decksDir);
  const server = await startServer({ root: outDir, benchDir: generated.progressDir });
  const profile = mkdtempSync(join(tmpdir(), 'flipdeck-bench-'));
  try {
    log(`${size} cards: importing progress`);
    const firstVisit = await launch(profile);
    const page = await openAppOnce(firstVisit, server.url);
    const imported = await importProgress(page, {
      files: generated.files.map((file) => ({ url: `${server.url}__bench/${file.name}`, store: file.store })),
      settingsValue: BENCH_SETTINGS,
    });
    await firstVisit.close();

    const studyUrl = `${server.url}#/deck/${generated.deckId}/study`;
    const firstCardMs = [];
    const firstCardDomMs = [];
    const queueBuildMs = [];
    const queueCompleteMs = [];
    let storageFallbacks = 0;
    let gradeTimesMs = [];
    let saveTimesMs = [];
    let heapBytes = NaN;
    for (let run = 0; run < COLD_RUNS; run += 1) {
      log(`${size} cards: cold start ${run + 1}/${COLD_RUNS}`);
      const { context, page: studyPage, figures } = await coldStart(profile, studyUrl);
      firstCardMs.push(figures.firstCardFrameMs);
      firstCardDomMs.push(figures.firstCardDomMs);
      queueBuildMs.push(...figures.queueBuildMs);
      queueCompleteMs.push(...figures.queueCompleteMs);
      if (figures.isStorageFallback) storageFallbacks += 1;
      if (run === COLD_RUNS - 1) {
        log(`${size} cards: grading ${GRADES} cards`);
        ({ timesMs: gradeTimesMs, saveMs: saveTimesMs } = await gradeCards(studyPage, { count: GRADES, seed: SEED }));
        heapBytes = await heapAfterGc(studyPage);
      }
      await context.close();
    }
    return {
      size,
      ...generated,
      buildMs,
      import: imported,
      firstCardMs: median(firstCardMs),
      firstCardDomMs: median(firstCardDomMs),
      firstCardRunsMs: firstCardMs,
      queueBuildMs: median(queueBuildMs),
      queueCompleteMs: median(queueCompleteMs),
      storageFallbacks,
      grades: gradeTimesMs.length,
      gradeMedianMs: median(gradeTimesMs),
      gradeP95Ms: quantile(gradeTimesMs, 0.95),
      gradeP99Ms: quantile(gradeTimesMs, 0.99),
      gradeMaxMs: Math.max(...gradeTimesMs),
      saveMedianMs: median(saveTimesMs),
      saveP95Ms: quantile(saveTimesMs, 0.95),
      heapMb: heapBytes / 1024 / 1024,
    };
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown; the runs themselves would have failed without it.
  }
  let freeH;
  try {
    freeH = execFileSync('free', ['-h'], { encoding: 'utf8' }).trim();
  } catch {
    freeH = `total ${(totalmem() / 2 ** 30).toFixed(1)} GiB, free ${(freemem() / 2 ** 30).toFixed(1)} GiB`;
  }
  return { cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', freeH, chromium, node: process.version };
}

const mark = (value, target) => (Number.isFinite(value) ? (value <= target ? 'met' : 'missed') : 'n/a');

function sizeTable(results) {
  const header = ['Cards', 'Seen (states)', 'Log rows', 'Import: write', 'Import: fetch+parse', 'First card', 'Queue build', 'Queue with new cards', 'Grades', 'Grade median', 'Grade p95', 'Grade p99', 'Save median', 'Save p95', 'Heap after session'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en'),
    r.stateCount.toLocaleString('en'),
    r.logCount.toLocaleString('en'),
    ms(r.import.writeMs),
    ms(r.import.fetchParseMs),
    ms(r.firstCardMs),
    ms(r.queueBuildMs),
    ms(r.queueCompleteMs),
    String(r.grades),
    ms(r.gradeMedianMs),
    ms(r.gradeP95Ms),
    ms(r.gradeP99Ms),
    ms(r.saveMedianMs),
    ms(r.saveP95Ms),
    `${r.heapMb.toFixed(1)} MB`,
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function targetTable(largest) {
  if (!largest) return '';
  const rows = [
    ['First card visible (cold start)', ms(largest.firstCardMs), `${TARGETS.firstCardMs} ms`, mark(largest.firstCardMs, TARGETS.firstCardMs)],
    ['Grade to next card, p95', ms(largest.gradeP95Ms), `${TARGETS.gradeP95Ms} ms`, mark(largest.gradeP95Ms, TARGETS.gradeP95Ms)],
    ['Queue build', ms(largest.queueBuildMs), `${TARGETS.queueBuildMs} ms`, mark(largest.queueBuildMs, TARGETS.queueBuildMs)],
    ['JS heap after the session', `${largest.heapMb.toFixed(1)} MB`, `${TARGETS.heapMb} MB`, mark(largest.heapMb, TARGETS.heapMb)],
  ];
  return [`Targets at ${largest.size.toLocaleString('en')} cards:`, '', '| Figure | Measured | Target | |', '| --- | --- | --- | --- |', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

function beforeAfterTable(largest, lighthouse) {
  if (!largest || largest.size !== 100_000) return 'The before figures are for 100,000 cards, which this run did not include.';
  const preset = (name) => {
    const r = lighthouse.find((entry) => entry.preset === name);
    return r ? `performance ${r.performance} (FCP ${ms(r.fcpMs)}, LCP ${ms(r.lcpMs)}, CLS ${r.cls.toFixed(3)})` : 'not run';
  };
  const rows = [
    ['First card visible, cold start', ms(BEFORE.firstCardMs), ms(largest.firstCardMs), `${TARGETS.firstCardMs} ms`],
    ['Queue build', ms(BEFORE.queueBuildMs), ms(largest.queueBuildMs), `${TARGETS.queueBuildMs} ms`],
    ['Grade to next card, p95', ms(BEFORE.gradeP95Ms), ms(largest.gradeP95Ms), `${TARGETS.gradeP95Ms} ms`],
    ['JS heap after the session', `${BEFORE.heapMb} MB`, `${largest.heapMb.toFixed(1)} MB`, `${TARGETS.heapMb} MB`],
    ['Lighthouse mobile', BEFORE.mobile, preset('mobile'), 'performance 100'],
    ['Lighthouse desktop', BEFORE.desktop, preset('desktop'), ''],
  ];
  return [`| ${largest.size.toLocaleString('en')} cards | Before the fixes | This run | Target |`, '| --- | --- | --- | --- |', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

function lighthouseTable(results) {
  if (results.length === 0) return 'Lighthouse was skipped (BENCH_SKIP_LIGHTHOUSE).';
  const rows = results.map((r) => `| ${r.preset} | ${r.performance} (runs: ${r.performanceRuns.join(', ')}) | ${r.accessibility} | ${r.bestPractices} | ${ms(r.fcpMs)} | ${ms(r.lcpMs)} | ${ms(r.tbtMs)} | ${r.cls.toFixed(3)} |`);
  const failing = results.filter((r) => r.failing.length > 0).map((r) => `- ${r.preset}: audits below full marks: ${r.failing.join(', ')}`);
  return ['| Preset | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows, '', ...failing].join('\n');
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  mkdirSync(CACHE, { recursive: true });
  const nowMs = Date.now();
  const results = [];
  for (const size of SIZES) results.push(await benchSize(size, nowMs));

  let lighthouse = [];
  let firstLoadJs = '';
  if (!process.env.BENCH_SKIP_LIGHTHOUSE) {
    log('building the app with its own decks for Lighthouse');
    const outDir = join(CACHE, 'dist-app');
    build(outDir, undefined);
    firstLoadJs = execFileSync('node', ['scripts/size.mjs', outDir], { cwd: ROOT, encoding: 'utf8' }).split('\n').find((line) => line.startsWith('First-load JS')) ?? '';
    const server = await startServer({ root: outDir, benchDir: CACHE });
    try {
      log('running Lighthouse (mobile, desktop)');
      lighthouse = await runLighthouse(server.url);
    } finally {
      await server.close();
    }
  }

  const totalS = (Date.now() - started) / 1000;
  const loadAfter = loadavg();
  const load = (values) => values.map((v) => v.toFixed(1)).join(' / ');
  const m = machine();
  const largest = results.find((r) => r.size === Math.max(...SIZES));
  const notesPath = join(ROOT, 'bench/notes.md');
  const notes = existsSync(notesPath) ? readFileSync(notesPath, 'utf8').trim() : '';
  const markdown = `# Flipdeck benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date(started).toISOString()}; the whole run took ${totalS.toFixed(0)} s.

## Machine
- ${m.cores} cores (${m.cpuModel}), shared with other work while this ran: load average (1/5/15 min)
  ${load(loadBefore)} at the start and ${load(loadAfter)} at the end, so absolute times carry that noise
- Memory (\`free -h\`):
\`\`\`
${m.freeH}
\`\`\`
- ${m.chromium}, headless; Node ${m.node}

## Study at scale
Production build of each generated deck, served gzip-compressed from 127.0.0.1, in headless Chromium.
Seed ${SEED}; settings row ${JSON.stringify(BENCH_SETTINGS)} so a 300-card session is possible on every size.

${sizeTable(results)}

${targetTable(largest)}

- **First card**: a new browser process on the populated profile opens \`#/deck/<id>/study\`; time from
  navigation start to the frame after the card's front is in the DOM, median of ${COLD_RUNS} cold starts
  (every run: ${results.map((r) => `${r.size.toLocaleString('en')}: ${r.firstCardRunsMs.map(ms).join(', ')}`).join('; ')}).
  The card is in the DOM a frame earlier: ${results.map((r) => `${r.size.toLocaleString('en')}: ${ms(r.firstCardDomMs)}`).join(', ')}.
- **Queue build**: the \`flipdeck:queue-build\` User Timing measure: from the start of the session to a
  queue the first card can be chosen from (today's due states read by range, queue built), median over
  the cold starts. At a cold start the due read begins while the deck file loads, so it is mostly done
  before the session starts (see the notes below for a session opened later). **Queue with new cards**: \`flipdeck:queue-complete\`, until the key scan that tells
  new cards from ones due later has landed and the new cards are in the queue too (the session is usable
  before that; a session with nothing due waits for it).
- **Save**: \`flipdeck:grade-save\`, the durable IndexedDB write inside each grade (strict durability:
  the next card waits for it by design).
- **Grade to next card**: click on a grade button until the next card's "Show answer" button is in the DOM,
  including the durable IndexedDB write of the grade. Ratings seeded (10% again, 10% hard, 70% good, 10% easy).
- **Import**: measures the bulk write path only: the generated card states and review log are written with the
  raw IndexedDB API in readwrite transactions of 10,000 rows (the app's import screen is separate work).
  Fetch+parse is downloading and \`JSON.parse\`-ing the generated files in the page.
- **Heap**: \`Runtime.getHeapUsage\` after a forced garbage collection, at the end of the graded session.

${results.filter((r) => r.storageFallbacks > 0).map((r) => `- **Warning**: at ${r.size.toLocaleString('en')} cards, ${r.storageFallbacks} cold start(s) opened IndexedDB too slowly and fell back to memory-only progress; those figures do not measure the database.`).join('\n')}

Generated progress (phases of stored states, and how many are due now / overdue by a week or more):
${results.map((r) => `- ${r.size.toLocaleString('en')} cards: ${JSON.stringify(r.mix)}; generated in ${ms(r.generateMs)}, built in ${ms(r.buildMs)}`).join('\n')}

## Lighthouse
The normal build (bundled decks), first visit in a fresh profile, served gzip-compressed from 127.0.0.1,
${firstLoadJs || 'first-load JS not measured'}. Each preset ran 3 times; the table shows the run with the
median performance score (every run's score in brackets).

${lighthouseTable(lighthouse)}

## Before and after

${beforeAfterTable(largest, lighthouse)}
${notes ? `\n${notes}\n` : ''}`;
  writeFileSync(join(ROOT, 'bench/results.md'), markdown);

  console.log('');
  console.log(sizeTable(results));
  console.log('');
  console.log(targetTable(largest));
  console.log('');
  console.log(lighthouseTable(lighthouse));
  console.log(`\nWrote bench/results.md in ${totalS.toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
