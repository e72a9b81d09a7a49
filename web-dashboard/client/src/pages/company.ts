import type { AppContext } from "../app/context";
import { h, progressBar, setText } from "../app/dom";
import { monthsBefore, number, text, time } from "../app/format";
import { HubRefused } from "../app/live";
import type { Page } from "../app/page";
import { routeHash } from "../app/router";
import { chart, markedBands, type Chart } from "../components/charts";
import { refusal } from "../components/refusal";
import type { Department } from "../contracts/auth";
import type { LiveAlert } from "../contracts/live";
import type { DepartmentPerformance, LocalizedText, RankedMember } from "../contracts/performance";

/** The part of GET /api/v1/templates the cards need: indicator names by id. */
interface TemplateNames {
  sections: { indicators: { id: string; name: LocalizedText }[] }[];
}

/** HR's view of the company: department cards, the score distribution, the monthly trend, people at risk, live alerts. */
export const companyPage: Page = {
  mount(root, ctx) {
    const view = new CompanyView(root, ctx);
    return () => view.dispose();
  },
};

const trendMonths = 6;

class CompanyView {
  private readonly stops: (() => void)[] = [];
  private readonly names = new Map<string, string>();
  private readonly indicatorNames = new Map<string, LocalizedText>();
  private readonly departments = new Map<string, DepartmentPerformance>();
  private readonly cards = new Map<string, { root: HTMLElement; composite: HTMLElement; detail: HTMLElement; bar: ReturnType<typeof progressBar>; indicators: HTMLElement }>();
  private overview: DepartmentPerformance | null = null;
  private readonly history = new Map<string, number | null>();
  private readonly alerts: LiveAlert[] = [];
  private readonly cardGrid = h("div", { className: "cards", "data-testid": "department-cards" });
  private readonly histogramBox = h("div", { className: "chart", "data-testid": "histogram" });
  private readonly trendBox = h("div", { className: "chart", "data-testid": "trend" });
  private readonly legend = h("p", { className: "muted legend" });
  private readonly riskList = h("ul", { className: "risk-list", "data-testid": "at-risk" });
  private readonly alertFeed = h("ul", { className: "alert-feed", "data-testid": "alert-feed" });
  private readonly status = h("div", { className: "notice", role: "status" });
  private readonly content: HTMLElement;
  private histogram: { chart: Chart; dispose(): void } | null = null;
  private trend: { chart: Chart; dispose(): void } | null = null;

  constructor(root: HTMLElement, private readonly ctx: AppContext) {
    const t = ctx.t;
    this.content = h("div", { hidden: true },
      this.cardGrid,
      h("div", { className: "columns" },
        h("section", { className: "card" }, h("h2", {}, t("company.distribution")), this.histogramBox, this.legend),
        h("section", { className: "card" }, h("h2", {}, t("company.trend")), this.trendBox)),
      h("div", { className: "columns" },
        h("section", { className: "card" }, h("h2", {}, t("company.atRisk")), this.riskList),
        h("section", { className: "card" }, h("h2", {}, t("company.alerts")), this.alertFeed)));
    root.replaceChildren(h("section", { "data-page": "company" }, h("h1", {}, t("company.title")), this.status, this.content));
    this.status.textContent = t("app.loading");
    this.renderAlerts();
    void this.loadNames();
    this.stops.push(
      ctx.live.on("departmentsChanged", (departments) => {
        for (const d of departments) this.departments.set(d.departmentId, d);
        this.renderCards();
        ctx.showAsOf(departments[0]?.asOf);
      }),
      ctx.live.on("alertRaised", (alert) => {
        this.alerts.unshift(alert);
        this.alerts.length = Math.min(this.alerts.length, 50);
        this.renderAlerts();
      }),
      () => this.histogram?.dispose(),
      () => this.trend?.dispose(),
    );
    const watch = ctx.live.watch("watchTenant", [], "tenant",
      (snapshot) => {
        this.departments.clear();
        for (const d of snapshot.departments) this.departments.set(d.departmentId, d);
        this.showOverview(snapshot.overview);
        this.renderCards();
        ctx.showAsOf(snapshot.asOf);
      },
      (refused) => this.refused(refused.code));
    this.stops.push(() => watch.stop());
    watch.first.catch((e: unknown) => {
      if (e instanceof HubRefused && e.code === "unavailable") void this.loadRest();
    });
    void this.loadHistory();
  }

  dispose(): void {
    for (const stop of this.stops) stop();
  }

  private async loadNames(): Promise<void> {
    const [departments, templates] = await Promise.all([
      this.ctx.api<Department[]>("/api/v1/departments").catch(() => [] as Department[]),
      this.ctx.api<TemplateNames[]>("/api/v1/templates").catch(() => [] as TemplateNames[]),
    ]);
    // Without them the cards keep the ids.
    for (const d of departments) this.names.set(d.id, d.name);
    for (const indicator of templates.flatMap((t) => t.sections.flatMap((s) => s.indicators))) this.indicatorNames.set(indicator.id, indicator.name);
    this.renderCards();
    this.renderRisk();
  }

  // Without the hub: the overview and each department from the API.
  private async loadRest(): Promise<void> {
    try {
      const overview = await this.ctx.api<DepartmentPerformance>("/api/v1/overview");
      const list = await this.ctx.api<Department[]>("/api/v1/departments");
      const performances = await Promise.all(list.map((d) => this.ctx.api<DepartmentPerformance>(`/api/v1/departments/${encodeURIComponent(d.id)}/performance`).catch(() => null)));
      if (this.overview) return; // the hub answered meanwhile
      for (const p of performances) if (p) this.departments.set(p.departmentId, p);
      this.showOverview(overview);
      this.renderCards();
      this.ctx.showAsOf(overview.asOf);
    } catch (e) {
      this.refused(e instanceof Error && "status" in e && (e as { status: number }).status === 403 ? "forbidden" : String(e));
    }
  }

  /** The composite of each of the last months from the API (past months are not live). */
  private async loadHistory(): Promise<void> {
    const now = new Date();
    const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    const months = Array.from({ length: trendMonths - 1 }, (_, i) => monthsBefore(current, trendMonths - 1 - i));
    const answers = await Promise.all(months.map((m) => this.ctx.api<DepartmentPerformance>(`/api/v1/overview?period=${m}`).then((o) => (o.membersWithData > 0 ? o.averageComposite : null), () => null)));
    months.forEach((m, i) => this.history.set(m, answers[i] ?? null));
    this.renderTrend();
  }

  private refused(code: string): void {
    this.content.hidden = true;
    this.status.replaceChildren(refusal(this.ctx, code));
    this.status.hidden = false;
  }

  private showOverview(overview: DepartmentPerformance): void {
    this.overview = overview;
    this.status.hidden = true;
    this.content.hidden = false;
    this.renderHistogram();
    this.renderTrend();
    this.renderRisk();
  }

  private renderCards(): void {
    if (!this.overview) return;
    const { lang, t } = this.ctx;
    // The largest (the top of the organisation) first, then by id.
    for (const d of [...this.departments.values()].sort((a, b) => b.members - a.members || a.departmentId.localeCompare(b.departmentId))) {
      let card = this.cards.get(d.departmentId);
      if (!card) {
        const composite = h("strong", { className: "big" });
        const detail = h("span", { className: "muted" });
        const bar = progressBar();
        const indicators = h("ul", { className: "indicator-averages" });
        const root = h("a", { className: "card department-card", href: routeHash("department", d.departmentId), "data-department-id": d.departmentId },
          h("h3", {}, this.names.get(d.departmentId) ?? d.departmentId),
          h("span", { className: "label" }, t("company.composite")), composite, bar.root, detail, indicators);
        card = { root, composite, detail, bar, indicators };
        this.cards.set(d.departmentId, card);
      }
      this.cardGrid.append(card.root); // appending an element already in place keeps the order without re-creating it
      const title = card.root.querySelector("h3");
      if (title) setText(title, this.names.get(d.departmentId) ?? d.departmentId);
      setText(card.composite, number(d.averageComposite, lang));
      card.bar.set(d.averageComposite);
      setText(card.detail, `${t("company.reporting")} ${d.reporting}/${d.members} · ${t("team.atRisk")} ${d.atRisk}`);
      card.root.classList.toggle("has-risk", d.atRisk > 0);
      // The average score of each indicator: how far the department is toward its targets.
      const averages = Object.entries(d.indicatorAverages);
      card.indicators.replaceChildren(...averages.slice(0, 6).map(([id, score]) => {
        const bar = progressBar();
        bar.set(score);
        const name = this.indicatorNames.get(id);
        return h("li", {}, h("span", { className: "muted" }, name ? text(name, lang) : id), bar.root, h("span", { className: "num" }, number(score, lang, 0)));
      }));
    }
  }

  private renderHistogram(): void {
    const o = this.overview;
    if (!o) return;
    const { t } = this.ctx;
    this.histogram ??= chart(this.histogramBox);
    const { top, bottom } = markedBands(o.distribution);
    const labels = o.distribution.map((_, i) => (i === 10 ? "100+" : `${i * 10}–${i * 10 + 9}`));
    this.histogram.chart.setOption({
      animation: false,
      grid: { left: 36, right: 8, top: 16, bottom: 48 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: 45, fontSize: 10 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [{
        type: "bar",
        name: t("company.people"),
        data: o.distribution.map((count, i) => ({ value: count, itemStyle: { color: top.has(i) ? "#16a34a" : bottom.has(i) ? "#dc2626" : "#94a3b8" } })),
      }],
    });
    this.legend.replaceChildren(h("span", { className: "key top" }, t("company.top20")), " ", h("span", { className: "key bottom" }, t("company.bottom10")));
  }

  private renderTrend(): void {
    if (!this.overview && this.history.size === 0) return;
    const { t } = this.ctx;
    const months = [...this.history.keys()];
    const values = [...this.history.values()];
    if (this.overview) {
      months.push(this.overview.period);
      values.push(this.overview.averageComposite);
    }
    if (this.content.hidden) return;
    this.trend ??= chart(this.trendBox);
    this.trend.chart.setOption({
      animation: false,
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", min: 0, max: 100 },
      series: [{ type: "line", name: t("company.composite"), data: values, connectNulls: true, symbolSize: 8 }],
    });
  }

  private renderRisk(): void {
    const o = this.overview;
    if (!o) return;
    const { lang, t } = this.ctx;
    // The server names the members at risk; an older one only ranks the bottom members.
    const people: RankedMember[] = o.atRiskMembers ?? o.bottom.filter((m) => m.composite !== null && m.composite < 60);
    const counts = [...this.departments.values()].filter((d) => d.atRisk > 0)
      .map((d) => h("li", { className: "muted" }, `${this.names.get(d.departmentId) ?? d.departmentId}: ${d.atRisk}`));
    this.riskList.replaceChildren(
      h("li", {}, h("strong", {}, `${t("company.atRiskCount")} ${o.atRisk}`)),
      ...counts,
      ...people.map((m) => h("li", { className: "risk" },
        h("a", { href: routeHash("employee", m.employeeId) }, m.name), ` ${number(m.composite, lang)}`,
        m.projectedComposite !== undefined && m.projectedComposite !== null ? h("span", { className: "muted" }, ` · ${t("company.projected")} ${number(m.projectedComposite, lang)}`) : null)));
  }

  private indicatorName(id: string): string {
    const name = this.indicatorNames.get(id);
    return name ? text(name, this.ctx.lang) : id;
  }

  private renderAlerts(): void {
    const { lang, t } = this.ctx;
    if (this.alerts.length === 0) {
      this.alertFeed.replaceChildren(h("li", { className: "muted" }, t("company.noAlerts")));
      return;
    }
    this.alertFeed.replaceChildren(...this.alerts.map((a) => h("li", { className: a.alert.kind === "breached" ? "alert breached" : "alert recovered" },
      h("time", { className: "muted", datetime: a.alert.occurredAt }, time(a.alert.occurredAt, lang)), " ",
      h("a", { href: routeHash("employee", a.alert.employeeId) }, a.employeeName), " ",
      `${a.alert.kind === "breached" ? t("alert.breached") : t("alert.recovered")} ${this.indicatorName(a.alert.indicatorId)} ${number(a.alert.value, lang)} (${t("alert.threshold")} ${number(a.alert.threshold, lang)})`)));
  }
}
