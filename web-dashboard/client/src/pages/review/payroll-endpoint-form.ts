// HR's payroll endpoint: what is stored (the URL masked to scheme and host, whether a secret is stored, who changed it
// when) and the form to set the URL and the signing secret. The secret is write-only: the field is emptied after each
// save and the server never sends it back.
import type { AppContext } from "../../app/context";
import { h } from "../../app/dom";
import { time } from "../../app/format";
import type { PayrollEndpointView } from "../../contracts/review";
import { errorSlot, showErrors } from "./common";
import { field, markInvalid, slotsOf } from "./settings-fields";
import type { SettingsT } from "./settings-strings";

export class PayrollEndpointForm {
  readonly element = h("section", { className: "card rs-payroll", "data-testid": "payroll-endpoint" });
  private readonly current = h("dl", { className: "rs-current", "data-testid": "payroll-endpoint-current" });
  private readonly saved = h("p", { className: "rs-saved", role: "status", "data-testid": "payroll-endpoint-saved" });

  constructor(private readonly ctx: AppContext, private readonly t: SettingsT, view: PayrollEndpointView) {
    const url = h("input", { type: "url", inputmode: "url", autocomplete: "off", spellcheck: "false", placeholder: "https://" });
    const secret = h("input", { type: "password", autocomplete: "new-password", minlength: 16, maxlength: 256 });
    const submit = h("button", { type: "submit", className: "primary", "data-action": "save-payroll-endpoint" }, t("save"));
    const form = h("form", { className: "rs-form", novalidate: true },
      field("url", t("payroll.url"), url, "rs-field wide"),
      h("p", { className: "muted rs-hint" }, t("payroll.urlHint")),
      field("secret", t("payroll.secret"), secret, "rs-field wide"),
      h("p", { className: "muted rs-hint" }, t("payroll.secretHint")),
      errorSlot(""),
      h("div", { className: "buttons" }, submit, this.saved));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const slots = slotsOf(form);
      this.saved.textContent = "";
      submit.disabled = true;
      // Without a new secret the stored one stays (the API keeps it when the field is left out).
      const body = secret.value === "" ? { url: url.value.trim() } : { url: url.value.trim(), secret: secret.value };
      this.ctx.api<PayrollEndpointView>("/api/v1/payroll-endpoint", { method: "PUT", json: body }).then((after) => {
        submit.disabled = false;
        secret.value = "";
        url.value = "";
        for (const slot of Object.values(slots)) slot.textContent = "";
        markInvalid(form);
        this.show(after);
        this.saved.textContent = t("saved");
      }, (e: unknown) => {
        submit.disabled = false;
        showErrors(e, slots, ctx.t("app.error"));
        markInvalid(form);
      });
    });
    this.element.append(h("h2", {}, t("payroll")), this.current, form);
    this.show(view);
  }

  private show(view: PayrollEndpointView): void {
    const { t } = this;
    if (!view.maskedUrl) {
      this.current.replaceChildren(h("dd", { className: "muted", "data-testid": "payroll-endpoint-none" }, t("payroll.none")));
      return;
    }
    this.current.replaceChildren(...[
      h("dt", {}, t("payroll.current")), h("dd", { "data-testid": "payroll-endpoint-url" }, view.maskedUrl),
      h("dt", {}, t("payroll.secret")), h("dd", { "data-testid": "payroll-endpoint-secret", "data-has-secret": String(view.hasSecret) }, view.hasSecret ? t("payroll.hasSecret") : t("payroll.noSecret")),
      view.updatedAt ? h("dd", { className: "muted", "data-testid": "payroll-endpoint-updated" }, t("payroll.updated", { by: view.updatedBy ?? "", at: time(view.updatedAt, this.ctx.lang) })) : null,
    ].filter((x): x is HTMLElement => x !== null));
  }
}
