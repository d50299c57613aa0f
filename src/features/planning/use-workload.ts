import { useEffect, useRef, useState } from 'react';
import type { Workload, WorkloadInput } from '../../domain/planning/workload';
import type { WorkloadMessage, WorkloadRequest } from './messages';

export type WorkloadStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'computing'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly workload: Workload; readonly elapsedMs: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The workload for `input`, simulated in a worker whenever the input changes; null input clears
 * it. A newer input terminates the worker that is still simulating the older one, since a run
 * takes seconds and its answer would be dropped anyway.
 */
export function useWorkload(input: WorkloadInput | null): WorkloadStatus {
  const [answer, setAnswer] = useState<{ readonly input: WorkloadInput; readonly status: WorkloadStatus } | null>(null);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const lastRequest = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (input === null) return;
    const requestId = (lastRequest.current += 1);
    if (busy.current) {
      worker.current?.terminate();
      worker.current = null;
    }
    worker.current ??= new Worker(new URL('./workload.worker.ts', import.meta.url), { type: 'module', name: 'workload' });
    const current = worker.current;
    busy.current = true;
    current.onmessage = (event: MessageEvent<WorkloadMessage>) => {
      const message = event.data;
      if (message.requestId !== lastRequest.current) return;
      if (message.type === 'progress') {
        setAnswer({ input, status: { kind: 'computing', done: message.done, total: message.total } });
        return;
      }
      busy.current = false;
      setAnswer({ input, status: message.type === 'done' ? { kind: 'done', workload: message.workload, elapsedMs: message.elapsedMs } : { kind: 'error', message: message.message } });
    };
    current.onerror = (event) => {
      event.preventDefault();
      busy.current = false;
      worker.current?.terminate();
      worker.current = null;
      setAnswer({ input, status: { kind: 'error', message: `The simulator stopped: ${event.message || 'it could not be loaded'}.` } });
    };
    const request: WorkloadRequest = { requestId, input };
    current.postMessage(request);
  }, [input]);

  if (input === null) return { kind: 'idle' };
  return answer?.input === input ? answer.status : { kind: 'computing', done: 0, total: 1 };
}
