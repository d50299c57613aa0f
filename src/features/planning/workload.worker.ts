/// <reference lib="webworker" />
/**
 * Runs the workload simulator off the main thread: a year of 10,000 cards at a dozen retentions
 * takes seconds. It reports after each retention, for the progress bar.
 */
import { simulateWorkload } from '../../domain/planning/workload';
import type { WorkloadMessage, WorkloadRequest } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkloadRequest>) => {
  const { requestId, input } = event.data;
  const startedAt = performance.now();
  const post = (message: WorkloadMessage) => scope.postMessage(message);
  try {
    const workload = simulateWorkload(input, (done, total) => post({ type: 'progress', requestId, done, total }));
    post({ type: 'done', requestId, workload, elapsedMs: performance.now() - startedAt });
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
