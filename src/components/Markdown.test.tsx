// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../e2e/fixtures/xss-corpus';
import { Markdown } from './Markdown';

// Elements that can run code, load another document or restyle the page; none may come from card text.
const ACTIVE_ELEMENTS = 'script, iframe, frame, object, embed, svg, math, style, link, meta, base, form, details, template';
const UNSAFE_URL = /^\s*(javascript|vbscript|data|blob|file):/i;

afterEach(cleanup);

function renderCard(markdown: string): HTMLElement {
  return render(<Markdown text={markdown} />).container;
}

describe('Markdown with hostile card content', () => {
  it.each(XSS_PAYLOADS.map((payload) => [payload.id, payload] as const))('%s: renders as inert, readable text', (_id, payload) => {
    const container = renderCard(payload.markdown);

    expect(container.querySelectorAll(ACTIVE_ELEMENTS)).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      const handlers = element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'));
      expect(handlers, `<${element.localName}> has event handler attributes`).toEqual([]);
    }
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(UNSAFE_URL);
      expect(link.getAttribute('href')).toBeTruthy();
    }
    for (const image of container.querySelectorAll('img')) {
      expect(image.getAttribute('src') ?? '').not.toMatch(UNSAFE_URL);
      expect(image.getAttribute('src')).toBeTruthy();
    }
    expect(container.textContent?.replace(/\s+/g, ' ')).toContain(payload.readable);
    // A generous limit: the deep-nesting payloads take a second or two on a busy machine; a hang never ends.
  }, 20_000);

  it('keeps a link whose URL was unsafe as plain text instead of a link back to this page', () => {
    const container = renderCard('[Markdown JS link](javascript:alert(1)) and [safe](https://example.org/)');
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
    expect(container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.textContent).toContain('Markdown JS link');
  });

  it('loads no remote or unsafe images, showing their alt text instead, but keeps same-origin ones', () => {
    const container = renderCard('![pixel](https://tracker.invalid/p.png) ![js](javascript:x) ![local](img/diagram.png)');
    expect([...container.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual(['img/diagram.png']);
    expect(container.textContent).toContain('[image: pixel]');
    expect(container.textContent).toContain('[image: js]');
  });

  it('shows a deck image that is not stored on this device as its alt text, without a request', () => {
    // media/<name> paths are a user deck's own images, served only from device storage.
    const container = renderCard('![diagram](media/diagram.png)');
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.textContent).toContain('[image: diagram]');
  });
});
