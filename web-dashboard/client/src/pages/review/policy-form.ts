// HR's review policy editor: grace days, grade bands (grade, minimum composite, coefficient, optional pay base), and
// the optional forced distribution (scope, quotas per grade). The whole policy is sent as one PUT; the server checks
// it whole and names each wrong field (bands[1].minComposite, distribution.quotas[0].maxPercent, baseByGrade.S, …),
// which is shown under that field.
import { ApiError } from "../../app/api";
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import type { DistributionScope, ReviewPolicy } from "../../contracts/review";
import { errorSlot, showErrors } from "./common";
import { field, markInvalid, missingNumbers, numberInput, slotsOf } from "./settings-fields";
import type { SettingsT } from "./settings-strings";

interface BandDraft { grade: string; minComposite: number | null; coefficient: number | null; base: number | null }
interface QuotaDraft { grade: string; maxPercent: number | null; minPercent: number | null }

export class PolicyForm {
  readonly element = h("section", { className: "card rs-policy", "data-testid": "policy" });
  private graceDays: number | null = 3;
  private bands: BandDraft[] = [];
  private distributionOn = false;
  private scope: DistributionScope = "tenant";
  private quotas: QuotaDraft[] = [];
  private readonly form = h("form", { className: "rs-form", novalidate: true, "data-testid": "policy-form" });
  private readonly saved = h("p", { className: "rs-saved", role: "status", "data-testid": "policy-saved" });

  constructor(private readonly ctx: AppContext, private readonly t: SettingsT, policy: ReviewPolicy) {
    this.load(policy);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    this.element.append(h("h2", {}, t("policy")), this.form);
    this.render();
  }

  private load(policy: ReviewPolicy): void {
    this.graceDays = policy.graceDays;
    this.bands = policy.bands.map((b) => ({ ...b, base: policy.baseByGrade?.[b.grade] ?? null }));
    this.distributionOn = policy.distribution != null;
    this.scope = policy.distribution?.scope ?? "tenant";
    this.quotas = policy.distribution?.quotas.map((q) => ({ grade: q.grade, maxPercent: q.maxPercent ?? null, minPercent: q.minPercent ?? null })) ?? [];
  }

  /** The body the API takes; optional numbers left empty are left out. */
  private body(): ReviewPolicy {
    const baseByGrade: Record<string, number> = {};
    for (const band of this.bands) if (band.base !== null) baseByGrade[band.grade] = band.base;
    return {
      graceDays: this.graceDays ?? Number.NaN,
      bands: this.bands.map((b) => ({ grade: b.grade, minComposite: b.minComposite ?? Number.NaN, coefficient: b.coefficient ?? Number.NaN })),
      distribution: this.distributionOn ? { scope: this.scope, quotas: this.quotas.map((q) => ({ ...q })) } : null,
      baseByGrade: Object.keys(baseByGrade).length > 0 ? baseByGrade : null,
    };
  }

  private render(): void {
    const { t } = this;
    const grace = numberInput(this.graceDays, (v) => { this.graceDays = v; });
    grace.min = "0";
    grace.step = "1";
    const submit = h("button", { type: "submit", className: "primary", "data-action": "save-policy" }, t("save"));
    this.form.replaceChildren(
      field("graceDays", t("policy.graceDays"), grace),
      h("fieldset", { className: "rs-group", "data-testid": "bands" },
        h("legend", {}, t("policy.bands")),
        h("p", { className: "muted" }, t("policy.baseHint")),
        errorSlot("bands"),
        ...this.bands.map((band, i) => this.bandRow(band, i)),
        h("button", { type: "button", className: "link", "data-action": "add-band", onclick: () => this.restructure(() => this.bands.push({ grade: "", minComposite: null, coefficient: null, base: null })) }, `+ ${t("policy.addBand")}`)),
      this.distribution(),
      errorSlot(""),
      h("div", { className: "buttons" }, submit, this.saved));
  }

  private bandRow(band: BandDraft, i: number): HTMLElement {
    const { t } = this;
    const at = `bands[${i}]`;
    const grade = h("input", { type: "text", value: band.grade, maxlength: 16, autocomplete: "off", size: 4 });
    grade.addEventListener("input", () => { band.grade = grade.value.trim(); });
    // Quotas and bases name grades: a renamed grade is offered to them once the field is left.
    grade.addEventListener("change", () => this.refreshQuotaGrades());
    const base = field(`baseByGrade.${band.grade}`, t("policy.base", { grade: band.grade || "…" }), numberInput(band.base, (v) => { band.base = v; }, true));
    base.querySelector("input")?.setAttribute("placeholder", t("notSet"));
    base.dataset["base"] = "";
    return h("div", { className: "rs-row", "data-band": String(i) },
      field(`${at}.grade`, t("policy.grade"), grade),
      field(`${at}.minComposite`, t("policy.minComposite"), numberInput(band.minComposite, (v) => { band.minComposite = v; })),
      field(`${at}.coefficient`, t("policy.coefficient"), numberInput(band.coefficient, (v) => { band.coefficient = v; })),
      base,
      errorSlot(at),
      this.bands.length > 1 ? h("button", { type: "button", className: "link rs-remove", "data-action": "remove-band", onclick: () => this.restructure(() => this.bands.splice(i, 1)) }, t("remove")) : null);
  }

  private distribution(): HTMLElement {
    const { t } = this;
    const on = h("input", { type: "checkbox", "data-action": "distribution", checked: this.distributionOn });
    on.addEventListener("change", () => this.restructure(() => {
      this.distributionOn = on.checked;
      if (on.checked && this.quotas.length === 0) this.quotas.push({ grade: this.bands[0]?.grade ?? "", maxPercent: null, minPercent: null });
    }));
    const group = h("fieldset", { className: "rs-group", "data-testid": "distribution" },
      h("legend", {}, t("policy.distribution")),
      h("label", { className: "rs-check" }, on, t("policy.distributionOn")));
    if (!this.distributionOn) return group;
    const scope = h("select", {},
      h("option", { value: "tenant" }, t("policy.scope.tenant")),
      h("option", { value: "department" }, t("policy.scope.department")));
    scope.value = this.scope;
    scope.addEventListener("change", () => { this.scope = scope.value === "department" ? "department" : "tenant"; });
    group.append(field("distribution.scope", t("policy.scope"), scope),
      h("p", { className: "muted" }, t("policy.quotas")),
      errorSlot("distribution.quotas"),
      ...this.quotas.map((quota, i) => this.quotaRow(quota, i)),
      h("button", { type: "button", className: "link", "data-action": "add-quota", onclick: () => this.restructure(() => this.quotas.push({ grade: "", maxPercent: null, minPercent: null })) }, `+ ${t("policy.addQuota")}`));
    return group;
  }

  private quotaRow(quota: QuotaDraft, i: number): HTMLElement {
    const { t } = this;
    const at = `distribution.quotas[${i}]`;
    const grade = h("select", { "data-quota-grade": "" });
    this.fillGrades(grade, quota.grade);
    grade.addEventListener("change", () => { quota.grade = grade.value; });
    return h("div", { className: "rs-row", "data-quota": String(i) },
      field(`${at}.grade`, t("policy.grade"), grade),
      field(`${at}.maxPercent`, t("policy.maxPercent"), numberInput(quota.maxPercent, (v) => { quota.maxPercent = v; }, true)),
      field(`${at}.minPercent`, t("policy.minPercent"), numberInput(quota.minPercent, (v) => { quota.minPercent = v; }, true)),
      errorSlot(at),
      h("button", { type: "button", className: "link rs-remove", "data-action": "remove-quota", onclick: () => this.restructure(() => {
        this.quotas.splice(i, 1);
        if (this.quotas.length === 0) this.distributionOn = false;
      }) }, t("remove")));
  }

  private fillGrades(select: HTMLSelectElement, value: string): void {
    const grades = this.bands.map((b) => b.grade).filter((g) => g !== "");
    if (value !== "" && !grades.includes(value)) grades.push(value);
    select.replaceChildren(h("option", { value: "" }, "—"), ...grades.map((g) => h("option", { value: g }, g)));
    select.value = value;
  }

  private refreshQuotaGrades(): void {
    this.form.querySelectorAll<HTMLSelectElement>("select[data-quota-grade]").forEach((select, i) => {
      const quota = this.quotas[i];
      if (quota) this.fillGrades(select, quota.grade);
    });
    // The base fields are named by grade (baseByGrade.S): rebuild them with the new names.
    this.bands.forEach((band, i) => {
      const row = this.form.querySelector<HTMLElement>(`[data-band="${i}"] [data-base]`);
      if (!row) return;
      const label = row.querySelector("label");
      if (label) label.textContent = this.t("policy.base", { grade: band.grade || "…" });
      row.querySelector("input")?.setAttribute("data-path", `baseByGrade.${band.grade}`);
      row.querySelector("[data-error-for]")?.setAttribute("data-error-for", `baseByGrade.${band.grade}`);
    });
  }

  /** Rows added or removed: indexes change, so earlier reasons no longer point at the right fields. */
  private restructure(change: () => void): void {
    change();
    this.saved.textContent = "";
    this.render();
  }

  private async save(): Promise<void> {
    const slots = slotsOf(this.form);
    this.saved.textContent = "";
    const missing = missingNumbers(this.form, this.t("numberRequired"), this.t("wholeNumberRequired"));
    if (Object.keys(missing).length > 0) {
      showErrors(new ApiError(400, { status: 400, errors: missing }), slots, this.ctx.t("app.error"));
      markInvalid(this.form);
      return;
    }
    const submit = this.form.querySelector<HTMLButtonElement>("button[type=submit]");
    if (submit) submit.disabled = true;
    try {
      const policy = await this.ctx.api<ReviewPolicy>("/api/v1/review-policy", { method: "PUT", json: this.body() });
      this.load(policy);
      this.render();
      this.saved.textContent = this.t("saved");
    } catch (e) {
      if (submit) submit.disabled = false;
      showErrors(e, slots, this.ctx.t("app.error"));
      markInvalid(this.form);
    }
  }
}
