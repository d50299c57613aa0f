// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { XSS_PAYLOADS } from '../../../e2e/fixtures/xss-corpus';
import { preloadMarkdown } from '../../components/markdown/features';
import { asCardId } from '../../domain/ids';
import { CardCompare } from './CardCompare';

// As Markdown.test.tsx: nothing from card text may run code, load a document or restyle the page.
const ACTIVE_ELEMENTS = 'script, iframe, frame, object, embed, svg, math:not(.math > math), style, link, meta, base, form, details, template';
const UNSAFE_URL = /^\s*(javascript|vbscript|data|blob|file):/i;

afterEach(cleanup);
beforeAll(() => {
  // jsdom has <dialog> but not showModal: open it as a browser would, so its contents are in the accessibility tree.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  return preloadMarkdown(['| $x$ |\n\n```js\nx\n```']);
});

const card = (front: string, back: string) => ({ id: asCardId('why-containers'), front, back, tags: [] });
const noop = () => undefined;

describe('CardCompare', () => {
  it('shows both versions rendered, front and back, and offers the two choices', () => {
    const onKeepMine = vi.fn();
    const onTakeLecturers = vi.fn();
    render(
      <CardCompare
        mine={card('Why **containers**?', 'My mnemonic')}
        lecturer={card('Why containers?', '| a | b |\n| - | - |\n| 1 | 2 |')}
        isBusy={false}
        error={null}
        onKeepMine={onKeepMine}
        onTakeLecturers={onTakeLecturers}
        onClose={noop}
      />,
    );
    const mine = screen.getByRole('region', { name: 'Your version' });
    const theirs = screen.getByRole('region', { name: 'The lecturer’s new version' });
    expect(mine.querySelector('strong')?.textContent).toBe('containers');
    expect(mine.textContent).toContain('My mnemonic');
    expect(within(theirs).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '2']);
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Take the lecturer’s' }));
    expect(onKeepMine).toHaveBeenCalledOnce();
    expect(onTakeLecturers).toHaveBeenCalledOnce();
  });

  it('disables the choices while one is being saved, and shows why a choice failed', () => {
    render(<CardCompare mine={card('a', 'b')} lecturer={card('a', 'c')} isBusy error="Storage is full." onKeepMine={noop} onTakeLecturers={noop} onClose={noop} />);
    expect(screen.getByRole('button', { name: 'Keep mine' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('alert').textContent).toBe('Storage is full.');
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload.id, payload] as const))('%s on either side renders as inert, readable text', (_id, payload) => {
    const { container } = render(
      <CardCompare mine={card(payload.markdown, 'mine')} lecturer={card('front', payload.markdown)} isBusy={false} error={null} onKeepMine={noop} onTakeLecturers={noop} onClose={noop} />,
    );
    const versions = container.querySelector('.card-compare__versions')!;
    expect(versions.querySelectorAll(ACTIVE_ELEMENTS)).toHaveLength(0);
    for (const element of versions.querySelectorAll('*')) {
      expect(element.getAttributeNames().filter((name) => /^on|^style$/i.test(name)), `<${element.localName}>`).toEqual([]);
    }
    for (const link of versions.querySelectorAll('a')) expect(link.getAttribute('href') ?? '').not.toMatch(UNSAFE_URL);
    for (const image of versions.querySelectorAll('img')) expect(image.getAttribute('src') ?? '').not.toMatch(UNSAFE_URL);
    // getByRole walks the whole tree per query, too slow for the deep payloads: the regions by label.
    for (const name of ['Your version', 'The lecturer’s new version']) {
      expect(versions.querySelector(`section[aria-label="${name}"]`)?.textContent?.replace(/\s+/g, ' ')).toContain(payload.readable);
    }
  }, 20_000);
});
