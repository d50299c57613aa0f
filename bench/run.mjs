/**
 * `npm run bench`: generates seeded decks with review histories, builds the app against each,
 * measures it in headless Chromium, runs Lighthouse on the normal build, prints a table and
 * writes bench/results.md. A benchmark, not a test: nothing here asserts a time.
 *
 * Environment: BENCH_SIZES=1000,10000,100000  BENCH_COLD_RUNS=3  BENCH_GRADES=300
 *              BENCH_SKIP_LIGHTHOUSE=1  CHROME_PATH=/usr/bin/chromium
 *              BENCH_ONLY=restore (only the restore-through-the-app measurement, for quick reruns)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESTORED_SUFFIX, backupText, describeProgress, generateDeck } from './generate.mjs';
import { startServer } from './server.mjs';
import { coldStart, gradeCards, queueBuildFromList, heapAfterGc, importProgress, launch, openAppOnce, restoreThroughApp } from './browser.mjs';
import { lighthouseTable, LIGHTHOUSE_RUNS, runLighthouse } from './lighthouse.mjs';

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
/** The same settings as a full StudySettings value (src/domain/settings.ts defaults), for the backup file. */
const BACKUP_SETTINGS = {
  desiredRetention: 0.9,
  learningStepsMinutes: [1, 10],
  relearningStepsMinutes: [10],
  maximumIntervalDays: 36500,
  isFuzzEnabled: true,
  dayStartHour: 4,
  learnAheadMinutes: 20,
  fsrsWeights: null,
  previousFsrsWeights: null,
  ...BENCH_SETTINGS,
};
const ONLY_RESTORE = process.env.BENCH_ONLY === 'restore';
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
const mb = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} MB` : 'n/a');
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
  const generated = generateDeck({ cardCount: size, seed: SEED + size, nowMs, seenFraction: SEEN_FRACTION[size] ?? 0.5 });
  const { deck, states, log: reviewLog } = generated;
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
  // The same deck and progress as one backup file in the app's format, for the restore measurement.
  const backupPath = join(progressDir, `flipdeck-backup-bench-${size}.json`);
  const backup = backupText(generated, { nowMs, settings: BACKUP_SETTINGS });
  writeFileSync(backupPath, backup);
  return {
    backupPath,
    backupBytes: Buffer.byteLength(backup),
    deckTitle: deck.title + RESTORED_SUFFIX,
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
  try {
    const study = ONLY_RESTORE ? NO_STUDY : await measureStudy(size, generated, server.url);
    log(`${size} cards: restoring a ${(generated.backupBytes / 2 ** 20).toFixed(1)} MiB backup through the app`);
    const restoreProfile = mkdtempSync(join(tmpdir(), 'flipdeck-bench-restore-'));
    let restore;
    try {
      restore = await restoreThroughApp(restoreProfile, server.url, { backupPath: generated.backupPath, deckTitle: generated.deckTitle });
    } finally {
      rmSync(restoreProfile, { recursive: true, force: true });
    }
    log(`${size} cards: restore ${restore.isFailed ? `failed: ${restore.failure}` : `took ${ms(restore.totalMs)}`}`);
    return { size, ...generated, buildMs, restore, ...study };
  } finally {
    await server.close();
  }
}

/** What the study columns hold when only the restore was measured. */
const NO_STUDY = {
  import: { writeMs: NaN, fetchParseMs: NaN },
  firstCardMs: NaN,
  firstCardDomMs: NaN,
  firstCardRunsMs: [],
  queueBuildMs: NaN,
  queueCompleteMs: NaN,
  queueFromListMs: NaN,
  storageFallbacks: 0,
  grades: 0,
  gradeMedianMs: NaN,
  gradeP95Ms: NaN,
  gradeP99Ms: NaN,
  gradeMaxMs: NaN,
  saveMedianMs: NaN,
  saveP95Ms: NaN,
  heapMb: NaN,
};

/** Seeds a profile with the generated progress (raw IndexedDB writes), then cold starts and grades. */
async function measureStudy(size, generated, serverUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'flipdeck-bench-'));
  try {
    log(`${size} cards: seeding progress (raw IndexedDB write)`);
    const firstVisit = await launch(profile);
    const page = await openAppOnce(firstVisit, serverUrl);
    const imported = await importProgress(page, {
      files: generated.files.map((file) => ({ url: `${serverUrl}__bench/${file.name}`, store: file.store })),
      settingsValue: BENCH_SETTINGS,
    });
    await firstVisit.close();

    const studyUrl = `${serverUrl}#/deck/${generated.deckId}/study`;
    const firstCardMs = [];
    const firstCardDomMs = [];
    const queueBuildMs = [];
    const queueCompleteMs = [];
    const queueFromListMs = [];
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
      queueFromListMs.push(await queueBuildFromList(studyPage));
      if (run === COLD_RUNS - 1) {
        log(`${size} cards: grading ${GRADES} cards`);
        ({ timesMs: gradeTimesMs, saveMs: saveTimesMs } = await gradeCards(studyPage, { count: GRADES, seed: SEED }));
        heapBytes = await heapAfterGc(studyPage);
      }
      await context.close();
    }
    return {
      import: imported,
      firstCardMs: median(firstCardMs),
      firstCardDomMs: median(firstCardDomMs),
      firstCardRunsMs: firstCardMs,
      queueBuildMs: median(queueBuildMs),
      queueCompleteMs: median(queueCompleteMs),
      queueFromListMs: median(queueFromListMs),
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
  const header = ['Cards', 'Seen (states)', 'Log rows', 'Seeding: raw IDB write', 'Seeding: fetch+parse', 'First card', 'Queue build', 'Queue build from the list', 'Queue with new cards', 'Grades', 'Grade median', 'Grade p95', 'Grade p99', 'Save median', 'Save p95', 'Heap after session'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en'),
    r.stateCount.toLocaleString('en'),
    r.logCount.toLocaleString('en'),
    ms(r.import.writeMs),
    ms(r.import.fetchParseMs),
    ms(r.firstCardMs),
    ms(r.queueBuildMs),
    ms(r.queueFromListMs),
    ms(r.queueCompleteMs),
    String(r.grades),
    ms(r.gradeMedianMs),
    ms(r.gradeP95Ms),
    ms(r.gradeP99Ms),
    ms(r.saveMedianMs),
    ms(r.saveP95Ms),
    mb(r.heapMb),
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Restoring the generated backup through the app's own screen (bench/browser.mjs restoreThroughApp). */
function restoreTable(results) {
  const header = ['Cards', 'Backup file', 'Read + validate', 'Write', 'Deck list with counts', 'Total', 'Longest task: read / write', 'Renderer peak RSS', 'Outcome'];
  const rows = results.map(({ size, backupBytes, logCount, restore: r }) => [
    size.toLocaleString('en'),
    mb(backupBytes / 2 ** 20).replace('MB', 'MiB'),
    `${ms(r.readMs)} (parse+check ${ms(r.measures?.read)}, plan ${ms(r.measures?.preview)})`,
    `${ms(r.writeMs)} (transaction ${ms(r.measures?.write)})`,
    ms(r.listMs),
    ms(r.totalMs),
    `${ms(r.longestReadTaskMs)} / ${ms(r.longestWriteTaskMs)}`,
    mb(r.peakRssBytes / 2 ** 20).replace('MB', 'MiB'),
    r.isFailed
      ? `failed: ${r.failure.replace(/\|/g, '/').slice(0, 300)}`
      : `restored ${/(\d+) review\(s\) added/.exec(r.summary)?.[1] ?? '?'} of ${logCount.toLocaleString('en')} reviews; deck tile: ${r.counts}`,
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function targetTable(largest) {
  if (!largest) return '';
  const rows = [
    ['First card visible (cold start)', ms(largest.firstCardMs), `${TARGETS.firstCardMs} ms`, mark(largest.firstCardMs, TARGETS.firstCardMs)],
    ['Grade to next card, p95', ms(largest.gradeP95Ms), `${TARGETS.gradeP95Ms} ms`, mark(largest.gradeP95Ms, TARGETS.gradeP95Ms)],
    ['Queue build, cold start', ms(largest.queueBuildMs), `${TARGETS.queueBuildMs} ms`, mark(largest.queueBuildMs, TARGETS.queueBuildMs)],
    ['Queue build, session opened from the deck list', ms(largest.queueFromListMs), `${TARGETS.queueBuildMs} ms`, mark(largest.queueFromListMs, TARGETS.queueBuildMs)],
    ['JS heap after the session', mb(largest.heapMb), `${TARGETS.heapMb} MB`, mark(largest.heapMb, TARGETS.heapMb)],
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
    ['Queue build, cold start', ms(BEFORE.queueBuildMs), ms(largest.queueBuildMs), `${TARGETS.queueBuildMs} ms`],
    ['Queue build, from the deck list', 'not measured', ms(largest.queueFromListMs), `${TARGETS.queueBuildMs} ms`],
    ['Grade to next card, p95', ms(BEFORE.gradeP95Ms), ms(largest.gradeP95Ms), `${TARGETS.gradeP95Ms} ms`],
    ['JS heap after the session', `${BEFORE.heapMb} MB`, mb(largest.heapMb), `${TARGETS.heapMb} MB`],
    ['Lighthouse mobile', BEFORE.mobile, preset('mobile'), 'performance 100'],
    ['Lighthouse desktop', BEFORE.desktop, preset('desktop'), ''],
  ];
  return [`| ${largest.size.toLocaleString('en')} cards | Before the fixes | This run | Target |`, '| --- | --- | --- | --- |', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  mkdirSync(CACHE, { recursive: true });
  const nowMs = Date.now();
  const results = [];
  for (const size of SIZES) results.push(await benchSize(size, nowMs));

  let lighthouse = [];
  let lighthouseLoad = null;
  let firstLoadJs = '';
  if (!process.env.BENCH_SKIP_LIGHTHOUSE) {
    log('building the app with its own decks for Lighthouse');
    const outDir = join(CACHE, 'dist-app');
    build(outDir, undefined);
    firstLoadJs = execFileSync('node', ['scripts/size.mjs', outDir], { cwd: ROOT, encoding: 'utf8' }).split('\n').find((line) => line.startsWith('First-visit JS')) ?? '';
    const server = await startServer({ root: outDir, benchDir: CACHE });
    try {
      log(`running Lighthouse (mobile ${LIGHTHOUSE_RUNS.mobile} times, desktop ${LIGHTHOUSE_RUNS.desktop} times)`);
      lighthouseLoad = loadavg();
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
  before the session starts. **Queue build from the list**: the same measure for a session opened from
  the deck list (after each cold start: back to the list, Study a second after its counts show), which
  reuses the reads behind the list's counts. **Queue with new cards**: \`flipdeck:queue-complete\`, until the key scan that tells
  new cards from ones due later has landed and the new cards are in the queue too (the session is usable
  before that; a session with nothing due waits for it).
- **Save**: \`flipdeck:grade-save\`, the durable IndexedDB write inside each grade (strict durability:
  the next card waits for it by design).
- **Grade to next card**: click on a grade button until the next card's "Show answer" button is in the DOM,
  including the durable IndexedDB write of the grade. Ratings seeded (10% again, 10% hard, 70% good, 10% easy).
- **Seeding**: how the study measurements get their progress, not the app's import: the generated card
  states and review log are written with the raw IndexedDB API in readwrite transactions of 10,000 rows.
  Fetch+parse is downloading and \`JSON.parse\`-ing the generated files in the page. The app's own import
  of a deck with its progress is the restore below.
- **Heap**: \`Runtime.getHeapUsage\` after a forced garbage collection, at the end of the graded session.

## Import of the deck and its progress (restore through the app)
The same generated deck and progress, written as one backup file in the app's format (the deck as a
user deck \`user.bench-<size>\`, its card states, the whole review log with ids, and the settings; see
\`backupText\` in bench/generate.mjs), restored in a fresh profile on the same production build through
the app's own screen, as a user would: open \`#/backup\`, choose the file (Playwright \`setInputFiles\`),
wait for the preview, press "Restore this backup", wait for "Restored", then follow "All decks" and wait
for the deck's tile to show its counts.

${restoreTable(results)}

- **Read + validate**: from the file input's \`change\` event to the preview being in the DOM: reading the
  file, decoding, \`JSON.parse\`, checking every deck, state and log row, and planning the merge
  against what the browser holds (empty here) for the preview's counts.
- **Write**: from the click on "Restore this backup" to the "Restored" status: the restore's IndexedDB
  writes and the deck list's reload. The pause before the click (a user reading the preview) is not counted.
- **Deck list with counts**: from following "All decks" to the restored deck's tile showing its counts.
- **Total**: the sum of the three. Stamps are taken in the page (bench/browser.mjs \`RESTORE_PROBE\`).
- In brackets, the app's own User Timing measures (src/store/library-slice.ts): \`flipdeck:restore-read\`
  (reading the file, decoding, \`JSON.parse\` and checking every row), \`flipdeck:restore-preview\` (reading
  what the browser holds and planning the merge) and \`flipdeck:restore-write\` (the restore's one
  transaction: planning again against the data read inside it, then every write, until it commits; the
  Write column adds the reload of the settings and the deck list that follows).
- **Longest task**: the longest main-thread task (Long Tasks API) while reading, and while writing: how
  long the page could not paint or answer input at a stretch.
- **Renderer peak RSS**: the largest \`VmHWM\` (peak resident memory) of the browser's renderer processes
  at the end, read from /proc: memory of the whole page process, not only the JS heap.

${results.filter((r) => r.storageFallbacks > 0).map((r) => `- **Warning**: at ${r.size.toLocaleString('en')} cards, ${r.storageFallbacks} cold start(s) opened IndexedDB too slowly and fell back to memory-only progress; those figures do not measure the database.`).join('\n')}

Generated progress (phases of stored states, and how many are due now / overdue by a week or more):
${results.map((r) => `- ${r.size.toLocaleString('en')} cards: ${JSON.stringify(r.mix)}; generated in ${ms(r.generateMs)}, built in ${ms(r.buildMs)}`).join('\n')}

## Lighthouse
The normal build (bundled decks), first visit in a fresh profile, served gzip-compressed from 127.0.0.1,
${firstLoadJs || 'first-visit JS not measured'} (\`npm run size\`). Mobile ran ${LIGHTHOUSE_RUNS.mobile} times and desktop
${LIGHTHOUSE_RUNS.desktop} times; the first table shows the run with the median performance score (every run's score in
brackets), the second every run. Load average (1/5/15 min) when Lighthouse started: ${lighthouseLoad ? load(lighthouseLoad) : 'n/a'}.
Targets: mobile performance >= 98 in every run, total blocking time <= 100 ms.

${lighthouseTable(lighthouse)}

## Before and after

${beforeAfterTable(largest, lighthouse)}
${notes ? `\n${notes}\n` : ''}`;
  writeFileSync(join(ROOT, 'bench/results.md'), markdown);

  console.log('');
  console.log(sizeTable(results));
  console.log('');
  console.log(restoreTable(results));
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
