import { api, forgetAntiforgery } from "../app/api";
import { h } from "../app/dom";
import { ChatView } from "../chat/chat-view";
import type { Me } from "../contracts/auth";
import { saveLang, shellDictionaries, type Lang } from "../i18n";

/**
 * The chat on its own page (`/chat`), for phones: a one-line header (the way back to the dashboard, the language,
 * sign-out) and Web Chat filling the rest of the screen.
 */
export function renderChatPage(root: HTMLElement, me: Me, lang: Lang, onSignedOut: () => void): void {
  const view = new ChatView(me, lang);
  const header = h("header", { className: "topbar chat-topbar" });
  const render = () => {
    const t = (key: keyof (typeof shellDictionaries)["en"]) => shellDictionaries[lang][key];
    document.documentElement.lang = lang;
    document.title = `${t("chat.title")} · ${t("app.title")}`;
    header.replaceChildren(
      h("a", { className: "brand", href: "/" }, t("chat.dashboard")),
      h("h1", { className: "chat-title" }, t("chat.title")),
      h("div", { className: "actions" },
        h("button", { type: "button", className: "link", id: "lang-switch", "aria-label": t("header.languageLabel"), onclick: () => {
          lang = lang === "en" ? "zh-CN" : "en";
          saveLang(lang);
          render();
        } }, t("header.language")),
        h("button", { type: "button", className: "link", id: "sign-out", onclick: () => void signOut() }, t("header.signOut"))));
    view.setLang(lang);
  };
  const signOut = async () => {
    try {
      await api("/api/v1/auth/sign-out", { method: "POST" });
    } finally {
      forgetAntiforgery();
      view.dispose();
      onSignedOut();
    }
  };
  root.replaceChildren(h("div", { className: "chat-page" }, header, h("main", { className: "chat-page-body" }, view.element)));
  render();
  void view.show();
}
