// Pieces the review pages share: the month in the address, the cycle's status steps, download links, field errors.
import { ApiError } from "../../app/api";
import { h } from "../../app/dom";
import { period as periodOf } from "../../app/format";
import { cycleStatuses, type CycleStatus } from "../../contracts/review";
import type { ReviewT } from "./strings";

const month = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month named in the address, or the current month on this device. */
export function periodFrom(value: string | undefined): string {
  return value !== undefined && month.test(value) ? value : periodOf(new Date());
}

export function isPeriod(value: string): boolean {
  return month.test(value);
}

/** The five steps of a cycle with the current one marked (data-status holds the status for tests and styles). */
export function statusSteps(t: ReviewT, status: CycleStatus): HTMLElement {
  const at = cycleStatuses.indexOf(status);
  return h("ol", { className: "rv-steps", "data-testid": "cycle-status", "data-status": status, "aria-label": t("status") },
    ...cycleStatuses.map((s, i) => h("li", {
      className: i < at ? "done" : i === at ? "current" : "",
      "aria-current": i === at ? "step" : null,
    }, t(`status.${s}`))));
}

/** CSV and XLSX links for an export address (the sign-in cookie goes with a plain GET). */
export function downloads(label: string, path: string, testId: string): HTMLElement {
  const join = path.includes("?") ? "&" : "?";
  return h("p", { className: "rv-downloads", "data-testid": testId }, `${label}: `,
    h("a", { href: `${path}${join}format=csv`, download: "", "data-format": "csv" }, "CSV"), " · ",
    h("a", { href: `${path}${join}format=xlsx`, download: "", "data-format": "xlsx" }, "XLSX"));
}

/** An error slot under a field, found by data-error-for. */
export function errorSlot(field: string): HTMLElement {
  return h("p", { className: "field-error", "data-error-for": field, role: "alert" });
}

/**
 * Puts the server's reasons under the field each names (the slot whose key matches, ignoring case); reasons for a
 * field without a slot, and a problem without fields (a 409's detail), go to the general slot "".
 */
export function showErrors(e: unknown, slots: Record<string, HTMLElement>, fallback: string): void {
  for (const slot of Object.values(slots)) slot.textContent = "";
  const general = slots[""];
  if (!(e instanceof ApiError)) {
    if (general) general.textContent = e instanceof Error ? e.message : fallback;
    return;
  }
  const named = Object.entries(e.problem.errors ?? {});
  const rest: string[] = [];
  for (const [field, reasons] of named) {
    // A body the JSON reader refused names a JSON path ($.graceDays); the slots use the path without the root.
    const path = field.replace(/^\$\.?/, "").toLowerCase();
    const slot = Object.entries(slots).find(([name]) => name !== "" && name.toLowerCase() === path)?.[1];
    if (slot) slot.textContent = reasons.join(" ");
    else rest.push(`${field}: ${reasons.join(" ")}`);
  }
  if (general && (rest.length > 0 || named.length === 0)) general.textContent = rest.length > 0 ? rest.join(" ") : e.problem.detail ?? e.problem.title ?? fallback;
}
