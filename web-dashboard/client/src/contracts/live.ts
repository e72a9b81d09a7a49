import type { FeedbackItem, FeedbackPage } from "./feedback";
import type { AlertRecord, DepartmentPerformance, EmployeePerformance, TeamMember } from "./performance";

/** An employee's newest scores; departmentIds is their own department first, then its ancestors. */
export interface EmployeeLine {
  tenantId: string;
  employeeId: string;
  name: string;
  departmentIds: string[];
  performance: EmployeePerformance;
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
  departmentsChanged: (departments: DepartmentPerformance[]) => void;
  alertRaised: (alert: LiveAlert) => void;
  feedbackChanged: (feedback: LiveFeedback) => void;
}

/** The short stable codes a hub method refuses with. */
export type HubRefusal = "forbidden" | "not-found" | `invalid:${string}` | "unavailable";
