// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeckIndex } from '../src/domain/deck/deck-index.ts';
import { asDeckId } from '../src/domain/ids.ts';
import { THEME_HINT_KEY } from '../src/app/theme-hint.ts';
import type { OutputBundle } from 'rolldown';
import { bootScript, DEEP_LINK_CLASS, injectShell, renderShell, startupFiles } from './vite-plugin-shell.ts';

const index = buildDeckIndex([
  { id: asDeckId('spanish'), file: 'decks/spanish.json', title: 'Spanish <b>verbs</b>', description: 'Tom & "Jerry" <img src=x onerror=alert(1)>', cardCount: 3 },
]);

const BUILT_HTML =
  '<html><head><meta charset="UTF-8" /><script type="module" crossorigin src="./assets/index-abc.js"></script>' +
  '<link rel="stylesheet" crossorigin href="./assets/index-def.css"></head><body><div id="root"></div></body></html>';

describe('the prerendered shell', () => {
  it('lists every bundled deck with links to its page and its study session, author text escaped', () => {
    const html = renderShell(index);
    expect(html).toContain('<a href="#/deck/spanish">Spanish &lt;b&gt;verbs&lt;/b&gt;</a>');
    expect(html).toContain('href="#/deck/spanish/study" aria-label="Study Spanish &lt;b&gt;verbs&lt;/b&gt;"');
    expect(html).toContain('Tom &amp; &quot;Jerry&quot; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<b>|<img/);
  });

  it('parses into the same landmarks and headings as the home screen', () => {
    document.body.innerHTML = `<div id="root">${renderShell(index)}</div>`;
    const root = document.getElementById('root');
    expect(root?.querySelector('header nav[aria-label="Main"]')).not.toBeNull();
    expect(root?.querySelector('main h1')?.textContent).toBe('Your decks');
    expect(root?.querySelector('.deck-tile__footer')?.textContent).toContain('Loading your progress…');
  });

  it('shows the deck list loading when no deck is bundled, as the app does until storage answers', () => {
    expect(renderShell(buildDeckIndex([]))).toContain('<p role="status" class="loading">Loading decks…</p><ul class="deck-list"></ul>');
  });

  it('writes the shell into #root for the app to hydrate and replaces the entry module tag with the boot script, no inline script', () => {
    const html = injectShell(BUILT_HTML, '<main>shell</main>', 'assets/boot-123.js');
    expect(html).toContain('<div id="root"><main>shell</main></div><p class="loading shell-deep-link-only" role="status">Loading…</p>');
    expect(html).toContain('<script src="./assets/boot-123.js" data-entry="./assets/index-abc.js"></script>');
    expect(html).not.toContain('type="module"');
    // Every script has a src: the Content-Security-Policy allows no inline script.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(html).toContain('index-def.css');
  });

  it('fails the build when index.html has no empty #root or no entry module', () => {
    expect(() => injectShell('<html><body><main></main></body></html>', '', 'assets/boot.js')).toThrow(/<div id="root"><\/div>/);
    expect(() => injectShell('<html><body><div id="root"></div></body></html>', '', 'assets/boot.js')).toThrow(/entry <script type="module"/);
  });
});

describe('the boot script', () => {
  afterEach(() => {
    document.documentElement.className = '';
    document.documentElement.removeAttribute('data-theme');
    localStorage.clear();
    window.location.hash = '';
  });

  // Without data-entry the script stops before import(), which jsdom cannot load.
  const runBoot = () => new Function(bootScript())();

  it('marks <html> on a deep link, so the stylesheet shows a loading line instead of the deck list', () => {
    window.location.hash = '#/deck/spanish/study';
    runBoot();
    expect(document.documentElement.classList.contains(DEEP_LINK_CLASS)).toBe(true);
  });

  it('leaves the deck list showing on the home route', () => {
    for (const hash of ['', '#/']) {
      window.location.hash = hash;
      runBoot();
      expect(document.documentElement.classList.contains(DEEP_LINK_CLASS)).toBe(false);
    }
  });

  it('paints in the theme the student chose, and ignores anything else stored under its key', () => {
    localStorage.setItem(THEME_HINT_KEY, 'dark');
    runBoot();
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');

    document.documentElement.removeAttribute('data-theme');
    localStorage.setItem(THEME_HINT_KEY, '"><script>');
    runBoot();
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

describe('when the boot script starts the app', () => {
  const preloads = () => document.head.querySelectorAll('link[rel="modulepreload"]').length;
  const imported: string[] = [];
  let frames: FrameRequestCallback[] = [];

  function boot({ isHidden }: { isHidden: boolean }) {
    const script = document.createElement('script');
    script.src = 'https://flipdeck.test/assets/boot.js';
    script.setAttribute('data-entry', './assets/entry.js');
    script.setAttribute('data-preload', 'assets/store.js');
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(isHidden);
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    // jsdom cannot run import(): the script's one import() call is routed to a recorder instead.
    vi.stubGlobal('recordImport', (url: string) => imported.push(url));
    new Function(bootScript().replace('import(', 'recordImport('))();
  }

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
    imported.length = 0;
    frames = [];
  });

  it('waits for the first frame in a visible tab, however late it comes, then starts once', () => {
    vi.useFakeTimers();
    boot({ isHidden: false });
    vi.advanceTimersByTime(5_000);
    expect(preloads()).toBe(0);

    for (const frame of frames) frame(0);
    vi.runAllTimers();
    expect(preloads()).toBe(1);
    expect(imported).toEqual(['https://flipdeck.test/assets/entry.js']);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(imported).toHaveLength(1);
  });

  it('starts at once in a hidden tab, which may never run a frame', () => {
    vi.useFakeTimers();
    boot({ isHidden: true });
    vi.runAllTimers();
    expect(frames).toHaveLength(0);
    expect(imported).toHaveLength(1);
  });

  it('starts when a tab waiting for its first frame is hidden', () => {
    boot({ isHidden: false });
    expect(preloads()).toBe(0);
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(imported).toHaveLength(1);
  });
});

describe('the chunks preloaded at start', () => {
  const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], extra: object = {}) => ({
    type: 'chunk',
    fileName,
    moduleIds,
    imports,
    isEntry: false,
    viteMetadata: { importedCss: new Set<string>(), importedAssets: new Set<string>() },
    ...extra,
  });
  const bundle = {
    entry: chunk('assets/index.js', ['/app/src/main.tsx'], [], { isEntry: true }),
    store: chunk('assets/store.js', ['/app/src/store/index.ts', '/app/src/store/decks-slice.ts'], ['assets/index.js', 'assets/parse.js']),
    parse: chunk('assets/parse.js', ['/app/node_modules/valibot/dist/index.js']),
    app: chunk('assets/App.js', ['/app/src/app/App.tsx'], ['assets/store.js'], {
      viteMetadata: { importedCss: new Set(['assets/App.css']), importedAssets: new Set() },
    }),
    study: chunk('assets/Study.js', ['/app/src/features/study/StudyScreen.tsx'], ['assets/store.js']),
  } as unknown as OutputBundle;

  it('are the chunks holding the start-up modules with what they import statically, never the entry or a lazy screen', () => {
    expect(startupFiles(bundle, ['src/store/index.ts', 'src/app/App.tsx'])).toEqual(['assets/store.js', 'assets/parse.js', 'assets/App.js', 'assets/App.css']);
  });

  it('fail the build when a start-up module is in no chunk, rather than preloading nothing', () => {
    expect(() => startupFiles(bundle, ['src/app/Gone.tsx'])).toThrow(/src\/app\/Gone.tsx/);
  });
});
