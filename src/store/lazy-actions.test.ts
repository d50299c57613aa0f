import { describe, expect, it } from 'vitest';
import { forwardActions, lazyActions } from './lazy-actions';

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

describe('forwardActions', () => {
  it('loads on the first call of any action, passes the arguments, and returns its result', async () => {
    let loads = 0;
    const real = { add: async (a: number, b: number) => a + b, greet: async (name: string) => `hi ${name}` };
    const actions = forwardActions(
      lazyActions(async () => {
        loads += 1;
        return real;
      }),
      { add: true, greet: true },
    );
    expect(loads).toBe(0);
    await expect(actions.add(2, 3)).resolves.toBe(5);
    await expect(actions.greet('Ann')).resolves.toBe('hi Ann');
    expect(loads).toBe(1);
  });
});
