import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import { buildDeckIndex } from '../src/domain/deck/deck-index.ts';
import { asDeckId } from '../src/domain/ids.ts';
import { renderShell, shellPlugin } from './vite-plugin-shell.ts';

const index = buildDeckIndex([
  { id: asDeckId('spanish'), file: 'decks/spanish.json', title: 'Spanish <b>verbs</b>', description: 'Tom & "Jerry"', cardCount: 3 },
]);

const SOURCE_HTML =
  '<html><head><script type="module" crossorigin src="./assets/index-abc.js"></script>' +
  '<link rel="stylesheet" crossorigin href="./assets/index-def.css"></head><body><div id="root"></div></body></html>';

function transform(html: string): string {
  const plugin = shellPlugin(() => index);
  const hook = plugin.transformIndexHtml as { handler: (html: string, context: IndexHtmlTransformContext) => string };
  const bundle = { 'assets/index-def.css': { type: 'asset', source: 'body{color:red}' } };
  return hook.handler(html, { bundle } as unknown as IndexHtmlTransformContext);
}

describe('the prerendered shell', () => {
  it('lists every bundled deck as a link to its page, with author text escaped', () => {
    const html = renderShell(index);
    expect(html).toContain('<a href="#/deck/spanish">Spanish &lt;b&gt;verbs&lt;/b&gt;</a>');
    expect(html).toContain('Tom &amp; &quot;Jerry&quot;');
    expect(html).not.toContain('<b>');
  });

  it('says so when there are no decks', () => {
    expect(renderShell(buildDeckIndex([]))).toContain('<p>No decks yet.</p>');
  });

  it('hides #root behind the shell, inlines the entry CSS and starts the entry script after first paint', () => {
    const html = transform(SOURCE_HTML);
    expect(html).toContain('<div id="root" hidden></div><div id="static-shell">');
    expect(html).toContain('<style>body{color:red}</style>');
    expect(html).not.toContain('index-def.css');
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).toContain("import('./assets/index-abc.js')");
  });

  it('fails the build when index.html has no empty #root to prerender beside', () => {
    expect(() => transform('<html><body><main></main></body></html>')).toThrow(/<div id="root"><\/div>/);
  });
});
