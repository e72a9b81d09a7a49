// The template model as the API speaks it (camelCase JSON, enums as camelCase strings); mirrors Pulse.Templates.

export interface LocalizedText { zh: string; en?: string | null }

export type Direction = "higherIsBetter" | "lowerIsBetter";
export type SourceKind = "measure" | "rating";
export type MeasureKind = "count" | "sum" | "avg" | "latest" | "ratio";
export type Comparator = "greaterThan" | "greaterOrEqual" | "lessThan" | "lessOrEqual";

export interface MeasureFilter { field: string; equalTo: string }

export interface Measure {
  kind: MeasureKind;
  eventType?: string | null;
  field?: string | null;
  filter?: MeasureFilter | null;
  numerator?: Measure | null;
  denominator?: Measure | null;
  multiplier: number;
}

export interface IndicatorSource { kind: SourceKind; measure?: Measure | null }
export interface ScoringRule { capPercent: number; zeroScoreAt?: number | null }
export interface AlertRule { id: string; comparator: Comparator; threshold: number; minSamples: number }

export interface Indicator {
  id: string;
  name: LocalizedText;
  weight: number;
  source: IndicatorSource;
  target: number;
  direction: Direction;
  unit: string;
  scoring?: ScoringRule | null;
  alerts?: AlertRule[] | null;
}

export interface KpiSection { id: string; name: LocalizedText; weight: number; indicators: Indicator[] }

export interface KpiTemplate {
  id: string;
  name: LocalizedText;
  sections: KpiSection[];
  version?: number;
  effectiveFrom?: string | null;
  publishedAt?: string | null;
}

export interface EventFieldDefinition { name: string; kind: string }
export interface EventTypeDefinition { type: string; fields: EventFieldDefinition[]; description?: string | null }

export interface Department { id: string; name: string; parentId?: string | null; templateId?: string | null }

/** The part of EmployeePerformance the preview shows. */
export interface EmployeePerformance { employeeId: string; departmentId: string; period: string; composite: number | null; isComplete: boolean }

export interface TeamMember { employeeId: string; name: string; departmentId: string; performance: EmployeePerformance | null }

export interface ChangeSummary { version: number; recomputed: number }
