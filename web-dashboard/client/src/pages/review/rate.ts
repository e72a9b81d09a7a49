// The rating form (`#/rate/{employeeId}/{yyyy-MM}`): a manager rates each rated indicator on the 1–5 scale with a
// required comment (PUT …/ratings); the employee's self-assessment is shown beside each indicator when there is one.
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import { number, time } from "../../app/format";
import type { Page } from "../../app/page";
import { routeHash } from "../../app/router";
import { refusal } from "../../components/refusal";
import type { EmployeeReview } from "../../contracts/review";
import { errorSlot, periodFrom, showErrors } from "./common";
import { indicatorNames } from "./names";
import { reviewT, type ReviewT } from "./strings";
import "./review.css";

export const ratePage: Page = {
  mount(root, ctx) {
    const view = new RateView(root, ctx);
    return () => view.dispose();
  },
};

interface Field {
  indicatorId: string;
  radios: HTMLInputElement[];
  comment: HTMLTextAreaElement;
}

class RateView {
  private readonly t: ReviewT;
  private readonly employeeId: string;
  private readonly period: string;
  private readonly body = h("div", { className: "rv-body" });
  private readonly title = h("h1");
  private disposed = false;

  constructor(root: HTMLElement, private readonly ctx: AppContext) {
    this.t = reviewT(ctx.lang);
    this.employeeId = ctx.route.id ?? "";
    this.period = periodFrom(ctx.route.sub);
    this.title.textContent = `${this.t("rate.title")} · ${this.employeeId} · ${this.period}`;
    root.replaceChildren(h("section", { "data-page": "rate", className: "rv-page" },
      this.title,
      h("p", {}, h("a", { href: routeHash("review", this.period) }, `‹ ${this.t("title")} ${this.period}`)),
      this.body));
    this.body.textContent = ctx.t("app.loading");
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    try {
      const review = await this.ctx.api<EmployeeReview>(`/api/v1/cycles/${this.period}/employees/${encodeURIComponent(this.employeeId)}`);
      const names = await indicatorNames(this.ctx, review);
      if (!this.disposed) this.render(review, names);
    } catch (e) {
      if (this.disposed) return;
      this.body.replaceChildren(refusal(this.ctx, e instanceof ApiError ? (e.status === 403 ? "forbidden" : e.status === 404 ? "not-found" : e.message) : String(e)));
    }
  }

  private render(review: EmployeeReview, names: Map<string, string>, saved = false): void {
    const { t } = this;
    const { lang } = this.ctx;
    this.title.textContent = `${t("rate.title")} · ${t("rate.for", { name: review.name, period: review.period })}`;
    if (review.ratedIndicators.length === 0) {
      this.body.replaceChildren(h("p", { className: "muted" }, t("rate.noIndicators")));
      return;
    }
    const locked = review.grade !== null || review.published;
    const self = review.selfAssessment;
    const fields: Field[] = [];
    const slots: Record<string, HTMLElement> = { "": errorSlot("") };
    const fieldsets = review.ratedIndicators.map((id) => {
      const given = review.ratings.find((r) => r.indicatorId === id);
      const own = self?.ratings.find((r) => r.indicatorId === id);
      const radios = [1, 2, 3, 4, 5].map((n) => h("input", {
        type: "radio", name: `rating-${id}`, value: n, checked: given !== undefined && Number(given.rating) === n, disabled: locked,
      }));
      const comment = h("textarea", { name: `comment-${id}`, rows: 2, maxlength: 2000, "data-field": "comment", disabled: locked, required: true });
      comment.value = given?.comment ?? "";
      fields.push({ indicatorId: id, radios, comment });
      const ratingSlot = errorSlot(`rating:${id}`);
      const commentSlot = errorSlot(`comment:${id}`);
      slots[`rating:${id}`] = ratingSlot;
      slots[`comment:${id}`] = commentSlot;
      return h("fieldset", { className: "rv-indicator", "data-indicator": id },
        h("legend", {}, names.get(id) ?? id),
        own ? h("p", { className: "rv-self-note", "data-testid": "self-rating" }, `${t("rate.self")}: ${number(own.rating, lang)}`, own.comment ? ` · ${own.comment}` : "") : null,
        h("div", { className: "rv-scale", role: "radiogroup" }, ...radios.map((radio, i) => h("label", {}, radio, t(`scale.${i + 1}` as "scale.1")))),
        ratingSlot,
        h("label", {}, `${t("rate.comment")} (${t("required")})`, comment),
        commentSlot,
        given ? h("p", { className: "muted" }, t("rate.given", { by: given.by, at: time(given.at, lang) })) : null);
    });
    const save = h("button", { type: "submit", className: "primary", disabled: locked, "data-action": "save-ratings" }, t("rate.save"));
    const note = h("p", { className: "sent", role: "status", "data-testid": "rate-saved" }, saved ? t("rate.saved") : "");
    const form = h("form", { className: "rv-rate card", novalidate: true, "data-employee-id": review.employeeId },
      h("section", { className: "rv-self" }, h("h2", {}, t("rate.self")),
        self ? h("p", {}, self.comment ?? "", " ", h("span", { className: "muted" }, time(self.at, lang))) : h("p", { className: "muted" }, t("rate.selfNone"))),
      locked ? h("p", { className: "notice" }, t("rate.locked")) : null,
      ...fieldsets, slots[""],
      h("div", { className: "buttons" }, save, note));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Every indicator touched goes (an untouched one is left for later); the server names a problem by its index.
      const sent: Field[] = fields.filter((f) => f.radios.some((r) => r.checked) || f.comment.value.trim() !== "");
      const body: { indicatorId: string; rating: number | null; comment: string }[] = (sent.length > 0 ? sent : fields).map((f) => {
        const chosen = f.radios.find((r) => r.checked);
        return { indicatorId: f.indicatorId, rating: chosen ? Number(chosen.value) : null, comment: f.comment.value };
      });
      const order = sent.length > 0 ? sent : fields;
      const named: Record<string, HTMLElement> = { "": slots[""] ?? errorSlot("") };
      order.forEach((f, i) => {
        named[`[${i}].rating`] = slots[`rating:${f.indicatorId}`] ?? named[""]!;
        named[`ratings[${i}].rating`] = slots[`rating:${f.indicatorId}`] ?? named[""]!;
        named[`[${i}].comment`] = slots[`comment:${f.indicatorId}`] ?? named[""]!;
        named[`ratings[${i}].comment`] = slots[`comment:${f.indicatorId}`] ?? named[""]!;
      });
      save.disabled = true;
      note.textContent = "";
      this.ctx.api<EmployeeReview>(`/api/v1/cycles/${this.period}/employees/${encodeURIComponent(this.employeeId)}/ratings`, { method: "PUT", json: body }).then(
        (after) => this.render(after, names, true),
        (e: unknown) => {
          save.disabled = false;
          showErrors(e, named, this.ctx.t("app.error"));
        });
    });
    this.body.replaceChildren(form);
  }
}
