import { describe, expect, it } from 'vitest';
import { asDeckId } from '../domain/ids';
import { createBroadcastChangeFeed, parseChange, type StorageChange } from './change-feed';

describe('changes told to other tabs', () => {
  it('reads the changes this version sends', () => {
    expect(parseChange({ kind: 'progress', deckId: 'c3' })).toEqual({ kind: 'progress', deckId: asDeckId('c3') });
    expect(parseChange({ kind: 'library' })).toEqual({ kind: 'library' });
    expect(parseChange({ kind: 'settings', extra: 1 })).toEqual({ kind: 'settings' });
  });

  it('ignores anything else, such as a message from another version of the app', () => {
    for (const data of [null, 'progress', 42, {}, { kind: 'progress' }, { kind: 'progress', deckId: '' }, { kind: 'progress', deckId: 7 }, { kind: 'wipe' }]) {
      expect(parseChange(data)).toBeNull();
    }
  });

  it('reaches the other tabs over a BroadcastChannel, and not the tab that sent it', async () => {
    const name = `test-${Math.random()}`;
    const tabA = createBroadcastChangeFeed(name);
    const tabB = createBroadcastChangeFeed(name);
    const heardByA: StorageChange[] = [];
    const heardByB: StorageChange[] = [];
    tabA.subscribe((change) => heardByA.push(change));
    const stop = tabB.subscribe((change) => heardByB.push(change));
    tabA.publish({ kind: 'progress', deckId: asDeckId('c3') });
    await expect.poll(() => heardByB).toEqual([{ kind: 'progress', deckId: 'c3' }]);
    expect(heardByA).toEqual([]);

    stop();
    tabA.publish({ kind: 'library' });
    tabB.publish({ kind: 'settings' });
    await expect.poll(() => heardByA).toEqual([{ kind: 'settings' }]);
    expect(heardByB).toHaveLength(1);
  });
});
