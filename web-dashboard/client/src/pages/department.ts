import { ApiError } from "../app/api";
import type { AppContext } from "../app/context";
import { h, progressBar, setText } from "../app/dom";
import { number, period, text } from "../app/format";
import { HubRefused, type Watch } from "../app/live";
import type { Page } from "../app/page";
import { routeHash } from "../app/router";
import { feedbackForm } from "../components/feedback-form";
import { refusal } from "../components/refusal";
import type { DepartmentSnapshot, TeamDelta, TeamRow } from "../contracts/live";
import type { DepartmentPerformance, EmployeePerformance, IndicatorResult, TeamMember } from "../contracts/performance";

/** The manager's team: a table updated in place by teamChanged, sortable, filterable, with feedback inline. */
export const departmentPage: Page = {
  mount(root, ctx) {
    const view = new DepartmentView(root, ctx);
    return () => view.dispose();
  },
};

interface Column {
  key: string;
  indicator?: { id: string; name: IndicatorResult["name"]; unit: string };
}

interface Row {
  member: TeamRow;
  tr: HTMLTableRowElement;
  composite: HTMLElement;
  risk: HTMLElement;
  cells: Map<string, { value: HTMLElement; bar: ReturnType<typeof progressBar>; score: HTMLElement }>;
}

/**
 * At risk as the department's aggregates count it: a breached alert, or a month-end composite below 60 at the pace so
 * far (the composite itself where no projection is given).
 */
export function atRisk(performance: EmployeePerformance | null): boolean {
  if (performance === null) return false;
  const judged = performance.projectedComposite ?? performance.composite;
  return performance.breachedAlerts.length > 0 || (judged !== null && judged < 60);
}

export function indicatorsOf(performance: EmployeePerformance | null): IndicatorResult[] {
  return performance ? performance.sections.flatMap((s) => s.indicators) : [];
}

/** A member of the snapshot (or of the API's team) as the compact row teamChanged pushes: the same numbers. */
export function teamRowOf(member: TeamMember): TeamRow {
  const p = member.performance;
  return {
    employeeId: member.employeeId,
    name: member.name,
    departmentId: member.departmentId,
    composite: p?.composite ?? null,
    projectedComposite: p?.projectedComposite ?? null,
    atRisk: atRisk(p),
    eventCount: p?.eventCount ?? 0,
    asOf: p?.asOf ?? "",
    indicators: Object.fromEntries(indicatorsOf(p).map((i) => [i.id, [i.value, i.target, i.attainment, i.score]])),
  };
}

class DepartmentView {
  private readonly id: string;
  private readonly stops: (() => void)[] = [];
  private readonly rows = new Map<string, Row>();
  private columns: Column[] = [];
  private sort: { key: string; dir: 1 | -1 } = { key: "composite", dir: -1 };
  private filter = "";
  private openForm: HTMLTableRowElement | null = null;
  private readonly summary = h("p", { className: "summary", "data-testid": "department-summary" });
  private readonly thead = h("thead");
  private readonly tbody = h("tbody");
  private readonly status = h("p", { className: "notice", role: "status" });
  private readonly content: HTMLElement;
  private readonly watch: Watch<DepartmentSnapshot>;
  /** A fresh snapshot was asked for (new columns) and has not come yet: asking again would not bring it sooner. */
  private refreshing = false;
  // While the pointer is over the table, live rows update their cells but keep their places: a row moving under the
  // pointer between press and release would lose the click (rows change up to ten times a second under load).
  private pointerOver = false;
  private sortHeld = false;

  constructor(private readonly root: HTMLElement, private readonly ctx: AppContext) {
    this.id = ctx.route.id ?? ctx.me.managedDepartments[0] ?? "";
    const t = ctx.t;
    const search = h("input", { type: "search", id: "team-filter", placeholder: t("team.filter"), "aria-label": t("team.filter") });
    search.addEventListener("input", () => {
      this.filter = search.value.trim().toLowerCase();
      this.applyFilter();
    });
    this.content = h("div", { className: "team", hidden: true },
      h("div", { className: "toolbar" }, this.summary, search),
      h("div", { className: "table-scroll" }, h("table", { className: "team-table", "data-testid": "team-table" }, this.thead, this.tbody)));
    root.replaceChildren(h("section", { "data-page": "department" },
      h("h1", {}, `${t("team.title")} · `, h("span", { className: "department-name" }, this.id)), this.status, this.content));
    this.tbody.addEventListener("pointerenter", () => {
      this.pointerOver = true;
    });
    this.tbody.addEventListener("pointerleave", () => {
      this.pointerOver = false;
      if (this.sortHeld) {
        this.sortHeld = false;
        this.applySort();
      }
    });
    this.status.textContent = t("app.loading");
    void this.name();
    this.stops.push(
      ctx.live.on("teamChanged", (delta) => this.onTeam(delta)),
      ctx.live.on("departmentsChanged", (departments) => {
        const mine = departments.find((d) => d.departmentId === this.id);
        if (mine) this.showSummary(mine);
      }),
    );
    const watch = ctx.live.watch("watchDepartment", [this.id], `department:${this.id}`,
      (snapshot) => {
        this.refreshing = false;
        this.columns = this.columnsFor(snapshot.members);
        this.replace(snapshot.members.map(teamRowOf));
        this.showSummary(snapshot.department);
        ctx.showAsOf(snapshot.asOf);
      },
      (refused) => this.refused(refused.code));
    this.watch = watch;
    this.stops.push(() => watch.stop());
    watch.first.catch((e: unknown) => {
      if (e instanceof HubRefused && e.code === "unavailable") void this.loadRest();
    });
  }

  dispose(): void {
    for (const stop of this.stops) stop();
  }

  // Without the hub (offline), the same data from the API, so the page still shows what it can.
  private async loadRest(): Promise<void> {
    const path = `/api/v1/departments/${encodeURIComponent(this.id)}`;
    try {
      const [members, department] = await Promise.all([
        this.ctx.api<TeamMember[]>(`${path}/team`),
        this.ctx.api<DepartmentPerformance>(`${path}/performance`),
      ]);
      if (this.rows.size > 0) return; // the hub answered meanwhile
      this.columns = this.columnsFor(members);
      this.replace(members.map(teamRowOf));
      this.showSummary(department);
      this.ctx.showAsOf(department.asOf);
    } catch (e) {
      this.refused(e instanceof ApiError ? (e.status === 403 ? "forbidden" : e.status === 404 ? "not-found" : "error") : "error");
    }
  }

  private async name(): Promise<void> {
    const slot = this.root.querySelector(".department-name");
    const managed = this.ctx.me.departmentNames[this.id];
    if (managed !== undefined) {
      if (slot) slot.textContent = managed;
      return;
    }
    if (!this.ctx.me.roles.includes("hr") && !this.ctx.me.roles.includes("admin")) return;
    try {
      const department = await this.ctx.api<{ name: string }>(`/api/v1/departments/${encodeURIComponent(this.id)}`);
      if (slot) slot.textContent = department.name;
    } catch {
      // The id stays as the title.
    }
  }

  private refused(code: string): void {
    this.content.hidden = true;
    this.rows.clear();
    this.tbody.replaceChildren();
    this.status.replaceChildren(refusal(this.ctx, code));
    this.status.hidden = false;
  }

  private showSummary(department: DepartmentPerformance): void {
    const t = this.ctx.t;
    setText(this.summary, `${t("team.members")} ${department.members} · ${t("team.average")} ${number(department.averageComposite, this.ctx.lang)} · ${t("team.atRisk")} ${department.atRisk}`);
    this.ctx.showAsOf(department.asOf);
  }

  /** A fresh snapshot (first answer or after a reconnect): the table is rebuilt from it, under the columns it names. */
  private replace(members: TeamRow[]): void {
    this.status.hidden = true;
    this.content.hidden = false;
    this.rows.clear();
    // A feedback form being written survives a rebuild (new columns, a fresh snapshot) if its person is still here.
    const open = this.openForm;
    this.openForm = null;
    this.renderHead();
    this.tbody.replaceChildren();
    for (const member of members) this.addRow(member);
    if (open && this.rows.has(open.dataset["for"] ?? "")) {
      open.querySelector("td")?.setAttribute("colspan", String(this.columns.length + 1));
      this.openForm = open;
    }
    this.applySort();
    this.applyFilter();
  }

  private columnsFor(members: TeamMember[]): Column[] {
    const seen = new Map<string, Column>();
    for (const member of members) {
      for (const indicator of indicatorsOf(member.performance)) {
        if (!seen.has(indicator.id)) seen.set(indicator.id, { key: `ind:${indicator.id}`, indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit } });
      }
    }
    return [{ key: "name" }, { key: "composite" }, ...seen.values(), { key: "risk" }];
  }

  private renderHead(): void {
    const t = this.ctx.t;
    const label = (column: Column) => column.indicator ? text(column.indicator.name, this.ctx.lang) : t(`team.col.${column.key as "name" | "composite" | "risk"}`);
    this.thead.replaceChildren(h("tr", {},
      ...this.columns.map((column) => {
        const sorted = this.sort.key === column.key;
        const button = h("button", { type: "button", className: "sort", "data-sort": column.key }, label(column), sorted ? (this.sort.dir === 1 ? " ▲" : " ▼") : "");
        button.addEventListener("click", () => {
          this.sort = { key: column.key, dir: sorted ? (this.sort.dir === 1 ? -1 : 1) : column.key === "name" ? 1 : -1 };
          this.renderHead();
          this.applySort();
        });
        return h("th", { scope: "col", "aria-sort": sorted ? (this.sort.dir === 1 ? "ascending" : "descending") : "none" }, button);
      }),
      h("th", { scope: "col" }, h("span", { className: "visually-hidden" }, t("team.col.actions")))));
  }

  private addRow(member: TeamRow): Row {
    const t = this.ctx.t;
    const link = h("a", { href: routeHash("employee", member.employeeId) }, member.name);
    const composite = h("td", { className: "num composite", "data-col": "composite" });
    const risk = h("td", { "data-col": "risk" });
    const tr = h("tr", { "data-employee-id": member.employeeId }, h("td", { "data-col": "name" }, link, h("span", { className: "muted id" }, member.employeeId)), composite);
    const cells: Row["cells"] = new Map();
    for (const column of this.columns) {
      if (!column.indicator) continue;
      const value = h("span", { className: "value" });
      const bar = progressBar();
      const score = h("span", { className: "score" });
      cells.set(column.indicator.id, { value, bar, score });
      tr.append(h("td", { className: "indicator", "data-col": column.key }, value, bar.root, score));
    }
    const give = h("button", { type: "button", className: "link", "data-action": "feedback" }, t("feedback.give"));
    give.addEventListener("click", () => this.toggleForm(row));
    // Managers rate their people's behavioural indicators for the month (never themselves).
    const rate = this.ctx.me.roles.includes("manager") && member.employeeId !== this.ctx.me.employeeId
      ? h("a", { href: routeHash("rate", member.employeeId, period(new Date())), className: "rate-link", "data-action": "rate" }, t("team.rate")) : null;
    tr.append(risk, h("td", { className: "row-actions" }, give, rate));
    const row: Row = { member, tr, composite, risk, cells };
    this.rows.set(member.employeeId, row);
    this.tbody.append(tr);
    this.fill(row);
    return row;
  }

  /** Writes a row's numbers into its existing cells: a live update changes text and widths, not elements. */
  private fill(row: Row): void {
    const { member } = row;
    const lang = this.ctx.lang;
    setText(row.composite, number(member.composite, lang));
    const units = new Map(this.columns.map((c) => [c.indicator?.id, c.indicator?.unit]));
    for (const [id, cell] of row.cells) {
      const numbers = member.indicators[id];
      const unit = units.get(id);
      if (numbers) {
        const [value, target, attainment, score] = numbers;
        setText(cell.value, `${number(value, lang)} / ${number(target, lang)}${unit ? ` ${unit}` : ""}`);
        cell.bar.set(attainment);
        setText(cell.score, `${this.ctx.t("team.score")} ${number(score, lang)}`);
      } else {
        setText(cell.value, "—");
        cell.bar.set(null);
        setText(cell.score, "");
      }
    }
    const risky = member.atRisk;
    row.tr.classList.toggle("at-risk", risky);
    setText(row.risk, risky ? this.ctx.t("team.riskFlag") : "");
    row.risk.className = risky ? "risk-flag" : "";
  }

  private onTeam(delta: TeamDelta): void {
    if (this.content.hidden || delta.departmentId !== this.id) return;
    const known = new Set(this.columns.map((c) => c.key));
    let unknownIndicator = false;
    for (const member of delta.rows) {
      // A row names an indicator the table has no column (no name, no unit) for: the template changed; a fresh
      // snapshot brings the columns. The row still updates the columns it has meanwhile.
      if (Object.keys(member.indicators).some((id) => !known.has(`ind:${id}`))) unknownIndicator = true;
      const row = this.rows.get(member.employeeId);
      if (row) {
        row.member = member;
        this.fill(row);
      } else {
        this.addRow(member);
      }
      this.ctx.showAsOf(member.asOf);
    }
    if (delta.rows.length > 0) {
      if (this.pointerOver) this.sortHeld = true;
      else this.applySort();
      this.applyFilter();
    }
    if (unknownIndicator && !this.refreshing) {
      this.refreshing = true;
      this.watch.refresh();
    }
  }

  private sortValue(row: Row): string | number | null {
    const { member } = row;
    switch (this.sort.key) {
      case "name": return member.name;
      case "composite": return member.composite;
      case "risk": return member.atRisk ? 1 : 0;
      default: return member.indicators[this.sort.key.slice("ind:".length)]?.[3] ?? null;
    }
  }

  /** Orders the rows by moving them; rows already in place are not touched. */
  private applySort(): void {
    const { dir } = this.sort;
    const sorted = [...this.rows.values()].sort((a, b) => {
      const x = this.sortValue(a);
      const y = this.sortValue(b);
      if (x === null && y === null) return a.member.name.localeCompare(b.member.name, this.ctx.lang);
      if (x === null) return 1; // no data last, whichever the direction
      if (y === null) return -1;
      const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y, this.ctx.lang) : Number(x) - Number(y);
      return order === 0 ? a.member.employeeId.localeCompare(b.member.employeeId) : order * dir;
    });
    let previous: Element | null = null;
    for (const row of sorted) {
      const expected: Element | null = previous ? previous.nextElementSibling : this.tbody.firstElementChild;
      if (expected !== row.tr) {
        if (previous) previous.after(row.tr);
        else this.tbody.prepend(row.tr);
      }
      previous = row.tr;
      // An open feedback form stays under its person.
      if (this.openForm && this.openForm.dataset["for"] === row.member.employeeId) {
        if (previous.nextElementSibling !== this.openForm) previous.after(this.openForm);
        previous = this.openForm;
      }
    }
  }

  private applyFilter(): void {
    for (const row of this.rows.values()) {
      const match = !this.filter || row.member.name.toLowerCase().includes(this.filter) || row.member.employeeId.toLowerCase().includes(this.filter);
      row.tr.hidden = !match;
      if (this.openForm?.dataset["for"] === row.member.employeeId) this.openForm.hidden = !match;
    }
  }

  private toggleForm(row: Row): void {
    const wasFor = this.openForm?.dataset["for"];
    this.openForm?.remove();
    this.openForm = null;
    if (wasFor === row.member.employeeId) return;
    const note = h("p", { className: "sent", role: "status" });
    // The indicators the person has numbers for, named as the columns name them.
    const indicators = this.columns.flatMap((c) => c.indicator && row.member.indicators[c.indicator.id] ? [c.indicator] : []);
    const form = feedbackForm(this.ctx, row.member.employeeId, indicators, (item) => {
      this.openForm?.remove();
      this.openForm = null;
      if (item) {
        note.textContent = this.ctx.t("feedback.sent");
        // The person's row now: the table may have been rebuilt while the form was open.
        const cell = (this.rows.get(row.member.employeeId) ?? row).tr.lastElementChild;
        cell?.append(note);
        window.setTimeout(() => note.remove(), 4000);
      }
    });
    const tr = h("tr", { className: "feedback-row", "data-for": row.member.employeeId }, h("td", { colspan: this.columns.length + 1 }, form));
    row.tr.after(tr);
    this.openForm = tr;
    form.querySelector("textarea")?.focus();
  }
}
