/**
 * The serial queue behind one-frame grading: the next card is shown at once and each grade's
 * durable write runs here, one at a time, in the order the grades were given. A grade is saved
 * only when its commit has completed.
 *
 * A commit that fails stops the line: the commits queued behind it are cancelled, never run, so
 * nothing is written out of order (a later grade of the same card was computed from the failed
 * one). The caller of the failed commit takes the cancelled grades back with it and says so.
 */

/** How one commit ended. */
export type CommitOutcome<T> =
  | { readonly status: 'saved'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown; /** Commits queued behind it, cancelled. */ readonly cancelledCount: number }
  /** Never run, because a commit queued before it failed. */
  | { readonly status: 'cancelled' };

export interface CommitQueue {
  /** Commits queued or running. */
  readonly pendingCount: number;
  /** Queues `commit` behind every earlier one; resolves (never rejects) with how it ended. */
  enqueue<T>(commit: () => Promise<T>): Promise<CommitOutcome<T>>;
  /** Resolves once nothing is queued or running (at once when idle), whatever the outcomes. */
  settled(): Promise<void>;
}

interface Waiting {
  readonly run: () => Promise<void>;
  readonly cancel: () => void;
}

/** Runs `work` in a later task. */
export type StartLater = (work: () => void) => void;

/**
 * A commit queue; `onPendingChange` hears the pending count after every change. An idle queue
 * starts its next commit through `startLater` (default: the next task), so the grade that queued it
 * renders the next card before the write's own main-thread work (transaction setup, cloning the
 * rows) begins.
 */
export function createCommitQueue(
  onPendingChange: (pendingCount: number) => void = () => {},
  startLater: StartLater = (work) => void setTimeout(work, 0),
): CommitQueue {
  const waiting: Waiting[] = [];
  let isRunning = false;
  let pendingCount = 0;
  let idleWaiters: (() => void)[] = [];

  const changePending = (delta: number) => {
    pendingCount += delta;
    onPendingChange(pendingCount);
    if (pendingCount === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  async function drain(): Promise<void> {
    for (let next = waiting.shift(); next; next = waiting.shift()) await next.run();
    isRunning = false;
  }

  return {
    get pendingCount() {
      return pendingCount;
    },

    enqueue<T>(commit: () => Promise<T>) {
      return new Promise<CommitOutcome<T>>((resolve) => {
        waiting.push({
          run: async () => {
            let outcome: CommitOutcome<T>;
            try {
              outcome = { status: 'saved', value: await commit() };
            } catch (error) {
              // Cancelled before this one resolves: by the time its caller reacts, no later commit can run.
              const cancelled = waiting.splice(0);
              for (const later of cancelled) later.cancel();
              outcome = { status: 'failed', error, cancelledCount: cancelled.length };
            }
            resolve(outcome);
            changePending(-1);
          },
          cancel: () => {
            resolve({ status: 'cancelled' });
            changePending(-1);
          },
        });
        changePending(+1);
        if (!isRunning) {
          isRunning = true;
          startLater(() => void drain());
        }
      });
    },

    settled() {
      if (pendingCount === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
