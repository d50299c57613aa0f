// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useContext } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from '../components/Markdown';
import { AddDeckMediaContext } from '../components/deck-media';
import { asDeckId } from '../domain/ids';
import { DeckMediaProvider } from './DeckMediaProvider';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Card() {
  const add = useContext(AddDeckMediaContext);
  return (
    <>
      <button type="button" onClick={() => add?.('layers.png', new Blob([new Uint8Array([1])], { type: 'image/png' }))}>
        Store
      </button>
      <Markdown text="![layers](media/layers.png)" />
    </>
  );
}

describe('deck media', () => {
  it('shows an image the editor has just stored, without reading the deck again, and revokes it when the deck closes', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:layers');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const view = render(
      <DeckMediaProvider deckId={asDeckId('user.diagrams')}>
        <Card />
      </DeckMediaProvider>,
    );
    expect(await screen.findByText('[image: layers]')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Store' }).click());
    expect(screen.getByRole('img', { name: 'layers' }).getAttribute('src')).toBe('blob:layers');
    view.unmount();
    expect(revoke).toHaveBeenCalledWith('blob:layers');
  });
});
