import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, createServer, type Rollup } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeckIndex } from '../src/domain/deck/deck-index.ts';
import {
  buildDevDeckIndex,
  buildIndexForDecks,
  decksPlugin,
  formatDeckFailures,
  loadDeckFiles,
  matchDeckRoute,
  readDeckDir,
} from './vite-plugin-decks.ts';

function deckJson(id: string, title: string, cards: unknown[] = [{ id: 'q1', front: 'Q?', back: 'A.' }]): string {
  return JSON.stringify({ schemaVersion: 1, id, title, description: `About ${title}`, cards }, null, 2);
}

let root: string;
let decksDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'flipdeck-decks-'));
  decksDir = path.join(root, 'decks');
  mkdirSync(decksDir);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const writeDeck = (fileName: string, text: string): void => writeFileSync(path.join(decksDir, fileName), text);

describe('reading and checking a decks folder', () => {
  it('reads only *.json files, sorted by name', () => {
    writeDeck('b.json', deckJson('b', 'B'));
    writeDeck('a.json', deckJson('a', 'A'));
    writeDeck('README.md', '# not a deck');
    expect(readDeckDir(decksDir).map((file) => file.fileName)).toEqual(['a.json', 'b.json']);
  });

  it('builds the index from valid decks, sorted by title', () => {
    writeDeck('storage.json', deckJson('storage', 'Storage', [
      { id: 'q1', front: 'Q1', back: 'A1' },
      { id: 'q2', front: 'Q2', back: 'A2' },
    ]));
    writeDeck('containers.json', deckJson('containers', 'Containers'));
    const { decks, failures } = loadDeckFiles(readDeckDir(decksDir), 'decks');
    expect(failures).toEqual([]);
    expect(buildIndexForDecks(decks)).toEqual({
      schemaVersion: 1,
      decks: [
        { id: 'containers', file: 'decks/containers.json', title: 'Containers', description: 'About Containers', cardCount: 1 },
        { id: 'storage', file: 'decks/storage.json', title: 'Storage', description: 'About Storage', cardCount: 2 },
      ],
    });
  });

  it('reports every malformed file with its file, card and field', () => {
    writeDeck('good.json', deckJson('good', 'Good'));
    writeDeck('bad-card.json', deckJson('bad-card', 'Bad', [
      { id: 'q1', front: 'Q', back: 'A' },
      { id: 'q2', front: 'Q' },
    ]));
    writeDeck('renamed.json', deckJson('old-name', 'Renamed'));
    writeDeck('broken.json', '{ "schemaVersion": 1,, }');
    const { decks, failures } = loadDeckFiles(readDeckDir(decksDir), 'decks');
    expect(decks.map((loaded) => loaded.deck.id)).toEqual(['good']);
    expect(formatDeckFailures(failures).split('\n')).toEqual([
      '3 deck files failed validation (see docs/deck-format.md):',
      '  decks/bad-card.json: card 2 (id "q2"): field "back" is missing',
      expect.stringMatching(/^ {2}decks\/broken\.json: not valid JSON at line 1, column 22: /),
      expect.stringMatching(/^ {2}decks\/renamed\.json: field "id" is "old-name" but the file is named for "renamed"/),
    ]);
  });

  it('refuses a deck named index, which would overwrite decks/index.json', () => {
    writeDeck('index.json', deckJson('index', 'Index'));
    const { failures } = loadDeckFiles(readDeckDir(decksDir), 'decks');
    expect(failures[0]?.message).toMatch(/^decks\/index\.json: the file name is reserved/);
  });
});

describe('the dev index', () => {
  it('still lists broken decks, with cardCount 0, so the app can fetch them and show the error', () => {
    writeDeck('good.json', deckJson('good', 'Good'));
    writeDeck('bad.json', JSON.stringify({ schemaVersion: 1, id: 'bad', title: 'Bad deck', cards: [] }));
    writeDeck('not-json.json', '{');
    writeDeck('Not A Slug.json', deckJson('x', 'X'));
    const index = buildDevDeckIndex(readDeckDir(decksDir), 'decks');
    expect(index.decks).toEqual([
      { id: 'bad', file: 'decks/bad.json', title: 'Bad deck', description: '', cardCount: 0 },
      { id: 'good', file: 'decks/good.json', title: 'Good', description: 'About Good', cardCount: 1 },
      { id: 'not-json', file: 'decks/not-json.json', title: 'not-json.json', description: '', cardCount: 0 },
    ]);
    // The runtime validates the index too; the dev index must always pass.
    expect(parseDeckIndex(JSON.parse(JSON.stringify(index)), 'decks/index.json')).toEqual(index.decks);
  });
});

describe('matchDeckRoute', () => {
  it('matches the index and deck files under the base, ignoring query strings', () => {
    expect(matchDeckRoute('/decks/index.json', '/')).toEqual({ kind: 'index' });
    expect(matchDeckRoute('/decks/c3.json?t=1', '/')).toEqual({ kind: 'deck', fileName: 'c3.json' });
    expect(matchDeckRoute('/app/decks/c3.json', '/app/')).toEqual({ kind: 'deck', fileName: 'c3.json' });
  });

  it('leaves every other URL to Vite', () => {
    expect(matchDeckRoute('/decks/c3.txt', '/')).toBeUndefined();
    expect(matchDeckRoute('/decks/sub/c3.json', '/')).toBeUndefined();
    expect(matchDeckRoute('/decks/..%2Fsecret.json', '/')).toEqual({ kind: 'deck', fileName: '../secret.json' });
    expect(matchDeckRoute('/src/main.tsx', '/')).toBeUndefined();
    expect(matchDeckRoute('/decks/%E0%A4%A.json', '/')).toBeUndefined();
  });
});

describe('decksPlugin in a real vite build', () => {
  async function runBuild(): Promise<Rollup.OutputBundle[string][]> {
    writeFileSync(path.join(root, 'entry.js'), 'export const x = 1;\n');
    const result = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [decksPlugin({ dir: 'decks' })],
      build: { write: false, rollupOptions: { input: path.join(root, 'entry.js') } },
    });
    const outputs = Array.isArray(result) ? result : [result];
    return outputs.flatMap((output) => ('output' in output ? output.output : []));
  }

  it('emits each deck minified and an index sorted by title', async () => {
    const text = deckJson('zeta', 'Zeta');
    writeDeck('zeta.json', text.replace('"schemaVersion": 1', '"schemaVersion": 1, "authorNote": "kept"'));
    writeDeck('alpha.json', deckJson('alpha', 'Alpha'));
    const files = await runBuild();
    const assetText = (fileName: string): string => {
      const asset = files.find((file) => file.fileName === fileName);
      if (asset?.type !== 'asset') throw new Error(`no asset ${fileName}`);
      return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
    };
    const zeta = assetText('decks/zeta.json');
    expect(zeta).not.toContain('\n');
    expect(JSON.parse(zeta)).toMatchObject({ id: 'zeta', authorNote: 'kept' });
    expect(JSON.parse(assetText('decks/index.json'))).toEqual({
      schemaVersion: 1,
      decks: [
        { id: 'alpha', file: 'decks/alpha.json', title: 'Alpha', description: 'About Alpha', cardCount: 1 },
        { id: 'zeta', file: 'decks/zeta.json', title: 'Zeta', description: 'About Zeta', cardCount: 1 },
      ],
    });
  });

  it('fails the build with a message naming the file, card and field', async () => {
    writeDeck('alpha.json', deckJson('alpha', 'Alpha', [{ id: 'q1', front: 'Q', back: 3 }]));
    await expect(runBuild()).rejects.toThrow('decks/alpha.json: card 1 (id "q1"): field "back" must be a string, not a number');
  });
});

describe('decksPlugin in a real vite dev server', () => {
  it('serves the index and the raw deck files from disk, re-read per request', async () => {
    writeDeck('good.json', deckJson('good', 'Good'));
    writeDeck('bad.json', deckJson('bad', 'Bad', [{ id: 'q1', front: 'Q' }]));
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', watch: null },
      plugins: [decksPlugin()],
    });
    try {
      await server.listen();
      const { port } = server.httpServer?.address() as AddressInfo;
      const get = (urlPath: string) => fetch(`http://127.0.0.1:${port}${urlPath}`);

      const index = (await (await get('/decks/index.json')).json()) as { decks: { id: string; cardCount: number }[] };
      expect(index.decks.map((entry) => [entry.id, entry.cardCount])).toEqual([['bad', 0], ['good', 1]]);

      // The broken deck is served as written, so the app's own parser reports the problem.
      expect(await (await get('/decks/bad.json')).text()).toBe(deckJson('bad', 'Bad', [{ id: 'q1', front: 'Q' }]));

      writeDeck('good.json', deckJson('good', 'Good, edited'));
      expect(JSON.parse(await (await get('/decks/good.json')).text())).toMatchObject({ title: 'Good, edited' });

      const missing = await get('/decks/missing.json');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('decks/missing.json: no such deck file');
    } finally {
      await server.close();
    }
  });
});

describe('bundled subdecks', () => {
  const file = (id: string, extra: Record<string, unknown> = {}) => ({
    fileName: `${id}.json`,
    text: JSON.stringify({ schemaVersion: 1, id, title: id, description: '', cards: [{ id: 'c', front: 'F', back: 'B' }], ...extra }),
  });

  it('are listed with their parent, and a parent that is no bundled deck fails the build', () => {
    const { decks, failures } = loadDeckFiles([file('course'), file('week-1', { parent: 'course' }), file('stray', { parent: 'nowhere' })], 'decks');
    expect(decks.map(({ deck }) => [deck.id, deck.parent])).toEqual([['course', undefined], ['week-1', 'course']]);
    expect(failures.flatMap((f) => f.issues.map((i) => i.message))).toEqual(['decks/stray.json: its parent deck "nowhere" does not exist; it is listed at the top level']);
  });
});
