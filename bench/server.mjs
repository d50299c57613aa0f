/**
 * A static host for the benchmark: serves one build folder on 127.0.0.1, gzip-compressed as any
 * real static host would (compressed bodies are cached in memory, so compression is not timed),
 * plus the generated progress files under /__bench/.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** Starts the server on `port` (0 picks a free one); resolves with its url and close(). */
export async function startServer({ root, benchDir, port = 0 }) {
  const gzipCache = new Map();
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const safe = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^(\.\.[/\\])+/, '');
    const isBench = safe.startsWith('/__bench/');
    const file = isBench ? join(benchDir, safe.slice('/__bench/'.length)) : join(root, safe);
    const ext = extname(file);
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const wantsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (wantsGzip && COMPRESSIBLE.has(ext) && !isBench) {
      let gz = gzipCache.get(file);
      if (gz === undefined || gz.source !== body.length) {
        gz = { source: body.length, data: gzipSync(body, { level: 6 }) };
        gzipCache.set(file, gz);
      }
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      body = gz.data;
    }
    headers['content-length'] = body.length;
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address();
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
