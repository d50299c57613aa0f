import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardHistory } from '../../domain/scheduling/memory-model';
import type { FitResult } from './optimizer/fit-weights';
import type { FitMessage, FitRequest, FitStage } from './optimizer/messages';

export type OptimizerStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly stage: FitStage | 'starting'; readonly startedAt: number }
  | { readonly kind: 'done'; readonly result: FitResult; readonly totalMs: number }
  | { readonly kind: 'error'; readonly message: string };

/** Runs the optimizer in its worker; one worker per screen visit, ended when the screen closes. */
export function useOptimizer() {
  const [status, setStatus] = useState<OptimizerStatus>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const run = useCallback((histories: readonly CardHistory[], currentWeights: readonly number[] | null) => {
    const startedAt = performance.now();
    worker.current ??= new Worker(new URL('./optimizer/fsrs.worker.ts', import.meta.url), { type: 'module', name: 'fsrs-optimizer' });
    const current = worker.current;
    setStatus({ kind: 'running', stage: 'starting', startedAt });
    current.onmessage = (event: MessageEvent<FitMessage>) => {
      const message = event.data;
      if (message.type === 'stage') setStatus({ kind: 'running', stage: message.stage, startedAt });
      else if (message.type === 'done') setStatus({ kind: 'done', result: message.result, totalMs: performance.now() - startedAt });
      else setStatus({ kind: 'error', message: message.message });
    };
    current.onerror = (event) => {
      event.preventDefault();
      worker.current?.terminate();
      worker.current = null;
      setStatus({ kind: 'error', message: `The optimizer stopped: ${event.message || 'it could not be loaded'}.` });
    };
    const request: FitRequest = { histories, currentWeights };
    current.postMessage(request);
  }, []);

  const reset = useCallback(() => setStatus({ kind: 'idle' }), []);

  return { status, run, reset };
}
