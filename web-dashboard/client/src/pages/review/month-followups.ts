// HR's follow-ups of a month on the review page: the objections employees raised to their published results, and the
// post-close adjustments (people whose month received events after the freeze; the frozen result stands).
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import { number, time } from "../../app/format";
import { routeHash } from "../../app/router";
import type { CycleView, EmployeeReview, PostCloseAdjustment } from "../../contracts/review";
import type { ReviewT } from "./strings";

/** The objections section; reads `GET /cycles/{period}/objections`. */
export async function objectionsSection(ctx: AppContext, t: ReviewT, cycle: CycleView, departmentName: (id: string) => string): Promise<HTMLElement> {
  const section = h("section", { className: "card rv-objections", "data-testid": "objections" }, h("h2", {}, t("objections"), h("span", { className: "muted" }, ` ${cycle.objected}`)));
  let objections: EmployeeReview[];
  try {
    objections = await ctx.api<EmployeeReview[]>(`/api/v1/cycles/${cycle.period}/objections`);
  } catch (e) {
    section.append(h("p", { className: "field-error" }, e instanceof ApiError ? e.message : String(e)));
    return section;
  }
  if (objections.length === 0) {
    section.append(h("p", { className: "muted" }, t("objections.none")));
    return section;
  }
  section.append(h("ul", { className: "rv-objection-list" }, ...objections.map((o) => h("li", { "data-employee-id": o.employeeId },
    h("div", { className: "rv-objection-head" },
      h("a", { href: routeHash("employee", o.employeeId) }, o.name), h("span", { className: "muted id" }, o.employeeId),
      h("span", { className: "muted" }, ` · ${departmentName(o.departmentId)}`),
      o.grade ? h("span", {}, ` · ${t("col.grade")} `, h("strong", {}, o.grade)) : null,
      o.composite !== null ? h("span", {}, ` · ${number(o.composite, ctx.lang)}`) : null),
    h("blockquote", { className: "rv-objection-text", "data-testid": "objection-text" }, o.response?.text ?? ""),
    o.response ? h("time", { className: "muted", datetime: o.response.at }, time(o.response.at, ctx.lang)) : null))));
  return section;
}

/** The adjustments section; reads `GET /cycles/{period}/adjustments`. */
export async function adjustmentsSection(ctx: AppContext, t: ReviewT, cycle: CycleView): Promise<HTMLElement> {
  const section = h("section", { className: "card rv-adjustments", "data-testid": "adjustments" }, h("h2", {}, t("adjustments")));
  let adjustments: PostCloseAdjustment[];
  try {
    adjustments = await ctx.api<PostCloseAdjustment[]>(`/api/v1/cycles/${cycle.period}/adjustments`);
  } catch (e) {
    section.append(h("p", { className: "field-error" }, e instanceof ApiError ? e.message : String(e)));
    return section;
  }
  if (adjustments.length === 0) {
    section.append(h("p", { className: "muted" }, t("adjustments.none")));
    return section;
  }
  const n = (value: number | null) => value === null ? "—" : number(value, ctx.lang);
  section.append(h("p", { className: "muted" }, t("adjustments.note")),
    h("div", { className: "table-scroll" }, h("table", { className: "rv-table" },
      h("thead", {}, h("tr", {}, ...(["col.employee", "adjustments.frozenEvents", "adjustments.currentEvents", "adjustments.frozenComposite", "adjustments.currentComposite"] as const)
        .map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, ...adjustments.map((a) => h("tr", { "data-employee-id": a.employeeId },
        h("td", {}, h("a", { href: routeHash("employee", a.employeeId) }, a.employeeId)),
        h("td", { className: "num" }, String(a.frozenEventCount)),
        h("td", { className: "num" }, String(a.currentEventCount)),
        h("td", { className: "num" }, n(a.frozenComposite)),
        h("td", { className: "num" }, n(a.currentComposite))))))));
  return section;
}
