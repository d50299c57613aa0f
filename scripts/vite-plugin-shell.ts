/**
 * Prerenders the home screen into index.html at build time, so the first paint needs only the HTML
 * and the stylesheet, not the JavaScript: the header, every bundled deck's tile (title and
 * description from the deck index; the counts wait for the app) and the data-safety text.
 *
 * Everything stays within the Content-Security-Policy (script-src 'self', style-src 'self'): the
 * shell is plain markup styled by the normal stylesheet, and the one script it adds is an emitted
 * file, not an inline one. That boot script runs in <head> before the body is parsed: on any route
 * but the deck list it marks <html> so the stylesheet hides the list (no flash of the wrong
 * screen), and it starts the entry module once the first frame has painted, so evaluating the app
 * never delays that paint.
 *
 * The shell is the app's own first render of the deck list, written into #root: src/main.tsx
 * hydrates it, so the app adopts the painted nodes instead of replacing them (no second paint, no
 * later LCP). Until then the shell's links already work as plain hash links. On a deep link the
 * app renders its screen instead. Build only: the dev server has no shell.
 */
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { DeckIndex, DeckIndexEntry } from '../src/domain/deck/deck-index.ts';
import { SHORTCUTS } from '../src/app/shortcuts.ts';
import { THEME_HINT_KEY } from '../src/app/theme-hint.ts';

/** The class the boot script puts on <html> on a deep link (src/styles.css hides the deck list). */
export const DEEP_LINK_CLASS = 'shell-deep-link';
/** The module the app reads the prerendered decks from (src/prerendered-decks.d.ts). */
export const PRERENDERED_DECKS_MODULE = 'virtual:flipdeck/prerendered-decks';

const ROOT_ELEMENT = '<div id="root"></div>';
const ENTRY_SCRIPT_TAG = /<script type="module"[^>]*\ssrc="([^"]+\.js)"[^>]*><\/script>/;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Escapes author text (deck titles and descriptions) for HTML text and attribute values, as React does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** One loading deck tile, as src/features/decks/DeckList.tsx renders it. */
function deckTile(deck: DeckIndexEntry): string {
  const titleId = `deck-title-${escapeHtml(deck.id)}`;
  const deckHref = `#/deck/${escapeHtml(encodeURIComponent(deck.id))}`;
  const title = escapeHtml(deck.title);
  return (
    `<li><article class="deck-tile" aria-labelledby="${titleId}" data-status="loading">` +
    `<h2 id="${titleId}" class="deck-tile__title"><a href="${deckHref}">${title}</a></h2>` +
    `<p class="deck-tile__description">${escapeHtml(deck.description)}</p>` +
    '<div class="deck-tile__footer"><p class="loading deck-tile__pending">Loading your progress…</p>' +
    `<a class="button button--primary" href="${deckHref}/study" aria-label="Study ${title}">Study</a>` +
    '</div></article></li>'
  );
}

/** The keyboard-help dialog, closed, as src/app/KeyboardHelp.tsx renders it. */
function keyboardHelp(): string {
  const rows = SHORTCUTS.map(([keys, what]) => {
    const keyList = keys.map((key, index) => `<span>${index > 0 ? ' or ' : ''}<kbd>${escapeHtml(key)}</kbd></span>`).join('');
    return `<div class="keyboard-help__row"><dt>${keyList}</dt><dd>${escapeHtml(what)}</dd></div>`;
  });
  return (
    '<dialog class="keyboard-help" aria-labelledby="keyboard-help-title"><h2 id="keyboard-help-title">Keyboard shortcuts</h2>' +
    `<dl class="keyboard-help__list">${rows.join('')}</dl>` +
    '<form method="dialog"><button class="button button--primary">Close</button></form></dialog>'
  );
}

/**
 * The app's first render of the deck list (src/app/App.tsx with these decks still loading),
 * byte for byte as React renders it, so the app hydrates it instead of replacing it. The `<!--$-->`
 * comments mark the screen's Suspense boundary for hydration. src/app/prerender.test.tsx renders
 * the real App and compares, so the two cannot drift apart.
 */
export function renderShell(index: DeckIndex): string {
  const list =
    index.decks.length === 0
      ? '<p role="status" class="loading">Loading decks…</p><ul class="deck-list"></ul>'
      : `<ul class="deck-list">${index.decks.map(deckTile).join('')}</ul>`;
  return [
    '<a class="skip-link" href="#main">Skip to content</a>',
    '<header class="app-header"><a class="app-header__brand" href="#/">Flipdeck</a>',
    '<nav aria-label="Main"><a class="button button--ghost" href="#/stats">Statistics</a>',
    '<a class="button button--ghost" href="#/settings">Settings</a></nav></header>',
    keyboardHelp(),
    '<main id="main" class="app-main" tabindex="-1"><!--$-->',
    `<section aria-labelledby="deck-list-title"><h1 id="deck-list-title">Your decks</h1>${list}`,
    '<p class="library-links"><a class="button" href="#/new-deck">New deck</a> <a class="button" href="#/import">Import a deck</a> <a class="button" href="#/backup">Backup and restore</a></p>',
    '</section>',
    '<section class="data-safety" aria-labelledby="data-safety-title">',
    '<h2 id="data-safety-title">Data safety</h2>',
    '<p>Your progress is stored only on this device, in this browser. It works offline and is never uploaded.</p>',
    '</section>',
    '<!--/$--></main>',
  ].join('');
}

/** What stands beside #root until the app runs: a deep link's loading line, and the no-script notice. */
const OUTSIDE_ROOT =
  '<p class="loading shell-deep-link-only" role="status">Loading…</p>' +
  '<noscript><p class="notice notice--error">Flipdeck needs JavaScript to show your cards and save your progress.</p></noscript>';

/**
 * The boot script's source. It runs from <head>, before the body exists: it applies the theme the
 * student chose (src/app/theme-hint.ts), marks a deep link, and reads the entry's URL
 * from its own `data-entry` attribute, and the chunks the entry imports at start from `data-preload`
 * (all in assets/ beside it, so each is resolved against the boot script's own URL). It preloads
 * those as it starts the entry, so the chunks download side by side, not one after the other, and
 * never compete with the first paint.
 */
export function bootScript(): string {
  return [
    '(function(){',
    'var script=document.currentScript,entry=script&&script.getAttribute("data-entry"),root=document.documentElement;',
    'var preload=((script&&script.getAttribute("data-preload"))||"").split(" ").filter(Boolean);',
    `try{var theme=localStorage.getItem(${JSON.stringify(THEME_HINT_KEY)});if(theme==="light"||theme==="dark")root.setAttribute("data-theme",theme)}catch(e){}`,
    `if(!/^#?\\/?$/.test(location.hash))root.classList.add(${JSON.stringify(DEEP_LINK_CLASS)});`,
    'if(!entry)return;',
    'var isStarted=false;',
    'function dir(file){return new URL(file.split("/").pop(),script.src).href}',
    'function start(){if(isStarted)return;isStarted=true;',
    'preload.forEach(function(file){var link=document.createElement("link");link.rel=/\\.css$/.test(file)?"preload":"modulepreload";if(link.rel==="preload")link.as="style";link.href=dir(file);document.head.appendChild(link)});',
    'import(dir(entry))}',
    // A visible tab starts after its first frame, however long that frame takes on a slow phone: a
    // fallback timer here fired before the first paint on a loaded CPU, which made every preloaded
    // chunk render-blocking. Only a hidden tab, which paints nothing and may never run a frame, starts
    // on a timer, now or the moment it is hidden.
    'if(document.hidden){setTimeout(start)}else{requestAnimationFrame(function(){setTimeout(start)});',
    'document.addEventListener("visibilitychange",function(){if(document.hidden)start()})}',
    '})();',
  ].join('');
}

/**
 * index.html with the shell inside #root (for the app to hydrate) and the entry module started by
 * `bootFile`, which also preloads `preload` (files relative to the build folder) at that moment.
 */
export function injectShell(html: string, shell: string, bootFile: string, preload: readonly string[] = []): string {
  if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html must contain ${ROOT_ELEMENT} for the prerendered shell`);
  const entry = ENTRY_SCRIPT_TAG.exec(html);
  if (!entry?.[1]) throw new Error('index.html has no entry <script type="module" src> for the boot script to start');
  const preloadAttribute = preload.length === 0 ? '' : ` data-preload="${escapeHtml(preload.join(' '))}"`;
  const boot = `<script src="./${bootFile}" data-entry="${escapeHtml(entry[1])}"${preloadAttribute}></script>`;
  return html.replace(entry[0], boot).replace(ROOT_ELEMENT, `<div id="root">${shell}</div>${OUTSIDE_ROOT}`);
}

/**
 * The chunks holding `modules` (ids ending in one of them, e.g. `src/store/index.ts`), with every
 * chunk and stylesheet they import statically: what the app fetches at start besides the entry.
 */
export function startupFiles(bundle: OutputBundle, modules: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = new Set<string>();
  const add = (chunk: OutputChunk) => {
    if (chunk.isEntry || files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) add(imported);
    }
  };
  for (const module of modules) {
    const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
    if (!chunk) throw new Error(`no chunk holds the start-up module ${module}`);
    add(chunk);
  }
  return [...files];
}

/**
 * Injects the shell into the built index.html, listing the decks the decks plugin bundled, and
 * gives the app the same list (PRERENDERED_DECKS_MODULE) so its first render matches. The dev
 * server has no shell, so there the list is empty.
 */
export function shellPlugin(deckIndex: () => DeckIndex, options: { readonly startupModules?: readonly string[] } = {}): Plugin[] {
  let bootFile: string | undefined;
  let isBuild = false;
  const resolvedId = `\0${PRERENDERED_DECKS_MODULE}`;
  return [
    {
      name: 'flipdeck-prerendered-decks',
      configResolved(config) {
        isBuild = config.command === 'build';
      },
      resolveId: (id) => (id === PRERENDERED_DECKS_MODULE ? resolvedId : undefined),
      load(id) {
        if (id !== resolvedId) return undefined;
        return `export const prerenderedDecks = ${JSON.stringify(isBuild ? deckIndex().decks : [])};`;
      },
    },
    {
      name: 'flipdeck-shell',
      apply: 'build',
      // Runs before Vite's HTML plugin, whose generateBundle calls transformIndexHtml below.
      generateBundle() {
        const ref = this.emitFile({ type: 'asset', name: 'boot.js', source: bootScript() });
        bootFile = this.getFileName(ref);
      },
      transformIndexHtml: {
        order: 'post',
        handler(html, context) {
          if (!bootFile) throw new Error('the boot script was not emitted before index.html was written');
          const preload = context.bundle ? startupFiles(context.bundle, options.startupModules ?? []) : [];
          return injectShell(html, renderShell(deckIndex()), bootFile, preload);
        },
      },
    },
  ];
}
