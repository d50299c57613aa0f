// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { XSS_PAYLOADS } from '../../e2e/fixtures/xss-corpus';
import { cardFaces } from '../domain/cloze/card-faces';
import type { CardId } from '../domain/ids';
import { DeckMediaContext } from './deck-media';
import { Markdown } from './Markdown';
import { preloadMarkdown } from './markdown/features';

// Elements that can run code, load another document or restyle the page; none may come from card text.
// MathML is allowed only as the renderer's own output for `$…$` (checked by expectSafeMath).
const ACTIVE_ELEMENTS = 'script, iframe, frame, object, embed, svg, math:not(.math > math), style, link, meta, base, form, details, template';
const UNSAFE_URL = /^\s*(javascript|vbscript|data|blob|file):/i;

afterEach(cleanup);

// Every lazy plugin loaded first: the corpus must be safe through the full pipeline, not only the
// plain one a card shows before its plugins arrive.
beforeAll(() => preloadMarkdown(['| $x$ |\n\n```js\nx\n```']));

/** MathML from formulas: only MathML elements, and none with a link, a source or an inline style. */
function expectSafeMath(container: HTMLElement): void {
  for (const element of container.querySelectorAll('math, math *')) {
    expect(element.localName).toMatch(/^(math|m[a-z]+|semantics|annotation|none|mprescripts)$/);
    const risky = element.getAttributeNames().filter((name) => /^(on|href|src|xlink|style)/i.test(name));
    expect(risky, `<${element.localName}> has ${risky.join(', ')}`).toEqual([]);
  }
}

function renderCard(markdown: string): HTMLElement {
  return render(<Markdown text={markdown} />).container;
}

describe('Markdown with hostile card content', () => {
  it.each(XSS_PAYLOADS.map((payload) => [payload.id, payload] as const))('%s: renders as inert, readable text', (_id, payload) => {
    const container = renderCard(payload.markdown);

    expect(container.querySelectorAll(ACTIVE_ELEMENTS)).toHaveLength(0);
    expectSafeMath(container);
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

describe('Markdown extensions', () => {
  it('renders a GitHub table with its header, alignment and cells, plus strikethrough and task lists', () => {
    const container = renderCard('| Layer | Tool |\n| :-- | --: |\n| runtime | **runc** |\n\n~~VMs only~~\n\n- [x] done\n- [ ] todo');
    expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Layer', 'Tool']);
    expect([...container.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['runtime', 'runc']);
    expect(container.querySelector('td:last-child')?.className).toBe('align-right');
    expect(container.querySelector('del')?.textContent).toBe('VMs only');
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([[true, true], [false, true]]);
  });

  it('renders inline and display maths as MathML with no inline styles', () => {
    const container = renderCard('Energy $E = mc^2$ and\n\n$$\\frac{a}{b} = \\begin{pmatrix}1 & 2\\\\3 & 4\\end{pmatrix}$$');
    const inline = container.querySelector('span.math-inline > math');
    expect(inline?.querySelector('msup')?.textContent).toBe('c2');
    const display = container.querySelector('span.math-display > math');
    expect(display?.getAttribute('display')).toBe('block');
    expect(display?.querySelector('mfrac')).not.toBeNull();
    expect(display?.querySelectorAll('mtd')).toHaveLength(4);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
    expectSafeMath(container);
  });

  it('keeps a colour as the mathcolor attribute and shows a TeX error as readable source', () => {
    const container = renderCard('$\\color{red}{x}$ then $\\frac{1$');
    expect(container.querySelector('math [mathcolor]')?.getAttribute('mathcolor')).toBe('#ff0000');
    expect(container.querySelector('.math-error')?.textContent).toContain('\\frac{1');
  });

  it('leaves trusted-only commands unrendered: no link, class or style from \\href, \\htmlClass or \\htmlStyle', () => {
    const container = renderCard('$\\href{https://example.org}{x} \\htmlClass{evil}{y} \\htmlStyle{color:red}{z}$');
    expect(container.querySelectorAll('a, [href], .evil, [style]')).toHaveLength(0);
    expectSafeMath(container);
  });

  it('highlights a fenced code block by its language with classes, and leaves unknown languages plain', () => {
    const container = renderCard('```python\ndef f(x):\n    return "hi"  # note\n```\n\n```brainfuck\n+++\n```');
    const python = container.querySelector('code.language-python');
    expect(python?.classList.contains('hljs')).toBe(true);
    expect(python?.querySelector('.hljs-keyword')?.textContent).toBe('def');
    expect(python?.querySelector('.hljs-string')?.textContent).toBe('"hi"');
    expect(python?.querySelector('.hljs-comment')?.textContent).toBe('# note');
    expect(python?.textContent).toBe('def f(x):\n    return "hi"  # note\n');
    const unknown = container.querySelector('code.language-brainfuck');
    expect(unknown?.children).toHaveLength(0);
    expect(unknown?.textContent).toBe('+++\n');
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('renders a table cell holding maths and inline code', () => {
    const container = renderCard('| Cost | Call |\n| --- | --- |\n| $O(n)$ | `ls` |');
    expect(container.querySelector('td math')).not.toBeNull();
    expect(container.querySelector('td code')?.textContent).toBe('ls');
  });
});

describe('Markdown of cloze cards', () => {
  const card = {
    id: 'n.c1' as CardId,
    front: '{{c1::**runc** and `crun`::runtimes}} run {{c2::containers}}.',
    back: 'Extra',
    tags: [],
    noteId: 'n',
    clozeNumber: 1,
  };

  it('shows the hint as a blank on the front and the other cloze as text, with no marks left', () => {
    const container = renderCard(cardFaces(card).front);
    expect(container.querySelector('.cloze-blank')?.textContent).toBe('[runtimes]');
    expect(container.textContent).toBe('[runtimes] run containers.');
  });

  it('marks an answer that spans formatting on the back, as a class, and keeps the extra text', () => {
    const container = renderCard(cardFaces(card).back);
    expect([...container.querySelectorAll('mark.cloze-answer')].map((mark) => mark.textContent)).toEqual(['runc', ' and ', 'crun']);
    expect(container.querySelector('strong > mark.cloze-answer')).not.toBeNull();
    expect(container.querySelector('code > mark.cloze-answer')).not.toBeNull();
    expect(container.textContent).toBe('runc and crun run containers.\nExtra');
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });
});

describe('Markdown with sounds', () => {
  const renderWithMedia = (markdown: string, media: ReadonlyMap<string, string>) =>
    render(
      <DeckMediaContext.Provider value={media}>
        <Markdown text={markdown} />
      </DeckMediaContext.Provider>,
    );

  it('shows a stored sound as a play button that plays only when pressed, and stops when pressed again', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('play'));
      return Promise.resolve();
    });
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('pause'));
    });
    const view = renderWithMedia('Say it: ![hola.mp3](media/hola.mp3)', new Map([['media/hola.mp3', 'blob:http://localhost/1']]));
    const button = view.getByRole('button', { name: 'Play sound hola.mp3' });
    expect(view.container.querySelector('audio')?.getAttribute('src')).toBe('blob:http://localhost/1');
    expect(view.container.querySelector('audio')?.hasAttribute('autoplay')).toBe(false);
    expect(view.container.querySelector('img')).toBeNull();
    expect(play).not.toHaveBeenCalled();

    fireEvent.click(button);
    expect(play).toHaveBeenCalledTimes(1);
    const stop = await view.findByRole('button', { name: 'Stop sound hola.mp3' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    Object.defineProperty(view.container.querySelector('audio')!, 'paused', { configurable: true, value: false });
    fireEvent.click(stop);
    expect(pause).toHaveBeenCalled();
    expect(await view.findByRole('button', { name: 'Play sound hola.mp3' })).toBeTruthy();
    vi.restoreAllMocks();
  });

  it('says a sound is not on this device rather than fetch it, and never makes a remote sound playable', () => {
    const view = renderWithMedia('![gone.mp3](media/gone.mp3) ![x](https://tracker.example/a.mp3)', new Map());
    expect(view.queryByRole('button')).toBeNull();
    expect(view.container.querySelector('audio')).toBeNull();
    expect(view.container.textContent).toContain('[sound: gone.mp3, not available on this device]');
    expect(view.container.textContent).toContain('[image: x]');
  });
});
