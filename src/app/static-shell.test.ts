// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DeckEntry } from '../store/types';
import type { StudyState, StudyStore } from '../store/study-store';
import { asDeckId } from '../domain/ids';
import { handOverFromShell } from './static-shell';

const listing = { id: asDeckId('d'), file: 'decks/d.json', title: 'D', description: '', cardCount: 1 };

function setup(hash: string) {
  window.location.hash = hash;
  document.body.innerHTML = '<div id="root" hidden></div><div id="static-shell"><a href="#/">Flipdeck</a></div>';
  const store = createStore(() => ({ deckEntries: [] as DeckEntry[], deckListError: null as string | null })) as unknown as StudyStore;
  const root = document.getElementById('root') as HTMLElement;
  const shell = document.getElementById('static-shell') as HTMLElement;
  handOverFromShell(shell, root, store);
  const setEntries = (deckEntries: DeckEntry[]) => store.setState({ deckEntries } as Partial<StudyState>);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return { root, setEntries, nextFrame };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('handing over from the prerendered shell', () => {
  it('on the deck list, keeps the shell until every deck has its counts, then swaps', async () => {
    const { root, setEntries, nextFrame } = setup('#/');
    setEntries([{ status: 'loading', listing }]);
    await nextFrame();
    expect(root.hidden).toBe(true);
    expect(document.getElementById('static-shell')).not.toBeNull();

    setEntries([{ status: 'ready', listing, counts: { fresh: 1, learning: 0, review: 0 } }]);
    await nextFrame();
    expect(root.hidden).toBe(false);
    expect(document.getElementById('static-shell')).toBeNull();
  });

  it('on any other route, swaps after the first frame without waiting for the list', async () => {
    const { root, nextFrame } = setup('#/deck/d/study');
    await nextFrame();
    expect(root.hidden).toBe(false);
    expect(document.getElementById('static-shell')).toBeNull();
  });

  it('never keeps the shell longer than the time-out, even if the list never loads', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const { root } = setup('#/');
    vi.advanceTimersByTime(3_999);
    expect(root.hidden).toBe(true);
    vi.advanceTimersByTime(1 + 16);
    expect(root.hidden).toBe(false);
  });
});
