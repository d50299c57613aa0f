import { describe, expect, it } from 'vitest';
import { lazyActions } from './lazy-actions';

describe('lazyActions', () => {
  it('loads once, and tries again after a failed load', async () => {
    let calls = 0;
    const actions = lazyActions(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return { answer: calls };
    });
    await expect(actions()).rejects.toThrow('offline');
    await expect(actions()).resolves.toEqual({ answer: 2 });
    await expect(actions()).resolves.toEqual({ answer: 2 });
    expect(calls).toBe(2);
  });
});
