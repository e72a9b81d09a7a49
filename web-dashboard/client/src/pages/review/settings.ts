// HR's review settings (`#/review-settings`): the review policy, the payroll endpoint and the history import. The
// page asks the API for what it shows and shows a refusal, never data, when the API refuses; people without the HR
// role get the refusal without asking (the server refuses them anyway).
import { ApiError } from "../../app/api";
import { h } from "../../app/dom";
import { period as periodOf } from "../../app/format";
import type { Page } from "../../app/page";
import { routeHash } from "../../app/router";
import { refusal } from "../../components/refusal";
import type { PayrollEndpointView, ReviewPolicy } from "../../contracts/review";
import { HistoryImport } from "./history-import";
import { PayrollEndpointForm } from "./payroll-endpoint-form";
import { PolicyForm } from "./policy-form";
import { settingsT } from "./settings-strings";
import "./review.css";

export const reviewSettingsPage: Page = {
  mount(root, ctx) {
    let disposed = false;
    const t = settingsT(ctx.lang);
    const status = h("div", { className: "notice", role: "status" });
    const body = h("div", { className: "rs-body" });
    root.replaceChildren(h("section", { "data-page": "review-settings", className: "rv-page rs-page" },
      h("h1", {}, t("title")),
      h("p", {}, h("a", { href: routeHash("review", periodOf(new Date())) }, `‹ ${t("toReview")}`)),
      status, body));
    if (!ctx.me.roles.includes("hr")) {
      status.replaceChildren(refusal(ctx, "forbidden"), h("p", { className: "muted" }, t("hrOnly")));
      return () => { disposed = true; };
    }
    status.textContent = ctx.t("app.loading");
    Promise.all([
      ctx.api<ReviewPolicy>("/api/v1/review-policy"),
      ctx.api<PayrollEndpointView>("/api/v1/payroll-endpoint"),
    ]).then(([policy, endpoint]) => {
      if (disposed) return;
      status.replaceChildren();
      body.replaceChildren(
        new PolicyForm(ctx, t, policy).element,
        new PayrollEndpointForm(ctx, t, endpoint).element,
        new HistoryImport(ctx, t).element);
    }, (e: unknown) => {
      if (disposed) return;
      status.replaceChildren(refusal(ctx, e instanceof ApiError ? (e.status === 403 || e.status === 401 ? "forbidden" : e.message) : String(e)));
    });
    return () => { disposed = true; };
  },
};
