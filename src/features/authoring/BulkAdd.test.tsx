// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardDraft } from '../../domain/authoring/commands';
import { asDeckId } from '../../domain/ids';
import { BulkAdd } from './BulkAdd';

/** Each add waits until the test lets its write finish. */
const writes: Array<() => void> = [];
const addCards = vi.fn((_deckId: unknown, drafts: readonly CardDraft[]) => new Promise<string[]>((resolve) => writes.push(() => resolve(drafts.map((_, i) => `id${i}`)))));

const mocked = vi.hoisted(() => ({ state: {} as Record<string, unknown> }));
vi.mock('../../store', () => ({ useStudyStore: (select: (state: Record<string, unknown>) => unknown) => select(mocked.state) }));
mocked.state = { addCards };

afterEach(cleanup);

describe('BulkAdd', () => {
  it('adds a paste once, and keeps the next paste made while the first was being written', async () => {
    render(<BulkAdd deckId={asDeckId('user.networks')} />);
    const text = screen.getByLabelText(/One card per line/);
    fireEvent.change(text, { target: { value: 'TCP? :: A byte stream\nUDP? :: Datagrams' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add 2 cards' }));
    expect(addCards).toHaveBeenCalledTimes(1);
    // While it is written, a second click adds nothing again.
    expect(screen.getByRole('button', { name: 'Add 2 cards' })).toHaveProperty('disabled', true);

    fireEvent.change(text, { target: { value: 'IP? :: Addresses' } });
    await act(async () => writes.shift()!());
    expect(screen.getByRole('status').textContent).toBe('2 cards added.');
    expect(text).toHaveProperty('value', 'IP? :: Addresses');
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 card' }));
    expect(addCards).toHaveBeenCalledTimes(2);
    expect(addCards.mock.calls[1]![1]).toEqual([expect.objectContaining({ front: 'IP?', back: 'Addresses' })]);
    await act(async () => writes.shift()!());
    expect(text).toHaveProperty('value', '');
  });
});
