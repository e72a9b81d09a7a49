// The review page (`#/review/{yyyy-MM}`): the month's cycle for HR (the whole company) and managers (their
// departments): status and dates, progress, who still misses ratings, payroll; for HR in calibration the ranked table
// with per-row overrides and the grade counts, Approve, Reopen once archived, the pay export, and after the freeze the
// month's objections and post-close adjustments; reports below.
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h, progressBar } from "../../app/dom";
import { monthsBefore, number, time } from "../../app/format";
import type { Page } from "../../app/page";
import { routeHash } from "../../app/router";
import { refusal } from "../../components/refusal";
import type { Department } from "../../contracts/auth";
import type { Calibration, CalibrationRow, CycleView, MissingRating } from "../../contracts/review";
import { downloads, errorSlot, isPeriod, periodFrom, showErrors, statusSteps } from "./common";
import { adjustmentsSection, objectionsSection } from "./month-followups";
import { ReportsPanel } from "./reports";
import { reviewT, type ReviewT } from "./strings";
import "./review.css";

export const reviewPage: Page = {
  mount(root, ctx) {
    const view = new ReviewView(root, ctx);
    return () => view.dispose();
  },
};

class ReviewView {
  private readonly t: ReviewT;
  private readonly period: string;
  private readonly hr: boolean;
  private readonly body = h("div", { className: "rv-body" });
  private readonly status = h("div", { className: "notice", role: "status" });
  private readonly reports: ReportsPanel;
  private departmentNames = new Map<string, string>();
  private disposed = false;

  constructor(root: HTMLElement, private readonly ctx: AppContext) {
    this.t = reviewT(ctx.lang);
    this.period = periodFrom(ctx.route.id);
    this.hr = ctx.me.roles.includes("hr");
    const t = this.t;
    const picker = h("input", { type: "month", id: "review-month", value: this.period, "aria-label": t("month") });
    picker.addEventListener("change", () => {
      if (isPeriod(picker.value)) ctx.navigate(routeHash("review", picker.value));
    });
    this.reports = new ReportsPanel(ctx, this.period);
    root.replaceChildren(h("section", { "data-page": "review", className: "rv-page" },
      h("h1", {}, `${t("title")} · ${this.period}`),
      h("div", { className: "toolbar" },
        h("a", { href: routeHash("review", monthsBefore(this.period, 1)), "data-action": "previous" }, `‹ ${t("previous")}`),
        h("label", { for: "review-month" }, t("month")), picker,
        h("a", { href: routeHash("review", monthsBefore(this.period, -1)), "data-action": "next" }, `${t("next")} ›`)),
      this.status, this.body, this.reports.element));
    this.status.textContent = ctx.t("app.loading");
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
    this.reports.dispose();
  }

  private async load(): Promise<void> {
    const { ctx } = this;
    if (this.hr && this.departmentNames.size === 0) {
      try {
        const departments = await ctx.api<Department[]>("/api/v1/departments");
        this.departmentNames = new Map(departments.map((d) => [d.id, d.name]));
      } catch {
        // Ids stay as names.
      }
    }
    for (const [id, name] of Object.entries(ctx.me.departmentNames)) if (!this.departmentNames.has(id)) this.departmentNames.set(id, name);
    this.reports.setDepartments(this.departmentNames);
    let cycle: CycleView;
    try {
      cycle = await ctx.api<CycleView>(`/api/v1/cycles/${this.period}`);
    } catch (e) {
      if (this.disposed) return;
      this.body.replaceChildren();
      if (e instanceof ApiError && e.status === 404) this.status.replaceChildren(h("p", { className: "muted", "data-testid": "no-cycle" }, this.t("noCycle")));
      else this.status.replaceChildren(refusal(ctx, e instanceof ApiError ? (e.status === 403 ? "forbidden" : e.message) : String(e)));
      return;
    }
    let calibration: Calibration | null = null;
    if (this.hr && cycle.status !== "open" && cycle.status !== "rating") {
      calibration = await ctx.api<Calibration>(`/api/v1/cycles/${this.period}/calibration`).catch(() => null);
    }
    if (this.disposed) return;
    this.status.replaceChildren();
    this.render(cycle, calibration);
  }

  private departmentName(id: string): string {
    return this.departmentNames.get(id) ?? id;
  }

  private render(cycle: CycleView, calibration: Calibration | null): void {
    const { t } = this;
    const { lang } = this.ctx;
    const dates: [string, string | null][] = [
      ["date.openedAt", cycle.openedAt], ["date.monthEndsAt", cycle.monthEndsAt], ["date.freezesAt", cycle.frozenAt ?? cycle.freezesAt],
      ["date.approvedAt", cycle.approvedAt], ["date.archivedAt", cycle.archivedAt],
    ];
    const head = h("section", { className: "card rv-cycle", "data-testid": "cycle" },
      h("h2", {}, t("status"), " ", h("span", { className: "badge", "data-testid": "cycle-status-text" }, t(`status.${cycle.status}`)),
        cycle.revision > 1 ? h("span", { className: "muted" }, ` · ${t("revision", { n: cycle.revision })}`) : null),
      statusSteps(t, cycle.status),
      cycle.approving ? h("p", { className: "notice", "data-testid": "cycle-approving" }, t("approving", { by: cycle.approving.by, at: time(cycle.approving.at, lang) })) : null,
      h("dl", { className: "rv-dates" }, ...dates.filter(([, at]) => at !== null).flatMap(([key, at]) => [
        h("dt", {}, t(key as "date.openedAt")), h("dd", {}, h("time", { datetime: at ?? "" }, time(at, lang)))])));

    const bar = progressBar();
    bar.set(cycle.participants === 0 ? null : (cycle.rated / cycle.participants) * 100);
    const count = (key: string, value: number, testId: string) =>
      h("div", { className: "rv-count" }, h("span", { className: "label" }, key), h("strong", { "data-testid": testId }, String(value)));
    const progress = h("section", { className: "card rv-progress", "data-testid": "cycle-progress" },
      h("h2", {}, t("progress")),
      h("p", { className: "rv-rated" }, `${t("progress.rated")} `,
        h("strong", { "data-testid": "cycle-rated" }, String(cycle.rated)), " / ",
        h("strong", { "data-testid": "cycle-participants" }, String(cycle.participants))),
      bar.root,
      h("div", { className: "rv-counts" },
        count(t("progress.selfAssessed"), cycle.selfAssessed, "cycle-self-assessed"),
        count(t("progress.acknowledged"), cycle.acknowledged, "cycle-acknowledged"),
        count(t("progress.objected"), cycle.objected, "cycle-objected"),
        cycle.adjustments > 0 ? count(t("progress.adjustments"), cycle.adjustments, "cycle-adjustments") : null));

    const manager = this.ctx.me.roles.includes("manager");
    // The rate link for whoever rates the person: their manager, or HR for those nobody is above.
    const mayRate = (m: MissingRating) => (m.ratedByHr ? this.hr : manager && this.ctx.me.employeeId !== null && m.managerIds.includes(this.ctx.me.employeeId))
      && m.employeeId !== this.ctx.me.employeeId;
    const rateColumn = manager || (this.hr && cycle.missingRatings.some((m) => m.ratedByHr));
    const missing = h("section", { className: "card rv-missing", "data-testid": "missing-ratings" },
      h("h2", {}, t("missing"), h("span", { className: "muted" }, ` ${cycle.participants - cycle.rated}`)),
      cycle.missingRatings.length === 0 ? h("p", { className: "muted" }, t("missing.none")) :
        h("div", { className: "table-scroll" }, h("table", { className: "rv-table" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("col.name")), h("th", { scope: "col" }, t("col.department")), h("th", { scope: "col" }, t("col.rater")),
            rateColumn ? h("th", { scope: "col" }, h("span", { className: "visually-hidden" }, t("rate"))) : null)),
          h("tbody", {}, ...cycle.missingRatings.map((m) => h("tr", { "data-employee-id": m.employeeId },
            h("td", {}, h("a", { href: routeHash("employee", m.employeeId) }, m.name), h("span", { className: "muted id" }, m.employeeId)),
            h("td", {}, this.departmentName(m.departmentId)),
            h("td", { "data-testid": "rater" }, m.ratedByHr ? t("rater.hr") : m.managerIds.join(", ")),
            mayRate(m) ? h("td", {}, h("a", { href: routeHash("rate", m.employeeId, cycle.period), "data-action": "rate" }, t("rate"))) : rateColumn ? h("td") : null))))),
      cycle.participants - cycle.rated > cycle.missingRatings.length
        ? h("p", { className: "muted" }, t("missing.more", { n: cycle.participants - cycle.rated - cycle.missingRatings.length })) : null);

    const sections: HTMLElement[] = [head, h("div", { className: "columns" }, progress, missing)];
    if (this.hr) {
      sections.push(this.payroll(cycle));
      if (calibration) sections.push(this.calibration(cycle, calibration));
      const actions = this.actions(cycle);
      if (actions) sections.push(actions);
      if (cycle.status !== "open" && cycle.status !== "rating") sections.push(this.followUps(cycle));
    }
    if (cycle.transitions.length > 0) {
      sections.push(h("section", { className: "card rv-history" }, h("h2", {}, t("history")),
        h("ol", {}, ...cycle.transitions.map((x) => h("li", {},
          x.from ? `${t(`status.${x.from}`)} → ` : "", h("strong", {}, t(`status.${x.to}`)), " · ",
          h("time", { datetime: x.at }, time(x.at, lang)), ` · ${x.by}`, x.reason ? ` · ${x.reason}` : "")))));
    }
    this.body.replaceChildren(...sections);
  }

  /** Objections and post-close adjustments, filled in when their lists arrive (they exist only after the freeze). */
  private followUps(cycle: CycleView): HTMLElement {
    const box = h("div", { className: "columns rv-followups" });
    void Promise.all([objectionsSection(this.ctx, this.t, cycle, (id) => this.departmentName(id)), adjustmentsSection(this.ctx, this.t, cycle)]).then((parts) => {
      if (!this.disposed) box.replaceChildren(...parts);
    });
    return box;
  }

  private payroll(cycle: CycleView): HTMLElement {
    const { t } = this;
    const p = cycle.payroll;
    return h("section", { className: "card rv-payroll", "data-testid": "payroll" },
      h("h2", {}, t("payroll")),
      p.configured ? h("p", {}, t("payroll.line", { pushed: p.pushed, pending: p.pending, failed: p.failed })) : h("p", { className: "muted" }, t("payroll.notConfigured")),
      p.lastError ? h("p", { className: "field-error" }, `${t("payroll.lastError")}: ${p.lastError}`, p.lastAttemptAt ? ` (${time(p.lastAttemptAt, this.ctx.lang)})` : "") : null,
      downloads(t("pay.download"), `/api/v1/cycles/${cycle.period}/pay`, "pay-downloads"),
      h("p", {}, h("a", { href: routeHash("review-settings"), "data-action": "review-settings" }, t("settings"))));
  }

  private calibration(cycle: CycleView, calibration: Calibration): HTMLElement {
    const { t } = this;
    const { lang } = this.ctx;
    const editable = cycle.status === "calibrating";
    const grades = calibration.policy.bands.map((b) => b.grade);
    const tbody = h("tbody");
    for (const row of calibration.rows) {
      const tr = h("tr", { "data-employee-id": row.employeeId },
        h("td", { className: "num" }, String(row.rank)),
        h("td", {}, h("a", { href: routeHash("employee", row.employeeId) }, row.name), h("span", { className: "muted id" }, row.employeeId)),
        h("td", {}, this.departmentName(row.departmentId)),
        h("td", { className: "num" }, number(row.composite, lang)),
        h("td", {}, row.bandGrade),
        h("td", {}, row.suggestedGrade),
        h("td", { "data-col": "grade" }, h("strong", {}, row.grade), row.override ? h("span", { className: "muted rv-override-note" }, t("override.by", { by: row.override.by, reason: row.override.reason })) : null));
      if (editable) {
        const button = h("button", { type: "button", className: "link", "data-action": "override" }, t("col.override"));
        button.addEventListener("click", () => this.toggleOverride(tr, row, grades));
        tr.append(h("td", {}, button));
      }
      tbody.append(tr);
    }
    const counts = h("ul", { className: "rv-grade-counts", "data-testid": "grade-counts" },
      ...grades.map((g) => h("li", { "data-grade": g }, h("strong", {}, g), ` ${calibration.gradeCounts[g] ?? 0}`)));
    return h("section", { className: "card rv-calibration", "data-testid": "calibration" },
      h("h2", {}, t("calibration")),
      h("p", {}, t("calibration.counts"), counts),
      h("div", { className: "table-scroll" }, h("table", { className: "rv-table" },
        h("thead", {}, h("tr", {}, ...(["col.rank", "col.name", "col.department", "col.composite", "col.band", "col.suggested", "col.grade"] as const).map((k) => h("th", { scope: "col" }, t(k))),
          editable ? h("th", { scope: "col" }, h("span", { className: "visually-hidden" }, t("col.override"))) : null)),
        tbody)));
  }

  private toggleOverride(tr: HTMLTableRowElement, row: CalibrationRow, grades: string[]): void {
    const next = tr.nextElementSibling;
    if (next instanceof HTMLTableRowElement && next.dataset["overrideFor"] === row.employeeId) {
      next.remove();
      return;
    }
    const { t } = this;
    const grade = h("select", { name: "grade", "data-field": "grade" },
      h("option", { value: "" }, t("override.suggestion")),
      ...grades.map((g) => h("option", { value: g, selected: g === row.grade }, g)));
    grade.value = row.override ? row.grade : "";
    const reason = h("textarea", { name: "reason", rows: 2, maxlength: 2000, "data-field": "reason", required: true });
    const slots = { grade: errorSlot("grade"), reason: errorSlot("reason"), "": errorSlot("") };
    const save = h("button", { type: "submit", className: "primary" }, t("override.save"));
    const form = h("form", { className: "rv-form rv-override", novalidate: true },
      h("label", {}, t("override.grade"), grade, slots.grade),
      h("label", { className: "wide" }, `${t("override.reason")} (${t("required")})`, reason, slots.reason),
      slots[""],
      h("div", { className: "buttons" }, save, h("button", { type: "button", className: "link", onclick: () => formRow.remove() }, t("override.cancel"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save.disabled = true;
      this.ctx.api<CalibrationRow>(`/api/v1/cycles/${this.period}/grades/${encodeURIComponent(row.employeeId)}`, {
        method: "PUT", json: { grade: grade.value === "" ? null : grade.value, reason: reason.value },
      }).then(() => this.load(), (e: unknown) => {
        save.disabled = false;
        showErrors(e, slots, this.ctx.t("app.error"));
      });
    });
    const formRow = h("tr", { className: "rv-override-row", "data-override-for": row.employeeId }, h("td", { colspan: 8 }, form));
    tr.after(formRow);
    reason.focus();
  }

  private actions(cycle: CycleView): HTMLElement | null {
    const { t } = this;
    const general = errorSlot("");
    if (cycle.status === "calibrating") {
      const approve = h("button", { type: "button", className: "primary", "data-action": "approve" }, t("approve"));
      approve.addEventListener("click", () => {
        if (!window.confirm(t("approve.confirm"))) return;
        approve.disabled = true;
        this.ctx.api<CycleView>(`/api/v1/cycles/${this.period}/approve`, { method: "POST" }).then(() => this.load(), (e: unknown) => {
          approve.disabled = false;
          showErrors(e, { "": general }, this.ctx.t("app.error"));
        });
      });
      return h("section", { className: "card rv-actions" }, approve, general);
    }
    if (cycle.status === "archived") {
      const reason = h("textarea", { name: "reason", rows: 2, maxlength: 2000, "data-field": "reason", required: true });
      const slots = { reason: errorSlot("reason"), "": general };
      const submit = h("button", { type: "submit", "data-action": "reopen" }, t("reopen.submit"));
      const form = h("form", { className: "rv-form", novalidate: true },
        h("h2", {}, t("reopen")),
        h("label", { className: "wide" }, `${t("reopen.reason")} (${t("required")})`, reason, slots.reason),
        general, h("div", { className: "buttons" }, submit));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        submit.disabled = true;
        this.ctx.api<CycleView>(`/api/v1/cycles/${this.period}/reopen`, { method: "POST", json: { reason: reason.value } }).then(() => this.load(), (e: unknown) => {
          submit.disabled = false;
          showErrors(e, slots, this.ctx.t("app.error"));
        });
      });
      return h("section", { className: "card rv-actions" }, form);
    }
    return null;
  }
}
