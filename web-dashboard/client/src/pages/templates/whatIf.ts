// The what-if preview: each employee's composite under the draft beside their composite as it stands for that month.
import type { AppContext } from "../../app/context";
import type { Lang } from "../../i18n";
import { templatesApi, type Outcome } from "./api";
import { formatNumber, h } from "./dom";
import { errorElement } from "./fields";
import type { Department, EmployeePerformance, KpiTemplate, TeamMember } from "./model";
import { fill, type Strings } from "./strings";

export interface PreviewRow { employeeId: string; name: string; departmentId: string; draft: EmployeePerformance; current: EmployeePerformance | null }

/** Scores the draft and joins each result with the employee's present scores for the same month (one team read per department). */
export async function previewRows(ctx: AppContext, draft: KpiTemplate, period: string, departmentId: string | null): Promise<Outcome<PreviewRow[]>> {
  const scored = await templatesApi.whatIf(ctx, draft, period, departmentId);
  if (!scored.ok) return scored;
  const members = new Map<string, TeamMember>();
  const departments = [...new Set(scored.value.map(p => p.departmentId))];
  const teams = await Promise.all(departments.map(id => templatesApi.team(ctx, id, period)));
  for (const team of teams) if (team.ok) for (const member of team.value) members.set(member.employeeId, member);
  const rows = scored.value.map(p => {
    const member = members.get(p.employeeId);
    return { employeeId: p.employeeId, name: member?.name ?? p.employeeId, departmentId: p.departmentId, draft: p, current: member?.performance ?? null };
  });
  rows.sort((a, b) => a.departmentId.localeCompare(b.departmentId) || a.employeeId.localeCompare(b.employeeId));
  return { ok: true, value: rows };
}

export class WhatIfPanel {
  readonly element: HTMLElement;
  readonly period: HTMLInputElement;
  readonly department: HTMLSelectElement;
  private readonly result = h("div", { class: "tp-whatif-result", "aria-live": "polite" });

  constructor(private readonly s: Strings, private readonly lang: Lang, period: string, private readonly departments: Department[]) {
    this.period = h("input", { type: "month", id: "tp-whatif-period", value: period, "data-path": "period", "aria-describedby": "tp-whatif-period-error" });
    this.department = h("select", { id: "tp-whatif-department", "data-path": "departmentId" },
      h("option", { value: "" }, s.allAssigned),
      ...departments.map(d => h("option", { value: d.id }, d.name)));
    const periodError = errorElement("period");
    periodError.id = "tp-whatif-period-error";
    this.element = h("section", { class: "tp-whatif", "aria-labelledby": "tp-whatif-title" },
      h("h3", { id: "tp-whatif-title" }, s.whatIf),
      h("p", { class: "tp-hint" }, s.whatIfIntro),
      h("div", { class: "tp-grid" },
        h("div", { class: "tp-field" }, h("label", { for: this.period.id }, s.period), this.period, periodError),
        h("div", { class: "tp-field" }, h("label", { for: this.department.id }, s.department), this.department, errorElement("departmentId"))),
      this.result);
  }

  busy(): void {
    this.result.replaceChildren(h("p", {}, this.s.previewing));
  }

  clear(): void {
    this.result.replaceChildren();
  }

  showErrors(errors: Record<string, string[]>): void {
    for (const element of this.element.querySelectorAll<HTMLElement>("[data-error-for]")) {
      const messages = errors[element.dataset.errorFor!];
      element.textContent = messages ? messages.join(" ") : "";
      element.hidden = !messages;
    }
  }

  show(rows: PreviewRow[], period: string): void {
    const { s, lang } = this;
    if (rows.length === 0) { this.result.replaceChildren(h("p", {}, s.noRows)); return; }
    const score = (p: EmployeePerformance | null) =>
      p === null ? "—" : formatNumber(p.composite, lang) + (p.isComplete ? "" : ` (${s.incomplete})`);
    const change = (row: PreviewRow) => {
      if (row.draft.composite === null || row.current?.composite === null || row.current === null) return "—";
      const delta = row.draft.composite - row.current.composite;
      return (delta > 0 ? "+" : "") + formatNumber(delta, lang);
    };
    this.result.replaceChildren(
      h("p", {}, fill(s.previewOf, { count: rows.length, period })),
      h("div", { class: "tp-table-wrap" },
        h("table", { class: "tp-table tp-whatif-table" },
          h("thead", {}, h("tr", {}, ...[s.colEmployee, s.colDepartment, s.colDraft, s.colCurrent, s.colChange].map(c => h("th", { scope: "col" }, c)))),
          h("tbody", {}, ...rows.map(row => h("tr", { "data-employee": row.employeeId },
            h("th", { scope: "row" }, `${row.name} (${row.employeeId})`),
            h("td", {}, this.departments.find(d => d.id === row.departmentId)?.name ?? row.departmentId),
            h("td", { class: "tp-num", "data-draft": row.draft.composite ?? "" }, score(row.draft)),
            h("td", { class: "tp-num" }, score(row.current)),
            h("td", { class: "tp-num" }, change(row))))))));
  }
}
