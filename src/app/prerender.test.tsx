// @vitest-environment jsdom
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { renderShell } from '../../scripts/vite-plugin-shell';
import { buildDeckIndex } from '../domain/deck/deck-index';
import { asDeckId } from '../domain/ids';

// In the build's order (by title), as the index and the prerendered module both list them.
const index = vi.hoisted(() => ({
  decks: [
    { id: 'c3-containers', file: 'decks/c3-containers.json', title: 'C3', description: '', cardCount: 1 },
    { id: 'spanish', file: 'decks/spanish.json', title: `Spanish <b>verbs</b> & "Tom's"`, description: 'Tom & "Jerry" <img src=x>', cardCount: 3 },
  ],
}));
vi.mock('virtual:flipdeck/prerendered-decks', () => ({ prerenderedDecks: index.decks }));

describe('the prerendered deck list', () => {
  it('is byte for byte the app’s first render, so hydrating it replaces nothing', async () => {
    const { App } = await import('./App');
    // Hydration renders with the store's initial state and the server snapshot of every
    // external store, as renderToString does.
    const appHtml = renderToString(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    expect(renderShell(buildDeckIndex(index.decks.map((d) => ({ ...d, id: asDeckId(d.id) }))))).toBe(appHtml);
  });
});
