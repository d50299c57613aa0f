import { useEffect, useRef, useState } from 'react';
import type { ExamPlan, ExamPlanInput } from '../../domain/planning/exam-plan';
import type { PlanMessage, PlanRequest } from './messages';

export type PlanStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'computing' }
  | { readonly kind: 'done'; readonly plan: ExamPlan | null; readonly elapsedMs: number }
  | { readonly kind: 'error'; readonly message: string };

/** The plan for `input`, recomputed in a worker whenever the input changes; null input clears it. */
export function useExamPlan(input: ExamPlanInput | null): PlanStatus {
  // The answer and the input it is for: while they differ, the plan for the new input is computing.
  const [answer, setAnswer] = useState<{ readonly input: ExamPlanInput; readonly status: PlanStatus } | null>(null);
  const worker = useRef<Worker | null>(null);
  const lastRequest = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (input === null) return;
    const requestId = (lastRequest.current += 1);
    worker.current ??= new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module', name: 'exam-plan' });
    const current = worker.current;
    current.onmessage = (event: MessageEvent<PlanMessage>) => {
      const message = event.data;
      if (message.requestId !== lastRequest.current) return;
      setAnswer({ input, status: message.type === 'done' ? { kind: 'done', plan: message.plan, elapsedMs: message.elapsedMs } : { kind: 'error', message: message.message } });
    };
    current.onerror = (event) => {
      event.preventDefault();
      worker.current?.terminate();
      worker.current = null;
      setAnswer({ input, status: { kind: 'error', message: `The planner stopped: ${event.message || 'it could not be loaded'}.` } });
    };
    const request: PlanRequest = { requestId, input };
    current.postMessage(request);
  }, [input]);

  if (input === null) return { kind: 'idle' };
  return answer?.input === input ? answer.status : { kind: 'computing' };
}
