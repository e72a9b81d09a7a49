// The REST and hub payloads as the server sends them (camelCase JSON, enums as camelCase strings).
// Decimals arrive as JSON numbers; times as ISO 8601 strings.

export interface LocalizedText {
  zh: string;
  en?: string | null;
}

export type Direction = "higherIsBetter" | "lowerIsBetter";
export type IndicatorStatus = "scored" | "noData" | "pendingRating";

export interface IndicatorResult {
  id: string;
  name: LocalizedText;
  unit: string;
  direction: Direction;
  weight: number;
  target: number;
  status: IndicatorStatus;
  value: number | null;
  attainment: number | null;
  score: number | null;
  remaining: number | null;
  projected: number | null;
  samples: number;
  summary: string;
}

export interface SectionResult {
  id: string;
  name: LocalizedText;
  weight: number;
  score: number | null;
  indicators: IndicatorResult[];
}

export interface EmployeePerformance {
  employeeId: string;
  departmentId: string;
  period: string;
  templateId: string;
  templateVersion: number;
  composite: number | null;
  isComplete: boolean;
  pendingIndicators: string[];
  sections: SectionResult[];
  breachedAlerts: string[];
  eventCount: number;
  streamPosition: number;
  asOf: string;
  /** The composite the month would end with at the pace so far (for a closed period, the composite itself). */
  projectedComposite?: number | null;
}

export interface RankedMember {
  employeeId: string;
  name: string;
  composite: number | null;
  projectedComposite?: number | null;
}

export interface DepartmentPerformance {
  departmentId: string;
  period: string;
  members: number;
  reporting: number;
  averageComposite: number | null;
  indicatorAverages: Record<string, number>;
  /** Composites in bands of ten: index 0 = [0,10), …, index 10 = 100 and above. */
  distribution: number[];
  top: RankedMember[];
  bottom: RankedMember[];
  atRisk: number;
  asOf: string;
  membersWithData: number;
  /** Members at risk (a breached alert or a projected composite below 60), lowest projected composite first, at most 50. */
  atRiskMembers?: RankedMember[];
}

export interface TeamMember {
  employeeId: string;
  name: string;
  departmentId: string;
  performance: EmployeePerformance | null;
}

export type AlertKind = "breached" | "recovered";

export interface AlertRecord {
  tenantId: string;
  employeeId: string;
  period: string;
  indicatorId: string;
  ruleId: string;
  atSeq: number;
  kind: AlertKind;
  value: number;
  threshold: number;
  occurredAt: string;
}
