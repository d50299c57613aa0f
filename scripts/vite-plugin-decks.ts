/**
 * Vite plugin for the bundled decks in `decks/*.json`.
 *
 * - Build: every deck is parsed at build start and a malformed one fails the build with one
 *   line per problem, naming the file, the card and the field. Valid decks are emitted as
 *   `decks/<id>.json` (the author's JSON, minified) plus `decks/index.json`.
 * - Dev: the same two URLs are served straight from disk, re-read on every request, so an edit
 *   shows on reload. A broken deck is logged in the terminal but still listed in the index
 *   (with `cardCount: 0`), so the app fetches it and shows the same message. The dev server
 *   keeps running: stopping it on every half-saved file would get in the author's way.
 *
 * Everything that decides something is a plain exported function, tested without Vite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';
import {
  buildDeckIndex,
  DECK_INDEX_PATH,
  deckFilePath,
  deckIndexEntry,
  type DeckIndex,
  type DeckIndexEntry,
} from '../src/domain/deck/deck-index.ts';
import { DeckError } from '../src/domain/deck/errors.ts';
import { assertDeckMatchesFile, expectedDeckIdFromFile } from '../src/domain/deck/deck-file.ts';
import { DECK_ID_PATTERN, MAX_DECK_ID_LENGTH, MAX_TITLE_LENGTH } from '../src/domain/deck/deck-schema.ts';
import { parseJsonText } from '../src/domain/deck/json-text.ts';
import { parseDeckStrict } from '../src/domain/deck/check-clozes.ts';
import { buildDeckTree } from '../src/domain/deck/deck-tree.ts';
import type { Deck } from '../src/domain/deck/types.ts';
import { asDeckId } from '../src/domain/ids.ts';

export interface DecksPluginOptions {
  /** Folder holding `<deck-id>.json` files, relative to the Vite root. */
  readonly dir?: string;
}

/** One deck file as read from disk. `fileName` is the base name, e.g. `c3-containers.json`. */
export interface DeckSourceFile {
  readonly fileName: string;
  readonly text: string;
}

/** A deck that passed every check, with the author's JSON kept for re-emitting unchanged. */
export interface LoadedDeck {
  readonly fileName: string;
  readonly deck: Deck;
  readonly json: unknown;
}

export interface DeckLoadResult {
  readonly decks: readonly LoadedDeck[];
  readonly failures: readonly DeckError[];
}

/** `decks/index.json` is the index itself, so no deck may take the id `index`. */
const RESERVED_DECK_IDS: ReadonlySet<string> = new Set(['index']);

/** Reads every `*.json` file in `dir`, sorted by name so builds are reproducible. */
export function readDeckDir(dir: string): DeckSourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(path.join(dir, fileName), 'utf8') }));
}

/**
 * Parses one deck file with every check a bundled deck must pass.
 * `dirLabel` prefixes the file name in messages (`decks` gives `decks/foo.json`).
 * @throws DeckError
 */
export function loadDeckFile(file: DeckSourceFile, dirLabel: string): LoadedDeck {
  const source = `${dirLabel}/${file.fileName}`;
  if (RESERVED_DECK_IDS.has(expectedDeckIdFromFile(file.fileName))) {
    throw new DeckError('deck-file-mismatch', source, [
      {
        message: `${source}: the file name is reserved for the list of decks (${DECK_INDEX_PATH}); rename the file and its "id"`,
      },
    ]);
  }
  const json = parseJsonText(file.text, source);
  const deck = parseDeckStrict(json, source);
  assertDeckMatchesFile(deck, source);
  return { fileName: file.fileName, deck, json };
}

/**
 * Loads every file, collecting failures instead of stopping, so one build reports them all. The
 * deck tree is checked across the files (a parent that is no bundled deck, a cycle, a deck with
 * neither cards nor subdecks): such a deck is a failure too.
 */
export function loadDeckFiles(files: readonly DeckSourceFile[], dirLabel: string): DeckLoadResult {
  const decks: LoadedDeck[] = [];
  const failures: DeckError[] = [];
  for (const file of files) {
    try {
      decks.push(loadDeckFile(file, dirLabel));
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      failures.push(error);
    }
  }
  const { problems } = buildDeckTree(decks.map(({ deck }) => ({ id: deck.id, cardCount: deck.cards.length, ...(deck.parent === undefined ? {} : { parent: deck.parent }) })));
  const broken = new Set(problems.map((problem) => problem.deckId));
  for (const problem of problems) {
    const source = `${dirLabel}/${problem.deckId}.json`;
    failures.push(new DeckError('invalid-deck', source, [{ field: 'parent', message: `${source}: ${problem.message}` }]));
  }
  return { decks: decks.filter(({ deck }) => !broken.has(deck.id)), failures };
}

/** The build error text: a count, then every problem on its own line. */
export function formatDeckFailures(failures: readonly DeckError[]): string {
  const fileCount = failures.length;
  const heading = `${fileCount} deck file${fileCount === 1 ? '' : 's'} failed validation (see docs/deck-format.md):`;
  return [heading, ...failures.flatMap((failure) => failure.issues.map((issue) => `  ${issue.message}`))].join('\n');
}

/** The index the build writes: valid decks only, sorted by title. */
export function buildIndexForDecks(decks: readonly LoadedDeck[]): DeckIndex {
  return buildDeckIndex(decks.map((loaded) => deckIndexEntry(loaded.deck)));
}

/**
 * What a deck that failed to parse still shows in the dev index. Only the id is needed for
 * the app to fetch the file and show the error; the rest is best effort from the raw JSON.
 * Returns undefined when the file name cannot be a deck id at all (logged, not listed).
 */
function fallbackIndexEntry(file: DeckSourceFile): DeckIndexEntry | undefined {
  const id = expectedDeckIdFromFile(file.fileName);
  if (!DECK_ID_PATTERN.test(id) || id.length > MAX_DECK_ID_LENGTH || RESERVED_DECK_IDS.has(id)) return undefined;
  let raw: Record<string, unknown> = {};
  try {
    const json: unknown = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) raw = json as Record<string, unknown>;
  } catch {
    // Invalid JSON: list it under its file name; fetching it reports the syntax error.
  }
  const rawTitle = typeof raw['title'] === 'string' ? raw['title'].trim() : '';
  const isTitleUsable = rawTitle !== '' && rawTitle.length <= MAX_TITLE_LENGTH;
  return {
    id: asDeckId(id),
    file: deckFilePath(id),
    title: isTitleUsable ? rawTitle : file.fileName,
    description: typeof raw['description'] === 'string' ? raw['description'] : '',
    cardCount: 0,
  };
}

/** The index the dev server serves: valid decks as in a build, broken ones with `cardCount: 0`. */
export function buildDevDeckIndex(files: readonly DeckSourceFile[], dirLabel: string): DeckIndex {
  const entries: DeckIndexEntry[] = [];
  for (const file of files) {
    try {
      entries.push(deckIndexEntry(loadDeckFile(file, dirLabel).deck));
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      const fallback = fallbackIndexEntry(file);
      if (fallback !== undefined) entries.push(fallback);
    }
  }
  return buildDeckIndex(entries);
}

export type DeckRoute = { readonly kind: 'index' } | { readonly kind: 'deck'; readonly fileName: string };

/** Which deck URL a dev request is for, if any. `base` is the resolved Vite base ('/' in dev). */
export function matchDeckRoute(url: string, base: string): DeckRoute | undefined {
  const pathname = url.split(/[?#]/)[0] ?? '';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const relative = pathname.slice(prefix.length);
  if (relative === DECK_INDEX_PATH) return { kind: 'index' };
  const match = /^decks\/([^/]+\.json)$/.exec(relative);
  if (match?.[1] === undefined) return undefined;
  try {
    return { kind: 'deck', fileName: decodeURIComponent(match[1]) };
  } catch {
    return undefined;
  }
}

/** Registers the dev middleware and the reload-on-edit watcher. */
function serveDecks(server: ViteDevServer, decksDir: string, dirLabel: string): void {
  const logger = server.config.logger;

  server.middlewares.use((req, res, next) => {
    const route = matchDeckRoute(req.url ?? '', server.config.base);
    if (route === undefined || !existsSync(decksDir)) {
      next();
      return;
    }
    const files = readDeckDir(decksDir);
    let body: string;
    if (route.kind === 'index') {
      body = JSON.stringify(buildDevDeckIndex(files, dirLabel));
    } else {
      // Served only if listed, so a crafted name can never reach outside the decks folder.
      const file = files.find((candidate) => candidate.fileName === route.fileName);
      if (file === undefined) {
        // Answer here: Vite's SPA fallback would send index.html with 200 for a missing file.
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`${dirLabel}/${route.fileName}: no such deck file`);
        return;
      }
      body = file.text;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(body);
  });

  server.watcher.add(decksDir);
  const onDeckFileEvent = (filePath: string): void => {
    if (path.dirname(path.resolve(filePath)) !== decksDir || !filePath.endsWith('.json')) return;
    if (existsSync(filePath)) {
      reportDeckFailures(loadDeckFiles(readDeckDir(decksDir), dirLabel).failures, logger);
    }
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('add', onDeckFileEvent);
  server.watcher.on('change', onDeckFileEvent);
  server.watcher.on('unlink', onDeckFileEvent);
}

function reportDeckFailures(failures: readonly DeckError[], logger: Logger): void {
  if (failures.length > 0) logger.error(formatDeckFailures(failures), { timestamp: true });
}

/** What other build plugins can ask the decks plugin (the prerendered shell lists the decks). */
export interface DecksPluginApi {
  /** The index of the valid decks, as the build emits it; empty before the build has started. */
  deckIndex(): DeckIndex;
}

/** Validates, bundles and (in dev) serves the decks in `options.dir` (default `decks`). */
export function decksPlugin(options: DecksPluginOptions = {}): Plugin<DecksPluginApi> & { api: DecksPluginApi } {
  const dirOption = options.dir ?? 'decks';
  let decksDir = path.resolve(dirOption);
  let dirLabel = dirOption;
  let isBuild = true;
  let logger: Logger | undefined;
  let loadedDecks: readonly LoadedDeck[] = [];

  return {
    name: 'flipdeck-decks',

    api: {
      deckIndex: () => buildIndexForDecks(loadedDecks),
    },

    configResolved(config) {
      decksDir = path.resolve(config.root, dirOption);
      // Messages use forward slashes on every OS so they match the docs and the tests.
      dirLabel = path.relative(config.root, decksDir).split(path.sep).join('/') || '.';
      isBuild = config.command === 'build';
      logger = config.logger;
    },

    buildStart() {
      if (!existsSync(decksDir)) {
        const message = `${dirLabel}/: deck folder not found (expected ${decksDir})`;
        if (isBuild) this.error(message);
        logger?.warn(message);
        return;
      }
      const files = readDeckDir(decksDir);
      for (const file of files) this.addWatchFile(path.join(decksDir, file.fileName));
      const { decks, failures } = loadDeckFiles(files, dirLabel);
      if (failures.length > 0) {
        if (isBuild) this.error(formatDeckFailures(failures));
        if (logger !== undefined) reportDeckFailures(failures, logger);
      }
      if (isBuild && decks.length === 0) this.warn(`${dirLabel}/ holds no decks: the app will have nothing to study`);
      loadedDecks = decks;
    },

    generateBundle() {
      for (const { deck, json } of loadedDecks) {
        this.emitFile({ type: 'asset', fileName: deckFilePath(deck.id), source: JSON.stringify(json) });
      }
      this.emitFile({
        type: 'asset',
        fileName: DECK_INDEX_PATH,
        source: JSON.stringify(buildIndexForDecks(loadedDecks)),
      });
    },

    configureServer(server) {
      serveDecks(server, decksDir, dirLabel);
    },
  };
}
