// A draft is a deep copy of a template that the editor changes in place; nothing is sent until Check, Preview or Publish.
import type { Indicator, KpiSection, KpiTemplate, Measure } from "./model";

/** What the validator requires each group of weights to sum to. */
export const REQUIRED_SUM = 100;

export function cloneTemplate(template: KpiTemplate): KpiTemplate {
  return structuredClone(template);
}

/** Sum of weights, rounded so that 33.33 + 33.33 + 33.34 reads as 100 as the server's decimals do. */
export function weightSum(weights: number[]): number {
  const sum = weights.reduce((total, w) => total + (Number.isFinite(w) ? w : 0), 0);
  return Math.round(sum * 1e6) / 1e6;
}

export const sectionSum = (template: KpiTemplate): number => weightSum(template.sections.map(s => s.weight));
export const indicatorSum = (section: KpiSection): number => weightSum(section.indicators.map(i => i.weight));

export function blankMeasure(eventType: string | undefined): Measure {
  return { kind: "count", eventType: eventType ?? "", multiplier: 1 };
}

export function blankIndicator(n: number, eventType: string | undefined): Indicator {
  return {
    id: `indicator-${n}`,
    name: { zh: "", en: "" },
    weight: 0,
    source: { kind: "measure", measure: blankMeasure(eventType) },
    target: 1,
    direction: "higherIsBetter",
    unit: "",
    alerts: [],
  };
}

export function blankSection(n: number, eventType: string | undefined): KpiSection {
  return { id: `section-${n}`, name: { zh: "", en: "" }, weight: 0, indicators: [blankIndicator(1, eventType)] };
}

export function blankTemplate(eventType: string | undefined): KpiTemplate {
  const section = blankSection(1, eventType);
  section.weight = 100;
  for (const indicator of section.indicators) indicator.weight = 100;
  return { id: "", name: { zh: "", en: "" }, sections: [section] };
}

/** A fresh id not used by any of <paramref name="taken"/>. */
export function freshId(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** The body the API takes: the version fields are the server's to set, empty optional texts are left out. */
export function forSending(draft: KpiTemplate): KpiTemplate {
  const copy = cloneTemplate(draft);
  delete copy.version;
  delete copy.effectiveFrom;
  delete copy.publishedAt;
  const tidy = (name: { zh: string; en?: string | null }) => { if (!name.en) name.en = null; };
  tidy(copy.name);
  for (const section of copy.sections) {
    tidy(section.name);
    for (const indicator of section.indicators) {
      tidy(indicator.name);
      if (indicator.source.kind === "rating") indicator.source.measure = null;
      if (indicator.alerts && indicator.alerts.length === 0) indicator.alerts = null;
    }
  }
  return copy;
}

/** The month before <paramref name="now"/>, as yyyy-MM. */
export function lastMonth(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}
