import { ApiError } from "../app/api";
import type { AppContext } from "../app/context";
import { h } from "../app/dom";
import { text } from "../app/format";
import type { FeedbackItem, FeedbackKind, NewFeedback } from "../contracts/feedback";
import type { IndicatorResult } from "../contracts/performance";

/**
 * Give feedback or praise to an employee: kind, text, optional indicator. The server's validation errors are shown
 * at the field they name; other refusals above the buttons.
 */
export function feedbackForm(ctx: AppContext, employeeId: string, indicators: Pick<IndicatorResult, "id" | "name">[], done: (item: FeedbackItem | null) => void): HTMLFormElement {
  const t = ctx.t;
  const kinds: FeedbackKind[] = ["praise", "improve", "note"];
  const kind = h("select", { name: "kind", "data-field": "kind" }, ...kinds.map((k) => h("option", { value: k }, t(`feedback.kind.${k}`))));
  const indicator = h("select", { name: "indicatorId", "data-field": "indicatorId" },
    h("option", { value: "" }, t("feedback.noIndicator")),
    ...indicators.map((i) => h("option", { value: i.id }, text(i.name, ctx.lang))));
  const body = h("textarea", { name: "text", rows: 3, maxlength: 2000, "data-field": "text", placeholder: t("feedback.textPlaceholder") });
  const errors: Record<string, HTMLElement> = {
    kind: h("p", { className: "field-error", "data-error-for": "kind" }),
    indicatorId: h("p", { className: "field-error", "data-error-for": "indicatorId" }),
    text: h("p", { className: "field-error", "data-error-for": "text" }),
    "": h("p", { className: "field-error", "data-error-for": "", role: "alert" }),
  };
  const send = h("button", { type: "submit", className: "primary" }, t("feedback.send"));
  const cancel = h("button", { type: "button", className: "link", onclick: () => done(null) }, t("feedback.cancel"));
  const form = h("form", { className: "feedback-form", novalidate: true, "data-employee-id": employeeId },
    h("div", { className: "field-row" },
      h("label", {}, t("feedback.kind"), kind, errors["kind"]),
      h("label", {}, t("feedback.indicator"), indicator, errors["indicatorId"])),
    h("label", { className: "wide" }, t("feedback.text"), body, errors["text"]),
    errors[""],
    h("div", { className: "buttons" }, send, cancel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const element of Object.values(errors)) element.textContent = "";
    const payload: NewFeedback = { kind: kind.value as FeedbackKind, text: body.value };
    if (indicator.value) payload.indicatorId = indicator.value;
    send.disabled = true;
    ctx.api<FeedbackItem>(`/api/v1/employees/${encodeURIComponent(employeeId)}/feedback`, { method: "POST", json: payload }).then(
      (item) => done(item),
      (e: unknown) => {
        send.disabled = false;
        showProblem(e, errors, ctx);
      },
    );
  });
  return form;
}

/** Puts each field's reasons under that field, and anything else in the general slot (errors[""]). */
export function showProblem(e: unknown, errors: Record<string, HTMLElement>, ctx: AppContext): void {
  const general = errors[""];
  if (!(e instanceof ApiError)) {
    if (general) general.textContent = ctx.t("app.error");
    return;
  }
  const named = Object.entries(e.problem.errors ?? {});
  let placed = false;
  for (const [field, reasons] of named) {
    const slot = Object.entries(errors).find(([name]) => name !== "" && name.toLowerCase() === field.toLowerCase())?.[1];
    if (slot) {
      slot.textContent = reasons.join(" ");
      placed = true;
    } else if (general) {
      general.textContent = `${field}: ${reasons.join(" ")}`;
      placed = true;
    }
  }
  if (!placed && general) general.textContent = e.status === 403 ? ctx.t("app.forbidden") : e.problem.detail ?? e.problem.title ?? ctx.t("app.error");
}
