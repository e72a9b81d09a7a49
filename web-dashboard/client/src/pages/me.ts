import { ApiError } from "../app/api";
import type { AppContext } from "../app/context";
import { h, progressBar } from "../app/dom";
import { number, percent, period, text, time } from "../app/format";
import { HubRefused, type Watch } from "../app/live";
import type { Page } from "../app/page";
import { feedbackForm, showProblem } from "../components/feedback-form";
import { refusal } from "../components/refusal";
import type { FeedbackItem, FeedbackPage, FeedbackReplyKind, NewFeedbackReply } from "../contracts/feedback";
import type { EmployeeSnapshot } from "../contracts/live";
import type { AlertRecord, EmployeePerformance } from "../contracts/performance";
import { indicatorsOf } from "./department";
import { MyReview } from "./review/my-review";

/**
 * One person's scorecard: each indicator with its progress, the API's sentence and the month-end projection; alerts;
 * feedback with the employee's one reply. The open month is live; past months come from the API, read-only.
 */
export const mePage: Page = {
  mount(root, ctx) {
    const view = new MeView(root, ctx);
    return () => view.dispose();
  },
};

class MeView {
  private readonly id: string;
  private readonly livePeriod = period(new Date());
  private shownPeriod: string;
  private watch: Watch<EmployeeSnapshot> | null = null;
  private readonly stops: (() => void)[] = [];
  private performance: EmployeePerformance | null = null;
  private alerts: AlertRecord[] = [];
  private feedback: FeedbackItem[] = [];
  private readonly scorecard = h("div", { className: "scorecard", "data-testid": "scorecard" });
  private readonly alertList = h("ul", { className: "alerts" });
  private readonly feedbackList = h("ul", { className: "feedback-list", "data-testid": "feedback-list" });
  private readonly content: HTMLElement;
  private readonly status = h("div", { className: "notice", role: "status" });
  private readonly picker: HTMLInputElement;
  private readonly mode = h("span", { className: "badge" });
  private readonly giveSlot = h("div", { className: "give-slot" });
  private readonly review: MyReview;

  constructor(root: HTMLElement, private readonly ctx: AppContext) {
    const t = ctx.t;
    this.id = ctx.route.id ?? ctx.me.employeeId ?? "";
    this.shownPeriod = this.livePeriod;
    this.picker = h("input", { type: "month", id: "period", value: this.livePeriod, max: this.livePeriod, "aria-label": t("me.period") });
    this.picker.addEventListener("change", () => {
      const chosen = /^\d{4}-\d{2}$/.test(this.picker.value) ? this.picker.value : this.livePeriod;
      void this.show(chosen);
    });
    const self = ctx.me.employeeId === this.id;
    const canGive = !self && (ctx.me.roles.includes("hr") || ctx.me.roles.includes("manager"));
    const giveButton = canGive ? h("button", { type: "button", className: "link", "data-action": "feedback" }, t("feedback.give")) : null;
    giveButton?.addEventListener("click", () => this.toggleGive());
    this.review = new MyReview(ctx, this.id);
    this.content = h("div", { hidden: true },
      h("div", { className: "toolbar" }, h("label", { for: "period" }, t("me.period")), this.picker, this.mode),
      this.scorecard,
      this.review.element,
      h("div", { className: "columns" },
        h("section", { className: "card" }, h("h2", {}, t("me.alerts")), this.alertList),
        h("section", { className: "card" }, h("h2", {}, t("me.feedback"), " ", giveButton), this.giveSlot, this.feedbackList)));
    root.replaceChildren(h("section", { "data-page": "me" }, h("h1", {}, self ? t("me.title") : `${t("me.person")} ${this.id}`), this.status, this.content));
    this.status.textContent = t("app.loading");
    this.stops.push(
      ctx.live.on("employeesChanged", (lines) => {
        const line = lines.find((l) => l.employeeId === this.id);
        if (line && this.shownPeriod === this.livePeriod) {
          this.performance = line.performance;
          this.renderScorecard();
          ctx.showAsOf(line.performance.asOf);
        }
      }),
      ctx.live.on("alertRaised", (alert) => {
        if (alert.alert.employeeId !== this.id || this.shownPeriod !== this.livePeriod) return;
        this.alerts = [alert.alert, ...this.alerts.filter((a) => a.atSeq !== alert.alert.atSeq || a.ruleId !== alert.alert.ruleId)].slice(0, 50);
        this.renderAlerts();
      }),
      ctx.live.on("feedbackChanged", (change) => {
        if (change.item.employeeId !== this.id) return;
        this.upsertFeedback(change.item);
      }),
      () => this.watch?.stop(),
    );
    void this.show(this.livePeriod);
  }

  dispose(): void {
    for (const stop of this.stops) stop();
  }

  private async show(chosen: string): Promise<void> {
    this.shownPeriod = chosen;
    void this.review.show(chosen);
    this.watch?.stop();
    this.watch = null;
    const live = chosen === this.livePeriod;
    this.mode.textContent = live ? this.ctx.t("me.live") : this.ctx.t("me.past");
    this.mode.dataset["live"] = String(live);
    if (live) {
      this.watch = this.ctx.live.watch("watchEmployee", [this.id], `employee:${this.id}`,
        (snapshot) => this.showSnapshot(snapshot),
        (refused) => this.refused(refused.code));
      this.watch.first.catch((e: unknown) => {
        if (e instanceof HubRefused && e.code === "unavailable") void this.loadRest(chosen);
      });
    } else {
      await this.loadRest(chosen);
    }
  }

  private showSnapshot(snapshot: EmployeeSnapshot): void {
    if (this.shownPeriod !== this.livePeriod) return;
    this.performance = snapshot.performance;
    this.alerts = snapshot.alerts;
    this.feedback = snapshot.feedback.items;
    this.renderAll();
    this.ctx.showAsOf(snapshot.asOf);
  }

  private async loadRest(chosen: string): Promise<void> {
    const base = `/api/v1/employees/${encodeURIComponent(this.id)}`;
    try {
      const live = chosen === this.livePeriod;
      const [performance, alerts, feedback] = await Promise.all([
        this.ctx.api<EmployeePerformance>(live ? `${base}/performance` : `${base}/performance?period=${chosen}`),
        this.ctx.api<AlertRecord[]>(`${base}/alerts`),
        this.ctx.api<FeedbackPage>(`${base}/feedback?limit=50`),
      ]);
      if (this.shownPeriod !== chosen) return;
      this.performance = performance;
      this.alerts = alerts.filter((a) => a.period === chosen);
      this.feedback = feedback.items;
      this.renderAll();
      this.ctx.showAsOf(performance.asOf);
    } catch (e) {
      if (this.shownPeriod !== chosen) return;
      if (e instanceof ApiError && e.status === 400 && !live(chosen, this.livePeriod)) {
        // A month without data or out of range: say so, keep the picker.
        this.performance = null;
        this.alerts = [];
        this.renderAll();
        return;
      }
      this.refused(e instanceof ApiError ? (e.status === 403 ? "forbidden" : e.status === 404 ? "not-found" : e.message) : String(e));
    }
  }

  private refused(code: string): void {
    this.performance = null;
    this.alerts = [];
    this.feedback = [];
    this.scorecard.replaceChildren();
    this.content.hidden = true;
    const shown = refusal(this.ctx, code);
    this.status.replaceChildren(shown);
    this.status.hidden = false;
  }

  private renderAll(): void {
    this.status.hidden = true;
    this.content.hidden = false;
    this.renderScorecard();
    this.renderAlerts();
    this.renderFeedback();
  }

  private renderScorecard(): void {
    const { lang, t } = this.ctx;
    const p = this.performance;
    if (!p) {
      this.scorecard.replaceChildren(h("p", { className: "muted" }, t("me.noData")));
      return;
    }
    const head = h("div", { className: "composite-card card" },
      h("span", { className: "label" }, t("me.composite")),
      h("strong", { className: "big", "data-testid": "composite" }, number(p.composite, lang)),
      p.projectedComposite !== undefined && p.projectedComposite !== null && p.projectedComposite !== p.composite
        ? h("span", { className: "muted", "data-testid": "projected-composite" }, `${t("me.projectedComposite")} ${number(p.projectedComposite, lang)}`) : null,
      p.eventCount === 0 ? h("span", { className: "muted" }, t("me.noData")) : p.isComplete ? null : h("span", { className: "muted" }, t("me.incomplete")),
      p.breachedAlerts.length > 0 ? h("span", { className: "risk-flag" }, `${t("me.breached")} ${p.breachedAlerts.length}`) : null);
    const sections = p.sections.map((section) => h("section", { className: "card section" },
      h("h2", {}, text(section.name, lang), h("span", { className: "muted" }, ` ${t("me.weight")} ${number(section.weight, lang)}% · ${t("team.score")} ${number(section.score, lang)}`)),
      h("ul", { className: "indicators" }, ...section.indicators.map((indicator) => {
        const bar = progressBar();
        bar.set(indicator.attainment);
        const unit = indicator.unit ? ` ${indicator.unit}` : "";
        return h("li", { className: "indicator-line", "data-indicator": indicator.id },
          h("div", { className: "indicator-head" },
            h("strong", {}, text(indicator.name, lang)),
            h("span", { className: "value" }, `${number(indicator.value, lang)} / ${number(indicator.target, lang)}${unit}`),
            h("span", { className: "muted" }, `${t("me.attainment")} ${percent(indicator.attainment, lang)} · ${t("team.score")} ${number(indicator.score, lang)}`)),
          bar.root,
          indicator.summary ? h("p", { className: "summary-sentence" }, indicator.summary) : null,
          indicator.projected !== null ? h("p", { className: "muted projection" }, `${t("me.projected")} ${number(indicator.projected, lang)}${unit}`) : null);
      }))));
    this.scorecard.replaceChildren(head, ...sections);
  }

  private renderAlerts(): void {
    const { lang, t } = this.ctx;
    if (this.alerts.length === 0) {
      this.alertList.replaceChildren(h("li", { className: "muted" }, t("me.noAlerts")));
      return;
    }
    const names = new Map(indicatorsOf(this.performance).map((i) => [i.id, text(i.name, lang)]));
    this.alertList.replaceChildren(...this.alerts.map((a) => h("li", { className: a.kind === "breached" ? "alert breached" : "alert recovered" },
      h("strong", {}, a.kind === "breached" ? t("alert.breached") : t("alert.recovered")), " ",
      names.get(a.indicatorId) ?? a.indicatorId, ` ${number(a.value, lang)} (${t("alert.threshold")} ${number(a.threshold, lang)}) `,
      h("time", { className: "muted", datetime: a.occurredAt }, time(a.occurredAt, lang)))));
  }

  private upsertFeedback(item: FeedbackItem): void {
    const index = this.feedback.findIndex((f) => f.id === item.id);
    if (index >= 0) this.feedback[index] = item;
    else this.feedback = [item, ...this.feedback];
    this.renderFeedback();
  }

  private renderFeedback(): void {
    const { lang, t } = this.ctx;
    if (this.feedback.length === 0) {
      this.feedbackList.replaceChildren(h("li", { className: "muted" }, t("me.noFeedback")));
      return;
    }
    const names = new Map(indicatorsOf(this.performance).map((i) => [i.id, text(i.name, lang)]));
    const self = this.ctx.me.employeeId === this.id;
    this.feedbackList.replaceChildren(...this.feedback.map((item) => h("li", { className: `feedback ${item.kind}`, "data-feedback-id": item.id },
      h("div", {}, h("span", { className: "badge" }, t(`feedback.kind.${item.kind}`)), " ", h("strong", {}, item.author),
        item.indicatorId ? h("span", { className: "muted" }, ` · ${names.get(item.indicatorId) ?? item.indicatorId}`) : null,
        " ", h("time", { className: "muted", datetime: item.at }, time(item.at, lang))),
      h("p", {}, item.text),
      item.reply
        ? h("p", { className: "reply" }, h("strong", {}, t(`reply.kind.${item.reply.kind}`)), item.reply.text ? `: ${item.reply.text}` : "")
        : self ? this.replyForm(item) : null)));
  }

  /** The employee's one reply: acknowledge, or object with a reason. */
  private replyForm(item: FeedbackItem): HTMLElement {
    const t = this.ctx.t;
    const reason = h("textarea", { name: "text", rows: 2, maxlength: 2000, placeholder: t("reply.textPlaceholder") });
    const errors: Record<string, HTMLElement> = { text: h("p", { className: "field-error" }), kind: h("p", { className: "field-error" }), "": h("p", { className: "field-error", role: "alert" }) };
    const send = (kind: FeedbackReplyKind) => {
      for (const e of Object.values(errors)) e.textContent = "";
      const body: NewFeedbackReply = { kind };
      if (reason.value.trim()) body.text = reason.value;
      this.ctx.api<FeedbackItem>(`/api/v1/employees/${encodeURIComponent(this.id)}/feedback/${item.id}/reply`, { method: "POST", json: body }).then(
        (answered) => this.upsertFeedback(answered),
        (e: unknown) => showProblem(e, errors, this.ctx));
    };
    return h("div", { className: "reply-form" },
      reason, errors["text"], errors["kind"], errors[""],
      h("div", { className: "buttons" },
        h("button", { type: "button", className: "primary", onclick: () => send("acknowledge") }, t("reply.acknowledge")),
        h("button", { type: "button", onclick: () => send("object") }, t("reply.object"))));
  }

  private toggleGive(): void {
    if (this.giveSlot.firstChild) {
      this.giveSlot.replaceChildren();
      return;
    }
    this.giveSlot.append(feedbackForm(this.ctx, this.id, indicatorsOf(this.performance), (item) => {
      this.giveSlot.replaceChildren();
      if (item) this.upsertFeedback(item);
    }));
  }
}

function live(chosen: string, livePeriod: string): boolean {
  return chosen === livePeriod;
}
