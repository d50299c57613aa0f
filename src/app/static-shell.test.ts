// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DeckEntry } from '../store/types';
import type { StudyState, StudyStore } from '../store/study-store';
import { asDeckId } from '../domain/ids';
import { handOverFromShell, SHELL_TIMEOUT_MS } from './static-shell';

const listing = { id: asDeckId('d'), file: 'decks/d.json', title: 'D', description: '', cardCount: 1 };
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function setup(hash: string) {
  window.location.hash = hash;
  document.documentElement.classList.add('shell-deep-link');
  document.body.innerHTML =
    '<div id="root" hidden><main id="main" tabindex="-1"></main></div><div id="static-shell"><a id="shell-link" href="#/">Flipdeck</a></div>';
  const store = createStore(() => ({ deckEntries: [] as DeckEntry[], isDeckListLoaded: false })) as unknown as StudyStore;
  const root = document.getElementById('root') as HTMLElement;
  handOverFromShell(document.getElementById('static-shell') as HTMLElement, root, store);
  const setList = (deckEntries: DeckEntry[]) => store.setState({ deckEntries, isDeckListLoaded: true } as Partial<StudyState>);
  return { root, setList };
}

const isShellShown = () => document.getElementById('static-shell') !== null;

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = '';
});

describe('handing over from the prerendered shell', () => {
  it('on the deck list, keeps the shell until every deck has its counts, then swaps in one frame', async () => {
    const { root, setList } = setup('#/');
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([true, true]);

    setList([{ status: 'loading', listing }]);
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([true, true]);

    setList([{ status: 'ready', listing, counts: { fresh: 1, learning: 0, review: 0 } }]);
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([false, false]);
    expect(document.documentElement.classList.contains('shell-deep-link')).toBe(false);
  });

  it('swaps for a deck list that failed to load too, rather than showing the shell on', async () => {
    const { root, setList } = setup('#/');
    setList([{ status: 'error', listing, error: 'broken' }]);
    await nextFrame();
    expect(root.hidden).toBe(false);
  });

  it('waits until the app has rendered something, so the page never goes blank', async () => {
    const { root } = setup('#/deck/d/study');
    root.replaceChildren();
    await nextFrame();
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([true, true]);
    root.append(document.createElement('main'));
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([false, false]);
  });

  it('on any other route, swaps after the first frame without waiting for the list', async () => {
    const { root } = setup('#/deck/d/study');
    await nextFrame();
    expect([root.hidden, isShellShown()]).toEqual([false, false]);
  });

  it('swaps as soon as the student follows a shell link away from the list', async () => {
    const { root } = setup('#/');
    window.location.hash = '#/settings';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await nextFrame();
    expect(root.hidden).toBe(false);
  });

  it('moves keyboard focus to the app when it was on a shell link', async () => {
    const { setList } = setup('#/');
    document.getElementById('shell-link')?.focus();
    setList([]);
    await nextFrame();
    expect(document.activeElement?.id).toBe('main');
  });

  it('never keeps the shell longer than the time-out, even if the list never loads', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const { root } = setup('#/');
    vi.advanceTimersByTime(SHELL_TIMEOUT_MS - 1);
    expect(root.hidden).toBe(true);
    vi.advanceTimersByTime(1 + 16);
    expect(root.hidden).toBe(false);
  });
});
