// HR's history import: a CSV or XLSX of past months' results sent as one multipart upload. The server checks every row
// and writes all or nothing; a refusal lists each row, column and reason, which is shown as a table.
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import type { ImportRowError, ImportSummary } from "../../contracts/review";
import { errorSlot, showErrors } from "./common";
import { field, slotsOf } from "./settings-fields";
import type { SettingsT } from "./settings-strings";

export class HistoryImport {
  readonly element = h("section", { className: "card rs-import", "data-testid": "history-import" });
  private readonly outcome = h("div", { className: "rs-outcome", "data-testid": "import-outcome", "aria-live": "polite" });

  constructor(private readonly ctx: AppContext, private readonly t: SettingsT) {
    const file = h("input", { type: "file", accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const dryRun = h("input", { type: "checkbox", "data-action": "dry-run" });
    const submit = h("button", { type: "submit", className: "primary", "data-action": "import" }, t("import.submit"));
    const form = h("form", { className: "rs-form", novalidate: true },
      h("p", { className: "muted rs-hint" }, t("import.hint")),
      field("file", t("import.file"), file, "rs-field wide"),
      h("label", { className: "rs-check" }, dryRun, t("import.dryRun")),
      errorSlot(""),
      h("div", { className: "buttons" }, submit));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const slots = slotsOf(form);
      for (const slot of Object.values(slots)) slot.textContent = "";
      this.outcome.replaceChildren();
      const chosen = file.files?.[0];
      if (!chosen) {
        if (slots["file"]) slots["file"].textContent = t("import.noFile");
        return;
      }
      const body = new FormData();
      body.append("file", chosen, chosen.name);
      submit.disabled = true;
      this.ctx.api<ImportSummary>(`/api/v1/reviews/import${dryRun.checked ? "?dryRun=true" : ""}`, { method: "POST", body }).then((summary) => {
        submit.disabled = false;
        this.accepted(summary);
      }, (e: unknown) => {
        submit.disabled = false;
        const rows = e instanceof ApiError ? rowErrors(e) : null;
        if (rows) this.refused(rows);
        else showErrors(e, slots, ctx.t("app.error"));
      });
    });
    this.element.append(h("h2", {}, t("import")), form, this.outcome);
  }

  private accepted(summary: ImportSummary): void {
    const values = { rows: summary.rows, employees: summary.employees, months: summary.months.join(", ") };
    this.outcome.replaceChildren(h("p", { className: "rs-saved", "data-testid": "import-accepted", "data-rows": String(summary.rows), "data-dry-run": String(summary.dryRun) },
      this.t(summary.dryRun ? "import.checked" : "import.done", values)));
  }

  private refused(rows: ImportRowError[]): void {
    const { t } = this;
    this.outcome.replaceChildren(
      h("p", { className: "field-error", role: "alert" }, t("import.refused")),
      h("div", { className: "table-scroll" }, h("table", { className: "rv-table", "data-testid": "import-errors" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("import.row")), h("th", { scope: "col" }, t("import.column")), h("th", { scope: "col" }, t("import.reason")))),
        h("tbody", {}, ...rows.map((r) => h("tr", { "data-row": String(r.row), "data-column": r.column },
          h("td", { className: "num" }, String(r.row)), h("td", {}, r.column), h("td", {}, r.reason)))))));
  }
}

/** The per-row report of a refused file: the problem's `errors` is then a list, not a map of field names. */
function rowErrors(e: ApiError): ImportRowError[] | null {
  const errors: unknown = e.problem.errors;
  if (!Array.isArray(errors)) return null;
  return errors.filter((x): x is ImportRowError => typeof x === "object" && x !== null && "row" in x && "reason" in x);
}
