import type { AppContext } from "../app/context";
import { h } from "../app/dom";

/** What a page shows instead of data when the hub or the API refuses: never the data, and a clear reason. */
export function refusal(ctx: AppContext, code: string): HTMLElement {
  const t = ctx.t;
  if (code === "forbidden") {
    return h("div", { className: "refusal", role: "alert", "data-testid": "refusal" }, h("h2", {}, t("app.forbidden")), h("p", {}, t("app.forbiddenDetail")));
  }
  if (code === "not-found") {
    return h("div", { className: "refusal", role: "alert", "data-testid": "refusal" }, h("h2", {}, t("app.notFoundData")));
  }
  return h("div", { className: "refusal", role: "alert" }, h("h2", {}, t("app.error")), h("p", {}, code));
}
