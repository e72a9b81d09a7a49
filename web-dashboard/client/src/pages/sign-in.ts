import { api, ApiError, forgetAntiforgery } from "../app/api";
import { h } from "../app/dom";
import { saveLang, shellDictionaries, type Lang } from "../i18n";
import type { SignInRequest } from "../contracts/auth";

const tenantKey = "pulse.tenant";

/** The sign-in form: the API's cookie sign-in (useCookie), then `onSignedIn`. */
export function renderSignIn(root: HTMLElement, lang: Lang, onSignedIn: () => void): void {
  const t = (key: keyof (typeof shellDictionaries)["en"]) => shellDictionaries[lang][key];
  document.documentElement.lang = lang;
  document.title = `${t("signIn.title")} · ${t("app.title")}`;
  const tenant = h("input", { id: "tenant", name: "tenant", autocomplete: "organization", required: true, value: localStorage.getItem(tenantKey) ?? "demo" });
  const user = h("input", { id: "user", name: "username", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const error = h("p", { className: "field-error", role: "alert", id: "sign-in-error" });
  const submit = h("button", { type: "submit", className: "primary" }, t("signIn.submit"));
  const form = h("form", { className: "sign-in card", novalidate: true },
    h("h1", {}, t("app.title")),
    h("label", { for: "tenant" }, t("signIn.tenant")), tenant,
    h("label", { for: "user" }, t("signIn.user")), user,
    h("label", { for: "password" }, t("signIn.password")), password,
    error, submit,
    h("button", { type: "button", className: "link", id: "lang-switch", onclick: () => {
      const next: Lang = lang === "en" ? "zh-CN" : "en";
      saveLang(next);
      renderSignIn(root, next, onSignedIn);
    } }, t("header.language")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!tenant.value.trim() || !user.value.trim() || !password.value) {
      error.textContent = t("signIn.required");
      return;
    }
    submit.disabled = true;
    const body: SignInRequest = { tenantId: tenant.value.trim(), userName: user.value.trim(), password: password.value, useCookie: true };
    forgetAntiforgery();
    api("/api/v1/auth/sign-in", { method: "POST", json: body }).then(
      () => {
        localStorage.setItem(tenantKey, body.tenantId);
        forgetAntiforgery(); // the token belongs to the identity, which just changed
        onSignedIn();
      },
      (e: unknown) => {
        submit.disabled = false;
        const invalid = e instanceof ApiError && e.problem.errors ? Object.values(e.problem.errors).flat().join(" ") : "";
        error.textContent = invalid || t("signIn.failed");
      },
    );
  });
  root.replaceChildren(h("div", { className: "sign-in-page" }, form));
  user.focus();
}
