/// <reference lib="webworker" />
/**
 * Computes the exam plan off the main thread: it simulates every card day by day with the
 * scheduler, which for a large deck takes longer than a frame.
 */
import { planExam } from '../../domain/planning/exam-plan';
import type { PlanMessage, PlanRequest } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { requestId, input } = event.data;
  const startedAt = performance.now();
  let message: PlanMessage;
  try {
    message = { type: 'done', requestId, plan: planExam(input), elapsedMs: performance.now() - startedAt };
  } catch (error) {
    message = { type: 'error', requestId, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(message);
};
