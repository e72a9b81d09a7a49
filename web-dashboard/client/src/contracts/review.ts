// The monthly review's payloads as the server sends them (camelCase JSON, enums as camelCase strings).
import type { EmployeePerformance } from "./performance";

export type CycleStatus = "open" | "rating" | "calibrating" | "approved" | "archived";
export const cycleStatuses: readonly CycleStatus[] = ["open", "rating", "calibrating", "approved", "archived"];

export interface MissingRating {
  employeeId: string;
  name: string;
  departmentId: string;
  managerIds: string[];
  /** Nobody in the organisation is above them (managerIds is empty): HR rates them. */
  ratedByHr: boolean;
}

export interface CycleTransition {
  from: CycleStatus | null;
  to: CycleStatus;
  at: string;
  by: string;
  reason?: string | null;
}

export interface PayrollStatus {
  configured: boolean;
  pushed: number;
  pending: number;
  failed: number;
  lastError: string | null;
  lastAttemptAt: string | null;
}

/** GET /api/v1/cycles/{yyyy-MM}. */
export interface CycleView {
  period: string;
  status: CycleStatus;
  openedAt: string;
  monthEndsAt: string;
  freezesAt: string;
  frozenAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  archivedAt: string | null;
  revision: number;
  participants: number;
  rated: number;
  selfAssessed: number;
  acknowledged: number;
  objected: number;
  missingRatings: MissingRating[];
  transitions: CycleTransition[];
  payroll: PayrollStatus;
  adjustments: number;
  /** An approval recorded and still being finished (publish, pay, archive); the next call or opener pass finishes it. */
  approving?: { by: string; at: string; revision: number } | null;
}

export interface GradeBand {
  grade: string;
  minComposite: number;
  coefficient: number;
}

export type DistributionScope = "tenant" | "department";

/** A forced-distribution quota, counted cumulatively: maxPercent caps this grade or better, minPercent sets the least share with this grade or worse. */
export interface GradeQuota {
  grade: string;
  maxPercent: number | null;
  minPercent: number | null;
}

export interface ForcedDistribution {
  scope: DistributionScope;
  quotas: GradeQuota[];
}

/** GET and PUT /api/v1/review-policy. */
export interface ReviewPolicy {
  graceDays: number;
  bands: GradeBand[];
  distribution?: ForcedDistribution | null;
  baseByGrade?: Record<string, number> | null;
}

/** GET and PUT /api/v1/payroll-endpoint: the URL is shown masked to scheme and host; the secret never comes back. */
export interface PayrollEndpointView {
  configured: boolean;
  maskedUrl: string | null;
  hasSecret: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** GET /api/v1/cycles/{yyyy-MM}/adjustments: a person whose month received events after the freeze. */
export interface PostCloseAdjustment {
  employeeId: string;
  frozenEventCount: number;
  currentEventCount: number;
  frozenComposite: number | null;
  currentComposite: number | null;
}

/** POST /api/v1/reviews/import accepted the file. */
export interface ImportSummary {
  dryRun: boolean;
  rows: number;
  months: string[];
  employees: number;
}

/** One reason the import refused the file (the header is row 1). */
export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
}

export interface GradeOverride {
  grade: string;
  reason: string;
  by: string;
  at: string;
}

export interface CalibrationRow {
  employeeId: string;
  name: string;
  departmentId: string;
  composite: number | null;
  rank: number;
  bandGrade: string;
  suggestedGrade: string;
  grade: string;
  override: GradeOverride | null;
}

/** GET /api/v1/cycles/{yyyy-MM}/calibration. */
export interface Calibration {
  period: string;
  policy: ReviewPolicy;
  rows: CalibrationRow[];
  gradeCounts: Record<string, number>;
}

export interface RatingInput {
  indicatorId: string;
  rating: number;
  comment: string;
}

export interface GivenRating {
  indicatorId: string;
  rating: number;
  comment: string | null;
  by: string;
  at: string;
}

export interface SelfAssessment {
  ratings: GivenRating[];
  comment: string | null;
  at: string;
}

export type ReviewResponseKind = "acknowledge" | "object";

export interface ReviewResponse {
  kind: ReviewResponseKind;
  text: string | null;
  at: string;
}

export interface PayLine {
  period: string;
  employeeId: string;
  name: string;
  departmentId: string;
  grade: string;
  composite: number | null;
  base: number;
  coefficient: number;
  amount: number;
  currency: string;
}

/** GET /api/v1/cycles/{yyyy-MM}/employees/{employeeId}. */
export interface EmployeeReview {
  period: string;
  employeeId: string;
  name: string;
  departmentId: string;
  ratedIndicators: string[];
  selfAssessment: SelfAssessment | null;
  ratings: GivenRating[];
  frozen: EmployeePerformance | null;
  composite: number | null;
  isComplete: boolean;
  suggestedGrade: string | null;
  grade: string | null;
  override: GradeOverride | null;
  pay: PayLine | null;
  published: boolean;
  response: ReviewResponse | null;
}

export interface TrendMonth {
  period: string;
  live: boolean;
  members: number;
  averageComposite: number | null;
}

/** GET /api/v1/reports/departments/{id}/trend. */
export interface TrendReport {
  departmentId: string;
  from: string;
  to: string;
  months: TrendMonth[];
  skippedRows: number;
}
