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
 * The shell sits beside a hidden #root; src/app/static-shell.ts swaps the two in one frame once the
 * app has something real to show. Until then the shell's links already work as plain hash links.
 * Build only: the dev server has no shell.
 */
import type { Plugin } from 'vite';
import type { DeckIndex, DeckIndexEntry } from '../src/domain/deck/deck-index.ts';
import { THEME_HINT_KEY } from '../src/app/theme-hint.ts';

/** The element id the app hands over from (src/app/static-shell.ts). */
export const STATIC_SHELL_ID = 'static-shell';
/** The class the boot script puts on <html> on a deep link (src/styles.css hides the deck list). */
export const DEEP_LINK_CLASS = 'shell-deep-link';

const ROOT_ELEMENT = '<div id="root"></div>';
const ENTRY_SCRIPT_TAG = /<script type="module"[^>]*\ssrc="([^"]+\.js)"[^>]*><\/script>/;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes author text (deck titles and descriptions) for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * One deck tile, laid out like the app's (src/features/decks/DeckList.tsx) so the swap moves
 * nothing: where the app shows the counts, the shell says they are loading (the footer keeps its height).
 */
function deckTile(deck: DeckIndexEntry): string {
  const titleId = `shell-deck-title-${deck.id}`;
  const deckHref = `#/deck/${encodeURIComponent(deck.id)}`;
  const title = escapeHtml(deck.title);
  return (
    `<li><article class="deck-tile" aria-labelledby="${titleId}">` +
    `<h2 id="${titleId}" class="deck-tile__title"><a href="${deckHref}">${title}</a></h2>` +
    `<p class="deck-tile__description">${escapeHtml(deck.description)}</p>` +
    '<div class="deck-tile__footer"><p class="loading deck-tile__pending">Loading your progress…</p>' +
    `<a class="button button--primary" href="${deckHref}/study" aria-label="Study ${title}">Study</a>` +
    '</div></article></li>'
  );
}

/**
 * The shell's markup for these decks. Ids are prefixed `shell-` so they never clash with the
 * app's own while both are in the document (the app's are inside the hidden #root).
 */
export function renderShell(index: DeckIndex): string {
  const list =
    index.decks.length === 0 ? '<p>No decks yet.</p>' : `<ul class="deck-list">${index.decks.map(deckTile).join('')}</ul>`;
  return [
    `<div id="${STATIC_SHELL_ID}">`,
    '<header class="app-header"><a class="app-header__brand" href="#/">Flipdeck</a>',
    '<nav aria-label="Main"><a class="button button--ghost" href="#/stats">Statistics</a>',
    '<a class="button button--ghost" href="#/settings">Settings</a></nav></header>',
    '<main class="app-main">',
    '<div class="shell-home">',
    `<section aria-labelledby="shell-deck-list-title"><h1 id="shell-deck-list-title">Your decks</h1>${list}`,
    '<p class="library-links"><a class="button" href="#/import">Import a deck</a> <a class="button" href="#/backup">Backup and restore</a></p>',
    '</section>',
    '<section class="data-safety" aria-labelledby="shell-data-safety-title">',
    '<h2 id="shell-data-safety-title">Data safety</h2>',
    '<p>Your progress is stored only on this device, in this browser. It works offline and is never uploaded.</p>',
    '</section>',
    '</div>',
    '<p class="loading shell-deep-link-only" role="status">Loading…</p>',
    '<noscript><p class="notice notice--error">Flipdeck needs JavaScript to show your cards and save your progress.</p></noscript>',
    '</main>',
    '</div>',
  ].join('');
}

/**
 * The boot script's source. It runs from <head>, before the body exists: it applies the theme the
 * student chose (src/app/theme-hint.ts), marks a deep link, and reads the entry's URL
 * from its own `data-entry` attribute. A classic script resolves import() against its own URL, and
 * both files live in assets/, hence the `./` + file name. A background tab may never run
 * requestAnimationFrame, hence the timer.
 */
export function bootScript(): string {
  return [
    '(function(){',
    'var script=document.currentScript,entry=script&&script.getAttribute("data-entry"),root=document.documentElement;',
    `try{var theme=localStorage.getItem(${JSON.stringify(THEME_HINT_KEY)});if(theme==="light"||theme==="dark")root.setAttribute("data-theme",theme)}catch(e){}`,
    `if(!/^#?\\/?$/.test(location.hash))root.classList.add(${JSON.stringify(DEEP_LINK_CLASS)});`,
    'if(!entry)return;',
    'var isStarted=false;',
    'function start(){if(!isStarted){isStarted=true;import("./"+entry.split("/").pop())}}',
    'requestAnimationFrame(function(){setTimeout(start)});setTimeout(start,100)',
    '})();',
  ].join('');
}

/** index.html with the shell beside a hidden #root and the entry module started by `bootFile`. */
export function injectShell(html: string, shell: string, bootFile: string): string {
  if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html must contain ${ROOT_ELEMENT} for the prerendered shell`);
  const entry = ENTRY_SCRIPT_TAG.exec(html);
  if (!entry?.[1]) throw new Error('index.html has no entry <script type="module" src> for the boot script to start');
  const boot = `<script src="./${bootFile}" data-entry="${escapeHtml(entry[1])}"></script>`;
  return html.replace(entry[0], boot).replace(ROOT_ELEMENT, `<div id="root" hidden></div>${shell}`);
}

/** Injects the shell into the built index.html, listing the decks the decks plugin bundled. */
export function shellPlugin(deckIndex: () => DeckIndex): Plugin {
  let bootFile: string | undefined;
  return {
    name: 'flipdeck-shell',
    apply: 'build',
    // Runs before Vite's HTML plugin, whose generateBundle calls transformIndexHtml below.
    generateBundle() {
      const ref = this.emitFile({ type: 'asset', name: 'boot.js', source: bootScript() });
      bootFile = this.getFileName(ref);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!bootFile) throw new Error('the boot script was not emitted before index.html was written');
        return injectShell(html, renderShell(deckIndex()), bootFile);
      },
    },
  };
}
