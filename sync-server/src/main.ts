/**
 * `npm run sync-server`: one node on 127.0.0.1:$PORT (default 1234), its SQLite file in
 * $FLIPDECK_SYNC_DATA (default .sync-data/). `--redis <url>` or REDIS_URL joins other nodes
 * through Redis. SIGTERM and SIGINT close the connections, write every open document, then exit.
 */
import { resolve } from 'node:path';
import { startSyncServer } from './server.ts';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const port = Number(process.env['PORT'] ?? 1234);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not ${JSON.stringify(process.env['PORT'])}.`);
  process.exit(2);
}
const dataDir = resolve(process.env['FLIPDECK_SYNC_DATA'] ?? '.sync-data');
const redisUrl = flag('--redis') ?? process.env['REDIS_URL'];
const name = flag('--name') ?? process.env['FLIPDECK_SYNC_NODE'];
const debounce = process.env['FLIPDECK_SYNC_STORE_DEBOUNCE_MS'];
const resync = process.env['FLIPDECK_SYNC_REDIS_RESYNC_MS'];

const server = await startSyncServer({
  port,
  dataDir,
  ...(redisUrl === undefined ? {} : { redisUrl }),
  ...(name === undefined ? {} : { name }),
  ...(debounce === undefined ? {} : { storeDebounceMs: Number(debounce) }),
  ...(resync === undefined ? {} : { redisResyncMs: Number(resync) }),
});
console.log(`Flipdeck sync server listening on ${server.url} (data: ${server.store.path}${redisUrl === undefined ? '' : `, redis: ${new URL(redisUrl).host}`})`);

const shutdown = (signal: string) => {
  console.log(`${signal}: closing connections and writing documents`);
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Stopping failed:', error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
