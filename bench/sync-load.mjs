/**
 * `npm run bench:sync`: simulated devices on loopback against the real sync server, as its own
 * process (the build `npm run sync-server` runs). Pairs of clients (a phone and a laptop) share a
 * space; each client adds one sealed-size entry every 2 s for the run, and its pair measures how
 * long the entry took to arrive. Then every pair is checked: nothing lost, nothing doubled. Run
 * once against one node, then against two nodes sharing one redis-server (the phone on node 1,
 * the laptop on node 2) when redis-server is installed. A benchmark, not a test: it prints figures.
 *
 * Environment: BENCH_SYNC_CLIENTS=500  BENCH_SYNC_SECONDS=60  BENCH_SYNC_NODES=1,2
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = Number(process.env.BENCH_SYNC_CLIENTS ?? 500);
const SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 60);
const NODES = (process.env.BENCH_SYNC_NODES ?? '1,2').split(',').map(Number);
const INTERVAL_MS = 2000;
/** About a sealed review event (JSON of the event with its states, plus IV and tag). */
const ENTRY_BYTES = 600;
const SETTLE_MS = 20_000;

execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'sync-server/tsconfig.json')], { stdio: 'inherit' });
const sync = await import(join(ROOT, 'sync-server/build/src/domain/sync/index.js'));

class NodeWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on('error', () => {});
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function spawnUntil(command, args, env, pattern) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const match = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const found = pattern.exec(output);
      if (found) resolve(found);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`${command} exited:\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { child, match, stop };
}

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
};

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

function client(url, name, token, onRemoteEntry) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeWebSocket });
  let synced;
  const isSynced = new Promise((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, awareness: null, onSynced: () => synced() });
  provider.attach();
  const map = doc.getMap(sync.ENTRIES_MAP);
  const seen = new Map();
  map.observe((event) => {
    if (event.transaction.local) return;
    for (const key of event.keysChanged) {
      seen.set(key, (seen.get(key) ?? 0) + 1);
      onRemoteEntry(key, map.get(key));
    }
  });
  return { doc, map, provider, socket, isSynced, seen, sent: new Set() };
}

async function run(nodeCount) {
  const dirs = [];
  const processes = [];
  let redis = null;
  try {
    if (nodeCount > 1) {
      if (spawnSync('redis-server', ['--version']).status !== 0) {
        console.log('Two nodes: skipped, redis-server is not installed.');
        return;
      }
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'flipdeck-bench-redis-'));
      dirs.push(dir);
      redis = await spawnUntil('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/);
      processes.push(redis);
      redis.url = `redis://127.0.0.1:${port}`;
    }
    const urls = [];
    const pids = [];
    for (let n = 0; n < nodeCount; n++) {
      const dir = mkdtempSync(join(tmpdir(), `flipdeck-bench-node${n + 1}-`));
      dirs.push(dir);
      const args = [join(ROOT, 'sync-server/build/sync-server/src/main.js'), ...(redis ? ['--redis', redis.url, '--name', `node-${n + 1}`] : [])];
      const node = await spawnUntil(process.execPath, args, { PORT: '0', FLIPDECK_SYNC_DATA: dir }, /listening on (ws:\/\/\S+)/);
      processes.push(node);
      urls.push(node.match[1]);
      pids.push(node.child.pid);
    }

    const latencies = [];
    const pairs = [];
    const connectStart = performance.now();
    for (let i = 0; i < CLIENTS / 2; i++) {
      const keys = await sync.deriveSpaceKeys(sync.createSyncSpace((length) => crypto.getRandomValues(new Uint8Array(length))));
      const name = await sync.documentName(keys, 'events/2026-12');
      const onArrive = (key, value) => {
        if (value instanceof Uint8Array && value.length >= 8) latencies.push(Date.now() - new DataView(value.buffer, value.byteOffset, 8).getFloat64(0));
      };
      const phone = client(urls[0], name, keys.credential, onArrive);
      const laptop = client(urls[urls.length - 1], name, keys.credential, onArrive);
      pairs.push({ phone, laptop });
    }
    await Promise.all(pairs.flatMap(({ phone, laptop }) => [phone.isSynced, laptop.isSynced]));
    const connectMs = performance.now() - connectStart;
    if (process.env.BENCH_SYNC_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_SYNC_DELAY_MS)));

    const memory = pids.map(() => 0);
    const sampler = setInterval(() => pids.forEach((pid, i) => (memory[i] = Math.max(memory[i], rssMb(pid)))), 1000);
    const everyone = pairs.flatMap(({ phone, laptop }) => [phone, laptop]);
    const end = Date.now() + SECONDS * 1000;
    let sends = 0;
    // Each client on its own phase of the 2 s period, so the load is spread as real devices spread it.
    const timers = everyone.map((c, i) =>
      setTimeout(() => {
        const send = () => {
          if (Date.now() >= end) return clearInterval(c.timer);
          const key = sync.toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
          const value = crypto.getRandomValues(new Uint8Array(ENTRY_BYTES));
          new DataView(value.buffer).setFloat64(0, Date.now());
          c.sent.add(key);
          c.map.set(key, value);
          sends += 1;
        };
        send();
        c.timer = setInterval(send, INTERVAL_MS);
      }, (i / everyone.length) * INTERVAL_MS),
    );
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000 + INTERVAL_MS));
    timers.forEach(clearTimeout);
    everyone.forEach((c) => clearInterval(c.timer));

    const settleStart = Date.now();
    const missing = () => pairs.reduce((sum, { phone, laptop }) => sum + [...phone.sent].filter((k) => !laptop.seen.has(k)).length + [...laptop.sent].filter((k) => !phone.seen.has(k)).length, 0);
    while (missing() > 0 && Date.now() - settleStart < SETTLE_MS) await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(sampler);
    const lost = missing();
    const doubled = everyone.reduce((sum, c) => sum + [...c.seen.values()].filter((count) => count > 1).length, 0);
    const sorted = latencies.sort((a, b) => a - b);
    console.log(
      [
        `${nodeCount === 1 ? 'One node' : `${nodeCount} nodes with Redis`}: ${CLIENTS} clients (${CLIENTS / 2} spaces), one ${ENTRY_BYTES}-byte entry per client every ${INTERVAL_MS / 1000} s for ${SECONDS} s`,
        `  connected and synced in ${(connectMs / 1000).toFixed(1)} s; ${sends} entries sent, ${latencies.length} received by the other device`,
        `  lost: ${lost}, doubled: ${doubled}`,
        `  propagation latency: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`,
        `  server memory (peak RSS): ${memory.map((mb, i) => `node ${i + 1} ${mb.toFixed(0)} MB`).join(', ')}`,
        `  machine load average (1 min) at the end: ${loadavg()[0].toFixed(2)}`,
      ].join('\n'),
    );
    for (const c of everyone) {
      c.provider.destroy();
      c.socket.destroy();
    }
  } finally {
    for (const p of processes.reverse()) await p.stop();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}

console.log(`Sync load bench, load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const nodes of NODES) await run(nodes);
