// "My review" on the Me page for the month chosen there: the self-assessment form while the month is not frozen;
// once published the composite, grade, each indicator with the manager's comments, the pay, and one answer
// (acknowledge, or object with a reason).
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import { number, text, time } from "../../app/format";
import type { EmployeeReview, ReviewResponseKind } from "../../contracts/review";
import { errorSlot, showErrors } from "./common";
import { indicatorNames } from "./names";
import { reviewT, type ReviewT } from "./strings";
import "./review.css";

export class MyReview {
  readonly element: HTMLElement;
  private readonly t: ReviewT;
  private readonly body = h("div");
  private shown = "";

  constructor(private readonly ctx: AppContext, private readonly employeeId: string) {
    this.t = reviewT(ctx.lang);
    this.element = h("section", { className: "card rv-mine", "data-testid": "my-review" }, h("h2", {}, this.t("my.title")), this.body);
  }

  async show(period: string): Promise<void> {
    this.shown = period;
    try {
      const review = await this.ctx.api<EmployeeReview>(`/api/v1/cycles/${period}/employees/${encodeURIComponent(this.employeeId)}`);
      const names = await indicatorNames(this.ctx, review);
      if (this.shown === period) this.render(review, names);
    } catch (e) {
      if (this.shown !== period) return;
      this.body.replaceChildren(h("p", { className: "muted" }, e instanceof ApiError && (e.status === 404 || e.status === 400) ? this.t("my.notInCycle") : this.ctx.t("app.error")));
    }
  }

  private render(review: EmployeeReview, names: Map<string, string>): void {
    const parts: (HTMLElement | null)[] = [];
    if (review.published) parts.push(...this.result(review, names));
    else {
      parts.push(h("p", { className: "muted", "data-testid": "my-review-waiting" }, this.t("my.waiting")));
      parts.push(this.selfPart(review, names));
    }
    this.body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private selfPart(review: EmployeeReview, names: Map<string, string>): HTMLElement | null {
    const { t } = this;
    const { lang } = this.ctx;
    const given = review.selfAssessment;
    if (given) {
      return h("div", { className: "rv-self", "data-testid": "self-done" }, h("h3", {}, t("my.self")),
        h("p", { className: "muted" }, t("my.selfDone", { at: time(given.at, lang) })),
        h("ul", {}, ...given.ratings.map((r) => h("li", {}, `${names.get(r.indicatorId) ?? r.indicatorId}: ${number(r.rating, lang)}`, r.comment ? ` · ${r.comment}` : ""))),
        given.comment ? h("p", {}, given.comment) : null);
    }
    if (this.ctx.me.employeeId !== review.employeeId) return null;
    if (review.frozen !== null || review.ratedIndicators.length === 0) return review.frozen !== null ? h("p", { className: "muted" }, t("my.selfClosed")) : null;
    const slots: Record<string, HTMLElement> = { comment: errorSlot("comment"), "": errorSlot("") };
    const rows = review.ratedIndicators.map((id, i) => {
      const radios = [1, 2, 3, 4, 5].map((n) => h("input", { type: "radio", name: `self-${id}`, value: n }));
      const comment = h("textarea", { rows: 2, maxlength: 2000 });
      const ratingSlot = errorSlot(`ratings[${i}].rating`);
      const commentSlot = errorSlot(`ratings[${i}].comment`);
      slots[`ratings[${i}].rating`] = ratingSlot;
      slots[`ratings[${i}].comment`] = commentSlot;
      return {
        id, radios, comment,
        element: h("fieldset", { className: "rv-indicator", "data-indicator": id }, h("legend", {}, names.get(id) ?? id),
          h("div", { className: "rv-scale", role: "radiogroup" }, ...radios.map((r, n) => h("label", {}, r, t(`scale.${n + 1}` as "scale.1")))),
          ratingSlot, h("label", {}, t("rate.comment"), comment), commentSlot),
      };
    });
    const overall = h("textarea", { name: "comment", rows: 3, maxlength: 2000 });
    const submit = h("button", { type: "submit", className: "primary", "data-action": "self-assess" }, t("my.selfSubmit"));
    const form = h("form", { className: "rv-self", novalidate: true }, h("h3", {}, t("my.self")),
      ...rows.map((r) => r.element),
      h("label", {}, t("my.selfComment"), overall), slots["comment"], slots[""],
      h("div", { className: "buttons" }, submit));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit.disabled = true;
      const ratings = rows.map((r) => {
        const chosen = r.radios.find((x) => x.checked);
        return { indicatorId: r.id, rating: chosen ? Number(chosen.value) : null, comment: r.comment.value.trim() === "" ? null : r.comment.value };
      });
      this.ctx.api<EmployeeReview>(`/api/v1/cycles/${review.period}/employees/${encodeURIComponent(review.employeeId)}/self-assessment`, {
        method: "PUT", json: { ratings, comment: overall.value },
      }).then((after) => this.render(after, names), (e: unknown) => {
        submit.disabled = false;
        showErrors(e, slots, this.ctx.t("app.error"));
      });
    });
    return form;
  }

  private result(review: EmployeeReview, names: Map<string, string>): HTMLElement[] {
    const { t } = this;
    const { lang } = this.ctx;
    const pay = review.pay;
    const head = h("div", { className: "rv-result" },
      h("div", {}, h("span", { className: "label muted" }, t("my.composite")), h("strong", { className: "big", "data-testid": "review-composite" }, number(review.composite, lang))),
      h("div", {}, h("span", { className: "label muted" }, t("my.grade")), h("strong", { className: "big", "data-testid": "review-grade" }, review.grade ?? "—")),
      pay ? h("div", {}, h("span", { className: "label muted" }, t("my.pay")), h("strong", { className: "big", "data-testid": "review-pay" },
        new Intl.NumberFormat(lang, { style: "currency", currency: pay.currency }).format(pay.amount))) : null);
    const rated = new Map(review.ratings.map((r) => [r.indicatorId, r]));
    const indicators = (review.frozen?.sections ?? []).map((section) => h("div", {},
      h("h3", {}, text(section.name, lang), h("span", { className: "muted" }, ` ${number(section.score, lang)}`)),
      h("ul", { className: "indicators" }, ...section.indicators.map((i) => {
        const rating = rated.get(i.id);
        return h("li", { "data-indicator": i.id },
          h("strong", {}, names.get(i.id) ?? i.id), " ",
          rating ? `${number(rating.rating, lang)} / 5` : `${number(i.value, lang)} / ${number(i.target, lang)}${i.unit ? ` ${i.unit}` : ""}`,
          h("span", { className: "muted" }, ` · ${this.ctx.t("team.score")} ${number(i.score, lang)}`),
          rating?.comment ? h("p", { className: "rv-self-note" }, `${t("my.managerComment")}: ${rating.comment}`) : null);
      }))));
    return [head, ...indicators, this.responsePart(review, names)];
  }

  private responsePart(review: EmployeeReview, names: Map<string, string>): HTMLElement {
    const { t } = this;
    const { lang } = this.ctx;
    const given = review.response;
    if (given) {
      return h("p", { className: "notice", "data-testid": "review-response" }, given.kind === "acknowledge"
        ? t("my.responded.acknowledge", { at: time(given.at, lang) })
        : t("my.responded.object", { at: time(given.at, lang), text: given.text ?? "" }));
    }
    if (this.ctx.me.employeeId !== review.employeeId) return h("span");
    const reason = h("textarea", { name: "text", rows: 2, maxlength: 2000, placeholder: t("my.objectText") });
    const slots = { text: errorSlot("text"), kind: errorSlot("kind"), "": errorSlot("") };
    const send = (kind: ReviewResponseKind) => {
      this.ctx.api<EmployeeReview>(`/api/v1/cycles/${review.period}/employees/${encodeURIComponent(review.employeeId)}/response`, {
        method: "POST", json: { kind, text: reason.value.trim() === "" ? null : reason.value },
      }).then((after) => this.render(after, names), (e: unknown) => showErrors(e, slots, this.ctx.t("app.error")));
    };
    return h("div", { className: "rv-form reply-form" },
      h("label", { className: "wide" }, t("my.objectText"), reason), slots.text, slots.kind, slots[""],
      h("div", { className: "buttons" },
        h("button", { type: "button", className: "primary", "data-action": "acknowledge", onclick: () => send("acknowledge") }, t("my.acknowledge")),
        h("button", { type: "button", "data-action": "object", onclick: () => send("object") }, t("my.object"))));
  }
}
