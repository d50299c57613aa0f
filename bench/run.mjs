/**
 * `npm run bench`: generates seeded decks with review histories, builds the app against each,
 * measures it in headless Chromium, runs Lighthouse on the normal build, and hands the figures to
 * bench/report.mjs, which prints a summary and writes bench/results.md. A benchmark, not a test:
 * nothing here asserts a time.
 *
 * Environment: BENCH_SIZES=1000,10000,100000  BENCH_COLD_RUNS=3  BENCH_GRADES=300
 *              BENCH_SKIP_LIGHTHOUSE=1  CHROME_PATH=/usr/bin/chromium
 *              BENCH_ONLY=restore (only the restore-through-the-app measurement, for quick reruns)
 *              BENCH_ONLY=plan (only the exam planner and the workload simulator, bench/planning.mjs)
 *              BENCH_ONLY=import (only the .apkg import through the app: an 8,000-card package,
 *                BENCH_IMPORT_CARDS to change it, then its export back to Anki; prints its figures,
 *                leaves bench/results.md alone)
 *              BENCH_ONLY=export (the same with a 10,000-card package: the export-to-Anki figure)
 *              BENCH_ONLY=grade (only grading: one cold start and the graded session per size; prints
 *                its table and leaves bench/results.md alone), e.g.
 *                BENCH_ONLY=grade BENCH_SIZES=1000,100000 node bench/run.mjs
 *              BENCH_ONLY=editor (only the card editor on a 10,000-card deck written in the app, which
 *                the full run measures too: input-to-preview and save, p50/p95; prints them and
 *                leaves bench/results.md alone)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESTORED_SUFFIX, backupText, describeProgress, expectedCounts, generateDeck, progressEvents } from './generate.mjs';
import { startServer } from './server.mjs';
import { coldStart, deckPageCounts, gradeCards, queueBuildFromList, heapAfterGc, importProgress, launch, openAppOnce, restoreThroughApp } from './browser.mjs';
import { LIGHTHOUSE_RUNS, runLighthouse } from './lighthouse.mjs';
import { benchPlanning, planningTable } from './planning.mjs';
import { measureEditor } from './editor.mjs';
import { benchImport } from './import-apkg.mjs';
import { consoleSummary, editorTable, gradeTable, ms, quantile, readNotes, resultsMarkdown } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'bench/.cache');
const SEED = 20261130;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const ONLY_GRADE = process.env.BENCH_ONLY === 'grade';
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? (ONLY_GRADE ? 1 : 3));
const GRADES = Number(process.env.BENCH_GRADES ?? 300);
const LOG_CHUNK_ROWS = 50_000;
const DAY_MS = 24 * 3600_000;
/** Seen share of each deck: a large deck is mostly still unseen. */
const SEEN_FRACTION = { 1000: 0.6, 10000: 0.6, 100000: 0.3 };
/**
 * Limits high enough for a 300-card session on every deck size (the defaults, 20 new and 200
 * reviews a day, end the session sooner). Stored as a settings event (study scope), as the app's
 * settings screen would save them: schema v3 reads settings only from the settings events.
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
process.env.CHROME_PATH ??= '/usr/bin/chromium';

const log = (message) => console.log(`[bench] ${message}`);
const median = (values) => quantile(values, 0.5);
const spread = (values) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: Math.max(...values) });
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
  // Schema v3 reads progress from the event log; cardStates is its cache (see progressEvents).
  const { events, settingsEvent } = progressEvents(generated, { seed: SEED + size, settingsValues: BENCH_SETTINGS, settingsAt: nowMs - 366 * DAY_MS });
  for (let i = 0; i * LOG_CHUNK_ROWS < events.length; i += 1) {
    const name = `events-${i}.json`;
    writeFileSync(join(progressDir, name), JSON.stringify(events.slice(i * LOG_CHUNK_ROWS, (i + 1) * LOG_CHUNK_ROWS)));
    files.push({ name, store: 'events' });
  }
  writeFileSync(join(progressDir, 'settings-events.json'), JSON.stringify([settingsEvent]));
  files.push({ name: 'settings-events.json', store: 'settingsEvents' });
  // The same deck and progress as one backup file in the app's format, for the restore measurement.
  const backupPath = join(progressDir, `flipdeck-backup-bench-${size}.json`);
  const backup = backupText(generated, { nowMs, settings: BACKUP_SETTINGS });
  writeFileSync(backupPath, backup);
  return {
    backupPath,
    backupBytes: Buffer.byteLength(backup),
    deckTitle: deck.title + RESTORED_SUFFIX,
    deckId: deck.id,
    expectedCountsAt: (atMs) => expectedCounts(generated, { atMs, ...BACKUP_SETTINGS }),
    decksDir,
    progressDir,
    files,
    stateCount: states.length,
    logCount: reviewLog.length,
    eventCount: events.length,
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
    if (ONLY_GRADE) return { size, ...generated, buildMs, ...study };
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
  keyToCard: { p50: NaN, p95: NaN, p99: NaN, max: NaN },
  keyToFrame: { p50: NaN, p95: NaN, p99: NaN, max: NaN },
  commit: { p50: NaN, p95: NaN, p99: NaN, max: NaN },
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
    });
    // A seed the app does not read (schema moved on, wrong shapes) would measure an empty deck: refuse.
    const shown = await deckPageCounts(page, serverUrl, generated.deckId);
    const expected = generated.expectedCountsAt(shown.atMs);
    await firstVisit.close();
    const isSame = ['fresh', 'learning', 'review'].every((key) => shown.counts[key] === expected[key]);
    if (!isSame || expected.review + expected.learning === 0) {
      throw new Error(`${size} cards: after seeding, the deck page shows ${JSON.stringify(shown.counts)}, the generated progress says ${JSON.stringify(expected)}: the app is not reading the seeded progress`);
    }
    log(`${size} cards: seeded ${imported.rowCount} rows in ${ms(imported.writeMs)} (fetch+parse ${ms(imported.fetchParseMs)}); the deck page shows what the generator says is due: ${JSON.stringify(shown.counts)}`);

    const studyUrl = `${serverUrl}#/deck/${generated.deckId}/study`;
    const firstCardMs = [];
    const firstCardDomMs = [];
    const queueBuildMs = [];
    const queueCompleteMs = [];
    const queueFromListMs = [];
    let storageFallbacks = 0;
    let graded = { keyToCardMs: [], keyToFrameMs: [], commitMs: [] };
    let heapBytes = NaN;
    for (let run = 0; run < COLD_RUNS; run += 1) {
      log(`${size} cards: cold start ${run + 1}/${COLD_RUNS}`);
      const { context, page: studyPage, figures } = await coldStart(profile, studyUrl);
      firstCardMs.push(figures.firstCardFrameMs);
      firstCardDomMs.push(figures.firstCardDomMs);
      queueBuildMs.push(...figures.queueBuildMs);
      queueCompleteMs.push(...figures.queueCompleteMs);
      if (figures.isStorageFallback) storageFallbacks += 1;
      if (!ONLY_GRADE) queueFromListMs.push(await queueBuildFromList(studyPage));
      if (run === COLD_RUNS - 1) {
        log(`${size} cards: grading ${GRADES} cards`);
        graded = await gradeCards(studyPage, { count: GRADES, seed: SEED });
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
      grades: graded.keyToCardMs.length,
      keyToCard: spread(graded.keyToCardMs),
      keyToFrame: spread(graded.keyToFrameMs),
      commit: spread(graded.commitMs),
      heapMb: heapBytes / 1024 / 1024,
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Builds the app with its own decks and measures the card editor on a 10,000-card deck. */
async function measureEditorBuild() {
  mkdirSync(CACHE, { recursive: true });
  const outDir = join(CACHE, 'dist-editor');
  log('building the app for the editor measurement');
  build(outDir, undefined);
  const server = await startServer({ root: outDir, benchDir: CACHE });
  try {
    log('writing a 10,000-card deck in the app (bulk add), then typing and saving');
    const loadBefore = loadavg();
    const figures = await measureEditor(server.url);
    return { ...figures, loadBefore, loadAfter: loadavg() };
  } finally {
    await server.close();
  }
}

/** BENCH_ONLY=editor: the editor alone; prints its table and leaves bench/results.md alone. */
async function benchEditor() {
  const started = Date.now();
  const figures = await measureEditorBuild();
  console.log('');
  console.log(editorTable(figures));
  console.log(`\nLoad average before ${figures.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${figures.loadAfter.map((l) => l.toFixed(2)).join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

async function main() {
  if (process.env.BENCH_ONLY === 'editor') return benchEditor();
  if (process.env.BENCH_ONLY === 'import' || process.env.BENCH_ONLY === 'export') {
    mkdirSync(CACHE, { recursive: true });
    log('building the app with its own decks for the import');
    const outDir = join(CACHE, 'dist-import');
    build(outDir, undefined);
    await benchImport({ outDir, cacheDir: CACHE, log });
    return;
  }
  const started = Date.now();
  const loadBefore = loadavg();
  mkdirSync(CACHE, { recursive: true });
  const nowMs = Date.now();
  if (process.env.BENCH_ONLY === 'plan') {
    console.log(planningTable(await benchPlanning({ seed: SEED, nowMs })));
    console.log('\nPlanning only (BENCH_ONLY=plan): bench/results.md left as it was.');
    return;
  }
  const results = [];
  for (const size of SIZES) results.push(await benchSize(size, nowMs));
  const withPlanning = !ONLY_GRADE && !ONLY_RESTORE;
  if (withPlanning) log('exam planner and workload simulator, 10,000 cards');
  const planning = withPlanning ? await benchPlanning({ seed: SEED, nowMs }) : null;
  if (ONLY_GRADE) {
    console.log('');
    console.log(gradeTable(results));
    console.log(`\nGrading only (BENCH_ONLY=grade): bench/results.md left as it was; ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    return;
  }

  const editor = withPlanning ? await measureEditorBuild() : null;

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
  const largest = results.find((r) => r.size === Math.max(...SIZES));
  const run = { started, totalS, loadBefore, loadAfter: loadavg(), results, largest, lighthouse, lighthouseLoad, firstLoadJs, seed: SEED, benchSettings: BENCH_SETTINGS, coldRuns: COLD_RUNS, planning, editor };
  writeFileSync(join(ROOT, 'bench/results.md'), resultsMarkdown(run, readNotes(join(ROOT, 'bench/notes.md'))));
  console.log(`\n${consoleSummary(run)}`);
  console.log(`\nWrote bench/results.md in ${totalS.toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
