// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { overlayBundledDeck } from '../../domain/authoring/overlay';
import { DECK_SCHEMA_VERSION, type Deck } from '../../domain/deck/types';
import { asCardId, asDeckId } from '../../domain/ids';
import { BundledDeckScreen } from './BundledDeckScreen';

const deckId = asDeckId('c3');
const lecturer: Deck = {
  schemaVersion: DECK_SCHEMA_VERSION,
  id: deckId,
  title: 'C3',
  description: '',
  cards: [
    { id: asCardId('one'), front: 'First question', back: 'First answer', tags: [] },
    { id: asCardId('two'), front: 'Second question', back: 'Second answer', tags: [] },
  ],
};

/** Each save waits until the test lets it commit. */
const commits: Array<() => void> = [];
const editBundledCard = vi.fn(() => new Promise<void>((resolve) => commits.push(resolve)));

/** The store as the screen reads it: a fixed state (nothing in it changes during these tests). */
const mocked = vi.hoisted(() => ({ state: {} as Record<string, unknown> }));
vi.mock('../../store', () => ({ useStudyStore: (select: (state: Record<string, unknown>) => unknown) => select(mocked.state) }));
mocked.state = {
  decks: new Map([[deckId, lecturer]]),
  bundledOverlays: new Map([[deckId, { lecturer, overlay: overlayBundledDeck(lecturer, []) }]]),
  openBundledOverlay: () => Promise.resolve(),
  editBundledCard,
  keepMyCard: () => Promise.resolve(),
  resetBundledCard: () => Promise.resolve(),
  addCards: () => Promise.resolve(),
  editCard: () => Promise.resolve(),
  addCardImage: () => Promise.resolve(),
};

afterEach(cleanup);

describe('BundledDeckScreen', () => {
  it('keeps the card the student opened while an earlier save was still committing', async () => {
    render(<BundledDeckScreen deckId={deckId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit First question' }));
    fireEvent.change(screen.getByLabelText('Back'), { target: { value: 'First answer, with my mnemonic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    expect(editBundledCard).toHaveBeenCalledTimes(1);

    // Before that save commits, the student opens the next card.
    fireEvent.click(screen.getByRole('button', { name: 'Edit Second question' }));
    await act(async () => commits.shift()?.());

    expect(screen.getByRole('region', { name: 'Edit card' })).toBeTruthy();
    expect((screen.getByLabelText('Front') as HTMLTextAreaElement).value).toBe('Second question');
  });

  it('closes the editor when the save of the open card commits', async () => {
    render(<BundledDeckScreen deckId={deckId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit First question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await act(async () => commits.shift()?.());
    expect(screen.queryByRole('region', { name: 'Edit card' })).toBeNull();
  });
});
