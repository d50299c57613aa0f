/**
 * The report half of `npm run bench`: turns the figures bench/run.mjs measured into the tables it
 * prints and the bench/results.md it writes, with the targets and the before-the-fixes baseline.
 * Nothing here measures; a change of wording or layout never needs a rerun to check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { LIGHTHOUSE_RUNS, lighthouseTable } from './lighthouse.mjs';
import { planningTable } from './planning.mjs';

/**
 * The first run of this benchmark, before the fixes it led to (commit a633e17, same machine): kept
 * here so every run prints the comparison. Lighthouse figures are from the same build.
 */
export const BEFORE = {
  firstCardMs: 3942,
  queueBuildMs: 1982,
  gradeP95Ms: 65,
  heapMb: 41.6,
  mobile: 'performance 90 (FCP 1.7 s, LCP 2.2 s, CLS 0.165)',
  desktop: 'performance 98 (FCP 0.9 s, LCP 0.9 s, CLS 0.024)',
};
export const TARGETS = { firstCardMs: 1500, queueBuildMs: 50, heapMb: 150 };
/** Grade key to the next card settled in the DOM, p95 (issue 10): 8 ms up to 1,000 cards, 12 ms up to 100,000. */
const keyToCardTargetMs = (size) => (size <= 1000 ? 8 : 12);
export const mb = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} MB` : 'n/a');
export const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');

/** Nearest-rank quantile: the smallest value with at least q of the samples at or below it. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The editor figures as a Markdown table, against issue 12's targets (input -> preview p95 ≤ 50 ms, save p95 ≤ 20 ms). */
export function editorTable(figures) {
  const rows = [
    ['input -> preview updated (frame)', figures.inputToPreviewMs, '≤ 50 ms'],
    ['save key -> editor ready (DOM)', figures.saveReadyMs, '≤ 20 ms'],
    ['save key -> editor ready (next frame)', figures.saveFrameMs, ''],
    ['save key -> "All changes saved" (durable)', figures.saveDurableMs, ''],
    ['write transaction (flipdeck:card-save)', figures.saveMs, ''],
  ];
  return [
    `A ${figures.cards.toLocaleString('en')}-card deck written in the app by bulk add (${ms(figures.bulkMs)}), then typing and saving in headless Chromium (bench/editor.mjs).`,
    '',
    '| Step | p50 | p95 | max | Samples | Target (p95) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(([name, samples, target]) => `| ${name} | ${ms(quantile(samples, 0.5))} | ${ms(quantile(samples, 0.95))} | ${ms(Math.max(...samples))} | ${samples.length} | ${target} |`),
  ].join('\n');
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
const triple = ({ p50, p95, p99 }) => `${ms(p50)} / ${ms(p95)} / ${ms(p99)}`;

/** Grading alone: key to the next card (and to the frame after), and the grade's durable write, per size. */
export function gradeTable(results) {
  const header = ['Cards', 'Grades', 'Key to card settled in the DOM p50 / p95 / p99 (max)', 'p95 target', '', 'Key to next frame p50 / p95 / p99', 'Commit p50 / p95 / p99 (max)'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en'),
    String(r.grades),
    `${triple(r.keyToCard)} (${ms(r.keyToCard.max)})`,
    `${keyToCardTargetMs(r.size)} ms`,
    mark(r.keyToCard.p95, keyToCardTargetMs(r.size)),
    triple(r.keyToFrame),
    `${triple(r.commit)} (${ms(r.commit.max)})`,
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function sizeTable(results) {
  const header = ['Cards', 'Seen (states)', 'Reviews (events)', 'Seeding: raw IDB write', 'Seeding: fetch+parse', 'First card', 'Queue build', 'Queue build from the list', 'Queue with new cards', 'Grades', 'Key to card p50 / p95 / p99', 'Commit p50 / p95 / p99', 'Heap after session'];
  const rows = results.map((r) => [
    r.size.toLocaleString('en'),
    r.stateCount.toLocaleString('en'),
    `${r.logCount.toLocaleString('en')} (${(r.eventCount ?? NaN).toLocaleString('en')})`,
    ms(r.import.writeMs),
    ms(r.import.fetchParseMs),
    ms(r.firstCardMs),
    ms(r.queueBuildMs),
    ms(r.queueFromListMs),
    ms(r.queueCompleteMs),
    String(r.grades),
    triple(r.keyToCard),
    triple(r.commit),
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
    ['Grade key to next card in the DOM, p95', ms(largest.keyToCard.p95), `${keyToCardTargetMs(largest.size)} ms`, mark(largest.keyToCard.p95, keyToCardTargetMs(largest.size))],
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
    ['Grade to next card, p95', `${ms(BEFORE.gradeP95Ms)} (click, with the write)`, `${ms(largest.keyToCard.p95)} (key, write behind)`, `${keyToCardTargetMs(largest.size)} ms`],
    ['JS heap after the session', `${BEFORE.heapMb} MB`, mb(largest.heapMb), `${TARGETS.heapMb} MB`],
    ['Lighthouse mobile', BEFORE.mobile, preset('mobile'), 'performance 100'],
    ['Lighthouse desktop', BEFORE.desktop, preset('desktop'), ''],
  ];
  return [`| ${largest.size.toLocaleString('en')} cards | Before the fixes | This run | Target |`, '| --- | --- | --- | --- |', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

/** bench/notes.md, appended to the results as written, or '' when there is none. */
export function readNotes(path) {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
}

/**
 * bench/results.md for one run: `run` holds what bench/run.mjs measured (`results` per deck size,
 * `largest` of them, `lighthouse`, `firstLoadJs`) and how (`started`, `totalS`, load averages,
 * `seed`, `benchSettings`, `coldRuns`).
 */
export function resultsMarkdown(run, notes) {
  const { started, totalS, loadBefore, loadAfter, results, largest, lighthouse, lighthouseLoad, firstLoadJs } = run;
  const load = (values) => values.map((v) => v.toFixed(1)).join(' / ');
  const m = machine();
  return `# Flipdeck benchmark results

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
Seed ${run.seed}; settings row ${JSON.stringify(run.benchSettings)} so a 300-card session is possible on every size.

${sizeTable(results)}

${gradeTable(results)}

${targetTable(largest)}

- **First card**: a new browser process on the populated profile opens \`#/deck/<id>/study\`; time from
  navigation start to the frame after the card's front is in the DOM, median of ${run.coldRuns} cold starts
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
- **Key to card**: from the grade key's keydown (keys 1-4, sent to the focused grade button, with no pause
  after the answer shows) until the next card is settled in the DOM: its "Show answer" button rendered and
  focused. The grade's write runs behind it (one-frame grading), so this no longer includes the disk.
  Ratings seeded (10% again, 10% hard, 70% good, 10% easy).
- **Commit**: \`flipdeck:grade-save\`, each grade's strict-durability IndexedDB write, from when it starts
  (after any earlier grade's write) until it is durable: when the app shows the grade as saved.
- **Seeding**: how the study measurements get their progress, not the app's import: what schema v3
  reads, written with the raw IndexedDB API in readwrite transactions of 10,000 rows: one review event
  per generated review, one snapshot event per seen card after its last review (so replay gives the
  generated state exactly), the card states as the cache of replay, and the bench's limits as a
  settings event. Before measuring, the run checks that the deck page's New / Learning / Due counts
  are the ones the generated progress gives, and stops if not.
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

${run.planning ? `## Exam planner and workload simulator\nThe pure domain functions the app runs in its workers, in Node's V8 (bench/planning.mjs).\n\n${planningTable(run.planning)}\n\n` : ''}${run.editor ? `## Card editor\n${editorTable(run.editor)}\n\nLoad average ${load(run.editor.loadBefore)} before, ${load(run.editor.loadAfter)} after.\n\n` : ''}## Lighthouse
The normal build (bundled decks), first visit in a fresh profile, served gzip-compressed from 127.0.0.1,
${firstLoadJs || 'first-visit JS not measured'} (\`npm run size\`). Mobile ran ${LIGHTHOUSE_RUNS.mobile} times and desktop
${LIGHTHOUSE_RUNS.desktop} times; the first table shows the run with the median performance score (every run's score in
brackets), the second every run. Load average (1/5/15 min) when Lighthouse started: ${lighthouseLoad ? load(lighthouseLoad) : 'n/a'}.

${lighthouseTable(lighthouse)}

## Before and after

${beforeAfterTable(largest, lighthouse)}
${notes ? `\n${notes}\n` : ''}`;
}

/** The tables printed at the end of a run. */
export function consoleSummary({ results, largest, lighthouse }) {
  return [sizeTable(results), restoreTable(results), targetTable(largest), lighthouseTable(lighthouse)].join('\n\n');
}
