import type { FeedbackItem, FeedbackPage } from "./feedback";
import type { AlertRecord, DepartmentPerformance, EmployeePerformance, TeamMember } from "./performance";

/** An employee's newest full scorecard (to their own group only); departmentIds is their own department first, then its ancestors. */
export interface EmployeeLine {
  tenantId: string;
  employeeId: string;
  name: string;
  departmentIds: string[];
  performance: EmployeePerformance;
}

/** One indicator in a team row: the same numbers as the scorecard's value, target, attainment and score. */
export type TeamCell = [value: number | null, target: number, attainment: number | null, score: number | null];

/**
 * One member's line in a department's team table: only what the table shows. Indicator names and units are not
 * repeated: the department snapshot carries them once (an indicator the page has no column for asks for a new one).
 */
export interface TeamRow {
  employeeId: string;
  name: string;
  departmentId: string;
  composite: number | null;
  projectedComposite: number | null;
  atRisk: boolean;
  eventCount: number;
  asOf: string;
  indicators: Record<string, TeamCell>;
}

/** The newest rows of members in a department's view (coalesced), pushed to that department's watchers. */
export interface TeamDelta {
  departmentId: string;
  rows: TeamRow[];
}

export interface LiveAlert {
  employeeName: string;
  departmentIds: string[];
  alert: AlertRecord;
}

export interface LiveFeedback {
  tenantId: string;
  departmentIds: string[];
  item: FeedbackItem;
}

export interface TenantSnapshot {
  departments: DepartmentPerformance[];
  overview: DepartmentPerformance;
  asOf: string;
}

export interface DepartmentSnapshot {
  department: DepartmentPerformance;
  members: TeamMember[];
  asOf: string;
}

export interface EmployeeSnapshot {
  performance: EmployeePerformance | null;
  alerts: AlertRecord[];
  feedback: FeedbackPage;
  asOf: string;
}

/** Client → server invocations of /hubs/dashboard and what each answers. */
export interface HubInvocations {
  watchTenant: { args: []; result: TenantSnapshot };
  watchDepartment: { args: [departmentId: string]; result: DepartmentSnapshot };
  watchEmployee: { args: [employeeId: string]; result: EmployeeSnapshot };
  unwatch: { args: [scope: string]; result: void };
}

/** Server → client callbacks (IDashboardClient). */
export interface HubCallbacks {
  employeesChanged: (lines: EmployeeLine[]) => void;
  teamChanged: (delta: TeamDelta) => void;
  departmentsChanged: (departments: DepartmentPerformance[]) => void;
  alertRaised: (alert: LiveAlert) => void;
  feedbackChanged: (feedback: LiveFeedback) => void;
}

/** The short stable codes a hub method refuses with. */
export type HubRefusal = "forbidden" | "not-found" | `invalid:${string}` | "unavailable";
