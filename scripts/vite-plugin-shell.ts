/**
 * Prerenders the home screen's static parts into index.html at build time: the header, the deck
 * list (titles and descriptions come from the bundled deck index) and the data-safety heading.
 * The first paint then needs only the HTML and the CSS, not the JavaScript.
 *
 * The shell sits beside a hidden #root. src/app/static-shell.ts swaps the two in one frame once
 * the app has something real to show, so nothing on screen moves (no layout shift) and the
 * shell's links already work as plain hash links before then. Build only: dev has no shell.
 */
import type { Plugin } from 'vite';
import type { DeckIndex } from '../src/domain/deck/deck-index.ts';

/** The element id the app looks for to hand over from the shell. */
export const STATIC_SHELL_ID = 'static-shell';
const ROOT_ELEMENT = '<div id="root"></div>';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes author text (deck titles and descriptions) for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function deckTile(deck: DeckIndex['decks'][number]): string {
  const titleId = `shell-deck-title-${deck.id}`;
  const href = `#/deck/${encodeURIComponent(deck.id)}`;
  return (
    `<li><article class="deck-tile" aria-labelledby="${titleId}">` +
    `<h2 id="${titleId}" class="deck-tile__title"><a href="${href}">${escapeHtml(deck.title)}</a></h2>` +
    `<p class="deck-tile__description">${escapeHtml(deck.description)}</p>` +
    `<p class="loading">Loading your progress…</p>` +
    `</article></li>`
  );
}

/**
 * The shell's markup for these decks. Ids are prefixed `shell-` so they never clash with the
 * app's own while both are in the document. On any route but the deck list, an inline script
 * hides the list before it paints, leaving the header and a loading line.
 */
export function renderShell(index: DeckIndex): string {
  const list =
    index.decks.length === 0 ? '<p>No decks yet.</p>' : `<ul class="deck-list">${index.decks.map(deckTile).join('')}</ul>`;
  return [
    `<div id="${STATIC_SHELL_ID}">`,
    '<header class="app-header"><a class="app-header__brand" href="#/">Flipdeck</a></header>',
    '<main class="app-main">',
    '<section id="shell-home" aria-labelledby="shell-deck-list-title">',
    `<h1 id="shell-deck-list-title">Your decks</h1>${list}`,
    '</section>',
    '<section class="data-safety" aria-labelledby="shell-data-safety-title">',
    '<h2 id="shell-data-safety-title">Data safety</h2>',
    '<p>Your progress is stored only on this device, in this browser. It works offline and is never uploaded.</p>',
    '</section>',
    '<p id="shell-loading" class="loading" role="status" hidden>Loading…</p>',
    '</main>',
    '</div>',
    // Deep links (#/deck/…/study) must not flash the deck list: show a loading line instead.
    `<script>if(!/^#?\\/?$/.test(location.hash)){document.getElementById('shell-home').hidden=true;document.querySelector('#${STATIC_SHELL_ID} .data-safety').hidden=true;document.getElementById('shell-loading').hidden=false}</script>`,
  ].join('');
}

const STYLESHEET_TAG = /<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+\.css)"[^>]*>/;
const ENTRY_SCRIPT_TAG = /<script type="module"[^>]*src="(\.\/assets\/[^"]+\.js)"[^>]*><\/script>/;

/**
 * The entry script, started once the first frame (the shell) has been painted rather than
 * discovered in <head> and fetched alongside the HTML. A background tab may never run rAF,
 * hence the timer. Its URL stays a plain './assets/….js' string (scripts/size.mjs reads it).
 */
export function entryLoader(src: string): string {
  return (
    '<script type="module">let isStarted=false;const start=()=>{if(!isStarted){isStarted=true;' +
    `import('${src}')}};requestAnimationFrame(()=>setTimeout(start));setTimeout(start,100)</script>`
  );
}

/**
 * Injects the shell into the built index.html, using the deck index the decks plugin built; inlines
 * the entry stylesheet (about 2 KB gzipped) so the first paint waits for no request at all.
 */
export function shellPlugin(deckIndex: () => DeckIndex): Plugin {
  return {
    name: 'flipdeck-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html must contain ${ROOT_ELEMENT} for the prerendered shell`);
        let out = html.replace(ROOT_ELEMENT, `<div id="root" hidden></div>${renderShell(deckIndex())}`);
        const stylesheet = STYLESHEET_TAG.exec(out);
        const cssAsset = stylesheet?.[1] ? context.bundle?.[stylesheet[1]] : undefined;
        if (stylesheet && cssAsset?.type === 'asset') {
          // `</style` cannot occur in valid CSS text; refuse rather than emit broken HTML.
          const css = String(cssAsset.source);
          if (css.includes('</style')) throw new Error('the entry CSS contains "</style": cannot inline it');
          out = out.replace(stylesheet[0], `<style>${css}</style>`);
        }
        const entry = ENTRY_SCRIPT_TAG.exec(out);
        if (entry?.[1]) out = out.replace(entry[0], entryLoader(entry[1]));
        return out;
      },
    },
  };
}
