import type { ExamPlan, ExamPlanInput } from '../../domain/planning/exam-plan';

/** What the plan worker is asked: the planner's input, tagged so a stale answer can be dropped. */
export interface PlanRequest {
  readonly requestId: number;
  readonly input: ExamPlanInput;
}

export type PlanMessage =
  | { readonly type: 'done'; readonly requestId: number; readonly plan: ExamPlan | null; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };
