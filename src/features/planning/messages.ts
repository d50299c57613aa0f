import type { ExamPlan, ExamPlanInput } from '../../domain/planning/exam-plan';
import type { Workload, WorkloadInput } from '../../domain/planning/workload';

/** What the plan worker is asked: the planner's input, tagged so a stale answer can be dropped. */
export interface PlanRequest {
  readonly requestId: number;
  readonly input: ExamPlanInput;
}

export type PlanMessage =
  | { readonly type: 'done'; readonly requestId: number; readonly plan: ExamPlan | null; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };

/** What the workload worker is asked. */
export interface WorkloadRequest {
  readonly requestId: number;
  readonly input: WorkloadInput;
}

export type WorkloadMessage =
  | { readonly type: 'progress'; readonly requestId: number; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly requestId: number; readonly workload: Workload; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };
