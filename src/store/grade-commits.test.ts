import { describe, expect, it } from 'vitest';
import { createCommitQueue } from './grade-commits';

/** A commit that finishes when the test says so, recording when it started. */
function gated(log: string[], name: string) {
  let finish: (ok: boolean) => void = () => {};
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  const commit = async () => {
    log.push(`start ${name}`);
    const ok = await done;
    log.push(`end ${name}`);
    if (!ok) throw new Error(`${name} failed`);
    return name;
  };
  return { commit, succeed: () => finish(true), fail: () => finish(false) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the grade commit queue', () => {
  it('runs one commit at a time, in the order given, and counts what is pending', async () => {
    const log: string[] = [];
    const counts: number[] = [];
    const queue = createCommitQueue((count) => counts.push(count));
    const a = gated(log, 'a');
    const b = gated(log, 'b');
    const outcomeA = queue.enqueue(a.commit);
    const outcomeB = queue.enqueue(b.commit);
    expect(queue.pendingCount).toBe(2);
    await flush();
    expect(log).toEqual(['start a']);
    b.succeed(); // b is ready first, but must not start before a is done
    await flush();
    expect(log).toEqual(['start a']);
    a.succeed();
    expect(await outcomeA).toEqual({ status: 'saved', value: 'a' });
    expect(await outcomeB).toEqual({ status: 'saved', value: 'b' });
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(counts).toEqual([1, 2, 1, 0]);
    expect(queue.pendingCount).toBe(0);
  });

  it('stops at a failure: the commits queued behind it never run, and it says how many', async () => {
    const log: string[] = [];
    const queue = createCommitQueue();
    const a = gated(log, 'a');
    const b = gated(log, 'b');
    const c = gated(log, 'c');
    const outcomes = [queue.enqueue(a.commit), queue.enqueue(b.commit), queue.enqueue(c.commit)];
    a.fail();
    b.succeed();
    c.succeed();
    const [outA, outB, outC] = await Promise.all(outcomes);
    expect(outA).toMatchObject({ status: 'failed', cancelledCount: 2 });
    expect(outA?.status === 'failed' && (outA.error as Error).message).toBe('a failed');
    expect(outB).toEqual({ status: 'cancelled' });
    expect(outC).toEqual({ status: 'cancelled' });
    expect(log).toEqual(['start a', 'end a']);
    expect(queue.pendingCount).toBe(0);

    // Commits queued after the failure run normally.
    const d = gated(log, 'd');
    const outD = queue.enqueue(d.commit);
    d.succeed();
    expect(await outD).toEqual({ status: 'saved', value: 'd' });
  });

  it('starts an idle queue\'s commit in a later task, so the caller finishes its work first', async () => {
    const log: string[] = [];
    const later: (() => void)[] = [];
    const queue = createCommitQueue(undefined, (work) => later.push(work));
    const a = gated(log, 'a');
    const b = gated(log, 'b');
    const outA = queue.enqueue(a.commit);
    void queue.enqueue(b.commit);
    await flush();
    expect(log).toEqual([]);
    expect(later).toHaveLength(1);
    later.shift()!();
    expect(log).toEqual(['start a']);
    a.succeed();
    await outA;
    await flush();
    // b was queued behind a running commit: it follows at once, no second wait.
    expect(log).toEqual(['start a', 'end a', 'start b']);
    expect(later).toHaveLength(0);
  });

  it('settles once nothing is pending, and at once when idle', async () => {
    const log: string[] = [];
    const queue = createCommitQueue();
    await queue.settled();
    const a = gated(log, 'a');
    const b = gated(log, 'b');
    void queue.enqueue(a.commit);
    void queue.enqueue(b.commit);
    let isSettled = false;
    void queue.settled().then(() => (isSettled = true));
    a.succeed();
    await flush();
    expect(isSettled).toBe(false);
    b.succeed();
    await flush();
    expect(isSettled).toBe(true);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
