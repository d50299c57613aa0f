/**
 * `BENCH_ONLY=sync-initial node bench/run.mjs` (or `node bench/sync-initial.mjs`): a new device's
 * first sync. One device holds BENCH_SYNC_REVIEWS review events (default 100,000) over
 * BENCH_SYNC_MONTHS months (default 24, one document each) and syncs them up to the real sync
 * server, run as its own process (the build `npm run sync-server` runs); then a fresh device joins
 * the space and is timed until every event is in its storage and every card's state is replayed,
 * and its states are checked against the source's. The devices are the Node client path of the
 * tests (fake-indexeddb and the sync engine over `ws`), bundled from bench/sync-initial-devices.ts.
 * A benchmark, not a test: it prints figures and leaves bench/results.md alone.
 *
 * Environment: BENCH_SYNC_REVIEWS=100000  BENCH_SYNC_CARDS=5000  BENCH_SYNC_MONTHS=24
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REVIEWS = Number(process.env.BENCH_SYNC_REVIEWS ?? 100_000);
const CARDS = Number(process.env.BENCH_SYNC_CARDS ?? 5_000);
const MONTHS = Number(process.env.BENCH_SYNC_MONTHS ?? 24);
const START = Date.UTC(2024, 0, 1);

/**
 * Bundles the devices' TypeScript for Node, dependencies left as imports, into bench/.cache: two
 * folders below the root, as src/sync/ is, so the harness finds the server's build from there.
 */
async function bundleDevices(outDir, fileName) {
  await build({
    input: join(ROOT, 'bench/sync-initial-devices.ts'),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    output: { dir: outDir, format: 'esm', entryFileNames: fileName },
    logLevel: 'silent',
  });
  return import(pathToFileURL(join(outDir, fileName)).href);
}

export async function benchInitialSync() {
  // Inside the repository, so the bundle's bare imports resolve from node_modules.
  const outDir = join(ROOT, 'bench/.cache');
  const fileName = `sync-initial-devices-${process.pid}.mjs`;
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'flipdeck-bench-sync-initial-'));
  const devices = await bundleDevices(outDir, fileName);
  const server = await devices.serverProcess({ dataDir });
  try {
    console.log(`Initial sync: ${REVIEWS} reviews of ${CARDS} cards over ${MONTHS} months (load average ${loadavg()[0].toFixed(1)})`);
    const seeded = await devices.seedSource(server.url, REVIEWS, CARDS, MONTHS, START);
    console.log(`  source: importEvents ${(seeded.seedMs / 1000).toFixed(1)} s, upload ${(seeded.uploadMs / 1000).toFixed(1)} s`);
    const result = await devices.firstSync(server.url, seeded, REVIEWS);
    console.log(`  new device's first sync: ${(result.totalMs / 1000).toFixed(1)} s (importEvents ${(result.importMs / 1000).toFixed(1)} s); ${result.events} events, ${result.states} card states, ${result.merges} merges; states ${result.statesMatch ? 'match' : 'DIFFER from'} the source's`);
    const steps = result.progress.filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 8)) === 0 || i === all.length - 1);
    if (steps.length > 0) console.log(`  progress (ms, merged/known): ${steps.map(([at, merged, known]) => `${at} ${merged}/${known}`).join(', ')}`);
    console.log(`  load average after: ${loadavg()[0].toFixed(1)}`);
    await seeded.source.close();
    return result;
  } finally {
    await server.stop();
    rmSync(join(outDir, fileName), { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchInitialSync();
  process.exit(0);
}
