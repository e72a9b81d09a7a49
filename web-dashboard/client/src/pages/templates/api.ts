// The calls this page makes, through the app's api() (cookie, anti-forgery header, problem details).
import type { ApiInit, AppContext } from "../../app/context";
import type { ChangeSummary, Department, EmployeePerformance, EventTypeDefinition, KpiTemplate, TeamMember } from "./model";

/** An answer: the value, or the problem the server (or the network) gave. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; detail: string; errors: Record<string, string[]> };

interface ProblemLike { status?: number; title?: string; detail?: string; errors?: Record<string, string[]> }

async function call<T>(ctx: AppContext, path: string, init: ApiInit = {}): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await ctx.api<T>(path, init) };
  } catch (error) {
    const problem = ((error as { problem?: ProblemLike }).problem ?? error) as ProblemLike;
    return {
      ok: false,
      status: problem.status ?? (error as { status?: number }).status ?? 0,
      detail: problem.detail ?? problem.title ?? (error instanceof Error ? error.message : String(error)),
      errors: problem.errors ?? {},
    };
  }
}

const json = (method: string, body: unknown): ApiInit => ({ method, json: body });
const segment = encodeURIComponent;

export const templatesApi = {
  list: (ctx: AppContext) => call<KpiTemplate[]>(ctx, "/api/v1/templates"),
  versions: (ctx: AppContext, id: string) => call<KpiTemplate[]>(ctx, `/api/v1/templates/${segment(id)}/versions`),
  eventTypes: (ctx: AppContext) => call<EventTypeDefinition[]>(ctx, "/api/v1/event-types"),
  departments: (ctx: AppContext) => call<Department[]>(ctx, "/api/v1/departments"),
  validate: (ctx: AppContext, draft: KpiTemplate) => call<{ valid: boolean }>(ctx, "/api/v1/templates/validate", json("POST", draft)),
  whatIf: (ctx: AppContext, draft: KpiTemplate, period: string, departmentId: string | null) =>
    call<EmployeePerformance[]>(ctx, "/api/v1/templates/what-if", json("POST", { template: draft, period, departmentId })),
  team: (ctx: AppContext, departmentId: string, period: string) =>
    call<TeamMember[]>(ctx, `/api/v1/departments/${segment(departmentId)}/team?period=${segment(period)}`),
  publish: (ctx: AppContext, draft: KpiTemplate) => call<ChangeSummary>(ctx, `/api/v1/templates/${segment(draft.id)}`, json("PUT", draft)),
};
