/**
 * The planner and the workload simulator on a generated 10,000-card deck (issue 14's targets:
 * the exam plan in <= 200 ms, a year of the simulator in <= 5 s). Both are pure domain functions
 * run in a worker in the app; here they run in Node's V8 (the engine Chromium's workers use),
 * loaded through Vite's module runner so the TypeScript is the app's own. A benchmark, not a
 * test: nothing here asserts a time. `BENCH_ONLY=plan node bench/run.mjs` runs this alone.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { generateDeck } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY_MS = 86_400_000;
const CARDS = 10_000;
const RUNS = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(fn) {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

/** Times `fn` RUNS times after one warm-up run (the app's worker is warm after its first plan). */
function measure(fn) {
  const cold = time(fn).ms;
  const runs = Array.from({ length: RUNS }, () => time(fn).ms);
  return { coldMs: cold, medianMs: median(runs), maxMs: Math.max(...runs) };
}

export async function benchPlanning({ seed, nowMs }) {
  const server = await createServer({ root: ROOT, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  try {
    const { planExam } = await server.ssrLoadModule('/src/domain/planning/exam-plan.ts');
    const { simulateWorkload } = await server.ssrLoadModule('/src/domain/planning/workload.ts');
    const { DEFAULT_SETTINGS } = await server.ssrLoadModule('/src/domain/settings/study-settings.ts');
    const { deck, states } = generateDeck({ cardCount: CARDS, seed, nowMs, seenFraction: 0.6 });
    const byId = new Map(states.map((state) => [state.cardId, state]));
    const cards = deck.cards.map((card) => byId.get(card.id) ?? null);
    const loadBefore = loadavg();
    const examAt = nowMs + 30 * DAY_MS;
    const plan = (examDailyMinutes) => () => planExam({ deckId: deck.id, cards, settings: { ...DEFAULT_SETTINGS, examAt, examDailyMinutes }, now: nowMs });
    const planBudget = measure(plan(30));
    const planFree = measure(plan(null));
    let progressReports = 0;
    const workload = time(() => simulateWorkload({ cards, settings: DEFAULT_SETTINGS, now: nowMs }, () => (progressReports += 1)));
    const workloadAgain = time(() => simulateWorkload({ cards, settings: DEFAULT_SETTINGS, now: nowMs }));
    return {
      cards: CARDS,
      seen: states.length,
      loadBefore,
      loadAfter: loadavg(),
      planBudget,
      planFree,
      workloadMs: [workload.ms, workloadAgain.ms],
      retentions: workload.value.points.length,
      progressReports,
    };
  } finally {
    await server.close();
  }
}

const f = (value) => `${Math.round(value)} ms`;

export function planningTable(p) {
  return [
    `| Exam plan and workload simulator, ${p.cards.toLocaleString('en')} cards (${p.seen.toLocaleString('en')} seen), exam in 30 days | First run | Median of ${RUNS} | Max | Target |`,
    '| --- | --- | --- | --- | --- |',
    `| Plan with a 30-minute daily budget | ${f(p.planBudget.coldMs)} | ${f(p.planBudget.medianMs)} | ${f(p.planBudget.maxMs)} | <= 200 ms: ${p.planBudget.medianMs <= 200 ? 'met' : 'missed'} |`,
    `| Plan with no budget | ${f(p.planFree.coldMs)} | ${f(p.planFree.medianMs)} | ${f(p.planFree.maxMs)} | <= 200 ms: ${p.planFree.medianMs <= 200 ? 'met' : 'missed'} |`,
    `| Workload simulator, a year at ${p.retentions} retentions | ${f(p.workloadMs[0])} | ${f(p.workloadMs[1])} (second run) | | <= 5 s: ${Math.max(...p.workloadMs) <= 5000 ? 'met' : 'missed'} |`,
    '',
    `Load average ${p.loadBefore.map((v) => v.toFixed(1)).join(' / ')} before, ${p.loadAfter.map((v) => v.toFixed(1)).join(' / ')} after.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchPlanning({ seed: 20261130, nowMs: Date.now() });
  console.log(planningTable(result));
}
