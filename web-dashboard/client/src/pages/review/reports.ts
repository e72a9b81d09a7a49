// The review's reports on the review page: a department's composite month by month as a line chart (the last twelve
// months up to the page's month) with CSV/XLSX links; for HR the month's distribution and pay summary as downloads.
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import { monthsBefore } from "../../app/format";
import { chart } from "../../components/charts";
import type { TrendReport } from "../../contracts/review";
import { downloads } from "./common";
import { reviewT, type ReviewT } from "./strings";

export class ReportsPanel {
  readonly element: HTMLElement;
  private readonly t: ReviewT;
  private readonly select = h("select", { id: "report-department", "data-field": "departmentId" });
  private readonly chartBox = h("div", { className: "rv-chart", "data-testid": "trend-chart", role: "img" });
  private readonly note = h("p", { className: "muted", role: "status" });
  private readonly links = h("div");
  private drawn: ReturnType<typeof chart> | null = null;
  private shown = "";

  constructor(private readonly ctx: AppContext, private readonly period: string) {
    this.t = reviewT(ctx.lang);
    const { t } = this;
    this.select.addEventListener("change", () => void this.show(this.select.value));
    const hr = ctx.me.roles.includes("hr");
    this.element = h("section", { className: "card rv-reports", "data-testid": "reports" },
      h("h2", {}, t("reports")),
      h("div", { className: "toolbar" }, h("label", { for: "report-department" }, t("reports.department")), this.select),
      h("h3", {}, t("reports.trend")), this.chartBox, this.note, this.links,
      hr ? downloads(t("reports.distribution"), `/api/v1/reports/distribution?period=${period}`, "distribution-downloads") : null,
      hr ? downloads(t("reports.payrollSummary"), `/api/v1/reports/payroll?period=${period}`, "payroll-summary-downloads") : null);
    this.element.hidden = true;
  }

  /** The departments the caller may choose from (HR: all; managers: their own), by id with names. */
  setDepartments(names: Map<string, string>): void {
    const ids = this.ctx.me.roles.includes("hr") ? [...names.keys()] : this.ctx.me.managedDepartments;
    if (ids.length === 0) return;
    const chosen = this.select.value || this.ctx.me.managedDepartments[0] || ids[0] || "";
    this.select.replaceChildren(...ids.map((id) => h("option", { value: id, selected: id === chosen }, names.get(id) ?? id)));
    this.select.value = chosen;
    this.element.hidden = false;
    void this.show(chosen);
  }

  dispose(): void {
    this.drawn?.dispose();
    this.drawn = null;
  }

  private async show(departmentId: string): Promise<void> {
    if (!departmentId) return;
    this.shown = departmentId;
    const from = monthsBefore(this.period, 11);
    const path = `/api/v1/reports/departments/${encodeURIComponent(departmentId)}/trend?from=${from}&to=${this.period}`;
    this.links.replaceChildren(downloads(this.t("reports.trend"), path, "trend-downloads"));
    try {
      const report = await this.ctx.api<TrendReport>(path);
      if (this.shown !== departmentId) return;
      this.draw(report);
    } catch (e) {
      if (this.shown !== departmentId) return;
      this.drawn?.dispose();
      this.drawn = null;
      this.chartBox.hidden = true;
      this.note.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private draw(report: TrendReport): void {
    const months = report.months.filter((m) => m.averageComposite !== null);
    if (months.length === 0) {
      this.drawn?.dispose();
      this.drawn = null;
      this.chartBox.hidden = true;
      this.note.textContent = this.t("reports.trendEmpty");
      return;
    }
    this.chartBox.hidden = false;
    this.note.textContent = "";
    this.chartBox.setAttribute("aria-label", months.map((m) => `${m.period} ${m.averageComposite}`).join(", "));
    this.drawn ??= chart(this.chartBox);
    this.drawn.chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months.map((m) => m.period) },
      yAxis: { type: "value", min: 0, max: 100 },
      series: [{ type: "line", name: this.t("reports.average"), data: months.map((m) => m.averageComposite), smooth: false, showSymbol: true, symbol: "circle", symbolSize: 10, label: { show: true, position: "top" } }],
    }, true);
  }
}
