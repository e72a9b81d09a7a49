import { ChatView } from "../chat/chat-view";
import type { Me } from "../contracts/auth";
import { saveLang, shellDictionaries, translate, type Lang, type ShellKey } from "../i18n";
import { api, forgetAntiforgery } from "./api";
import type { AppContext, Route } from "./context";
import { h, setText } from "./dom";
import { period, time } from "./format";
import type { ConnectionState, LiveConnection } from "./live";
import type { Page } from "./page";
import { homeRoute, parseRoute, routeHash } from "./router";

/** The pages by route name; `employee` is the Me page for any person. */
export type PageTable = Record<string, Page>;

/**
 * The signed-in app: header (navigation, connection state, as-of time, language, sign-out), the page for the
 * current route, and the chat panel. Changing the route or the language unmounts the page and mounts anew; the chat
 * stays open across both (a language change re-renders it in the new language).
 */
export class Shell {
  private unmount: (() => void) | null = null;
  private newestAsOf: string | null = null;
  private readonly main = h("main", { id: "page", className: "page", tabindex: -1 });
  private readonly header = h("header", { className: "topbar" });
  private readonly chat = h("aside", { id: "chat-panel", className: "chat", "data-collapsed": "true" });
  private readonly chatToggle = h("button", { type: "button", className: "chat-toggle", "aria-expanded": "false", "aria-controls": "chat-panel-body" });
  private readonly chatFull = h("a", { className: "chat-full", href: "/chat" });
  private readonly chatBody = h("div", { className: "chat-body", id: "chat-panel-body", hidden: true });
  private readonly chatView: ChatView;
  private readonly stateBadge = h("span", { className: "conn", "data-state": "offline", role: "status", "aria-live": "polite" });
  private readonly asOfText = h("span", { className: "as-of", "data-testid": "as-of" });
  private stopState: (() => void) | null = null;
  private readonly onHash = () => this.render();

  constructor(
    private readonly root: HTMLElement,
    private readonly pages: PageTable,
    private readonly me: Me,
    private readonly live: LiveConnection,
    private lang: Lang,
    private readonly onSignedOut: () => void,
  ) {
    this.chatView = new ChatView(me, lang);
  }

  start(): void {
    this.chatBody.append(this.chatView.element);
    this.chatToggle.addEventListener("click", () => this.toggleChat());
    this.chat.replaceChildren(h("div", { className: "chat-head" }, this.chatToggle, this.chatFull), this.chatBody);
    this.root.replaceChildren(this.header, h("div", { className: "layout" }, this.main, this.chat));
    window.addEventListener("hashchange", this.onHash);
    this.stopState = this.live.onState((state) => this.showState(state));
    if (!location.hash || location.hash === "#/" || location.hash === "#/sign-in") history.replaceState(null, "", homeRoute(this.me));
    this.render();
  }

  dispose(): void {
    window.removeEventListener("hashchange", this.onHash);
    this.stopState?.();
    this.chatView.dispose();
    this.unmount?.();
    this.unmount = null;
  }

  private t(key: ShellKey): string {
    return shellDictionaries[this.lang][key];
  }

  private render(): void {
    this.unmount?.();
    this.unmount = null;
    this.newestAsOf = null;
    document.documentElement.lang = this.lang;
    document.title = this.t("app.title");
    const route = parseRoute(location.hash);
    this.renderHeader(route);
    this.renderChat();
    this.showAsOf(null);
    this.main.replaceChildren();
    const page = this.pages[route.name];
    if (!page) {
      this.main.append(h("p", { className: "notice" }, route.name === "none" ? this.t("app.noRole") : this.t("app.notFound")));
      return;
    }
    const ctx: AppContext = {
      lang: this.lang,
      t: (key) => this.t(key),
      api,
      me: this.me,
      navigate: (to) => {
        if (location.hash === to) this.render();
        else location.hash = to;
      },
      route,
      live: this.live,
      showAsOf: (asOf) => this.showAsOf(asOf),
    };
    this.unmount = page.mount(this.main, ctx);
  }

  private renderHeader(route: Route): void {
    const links: [string, string, ShellKey][] = [];
    const roles = this.me.roles;
    if (roles.includes("hr")) links.push(["company", routeHash("company"), "nav.company"]);
    if (roles.includes("manager") || roles.includes("hr")) {
      for (const id of this.me.managedDepartments) links.push([`department/${id}`, routeHash("department", id), "nav.department"]);
    }
    if (roles.includes("manager") || roles.includes("hr")) links.push([`review/${route.name === "review" && route.id ? route.id : currentPeriod()}`, routeHash("review", currentPeriod()), "nav.review"]);
    if (roles.includes("hr")) links.push(["review-settings", routeHash("review-settings"), "nav.reviewSettings"]);
    if (this.me.employeeId) links.push([`employee/${this.me.employeeId}`, routeHash("employee", this.me.employeeId), "nav.me"]);
    if (roles.includes("hr") || roles.includes("admin")) links.push(["templates", routeHash("templates"), "nav.templates"]);
    const current = route.id === undefined ? route.name : `${route.name}/${route.id}`;
    const several = this.me.managedDepartments.length > 1;
    const nav = h("nav", { className: "nav", "aria-label": this.t("nav.label") },
      ...links.map(([key, href, label]) => h("a", { href, "aria-current": key === current ? "page" : null },
        several && key.startsWith("department/") ? `${this.t(label)} ${key.slice("department/".length)}` : this.t(label))));
    const langButton = h("button", { type: "button", className: "link", id: "lang-switch", "aria-label": this.t("header.languageLabel"), onclick: () => this.switchLang() }, this.t("header.language"));
    const signOut = h("button", { type: "button", className: "link", id: "sign-out", onclick: () => void this.signOut() }, this.t("header.signOut"));
    this.header.replaceChildren(
      h("a", { className: "brand", href: homeRoute(this.me) }, this.t("app.title")),
      nav,
      h("div", { className: "status" }, this.stateBadge, h("span", { className: "as-of-label" }, this.t("header.asOf"), " ", this.asOfText)),
      h("div", { className: "actions" }, h("span", { className: "who" }, this.me.name), langButton, signOut),
    );
    this.showState(this.live.state);
  }

  private renderChat(): void {
    this.chat.setAttribute("aria-label", this.t("chat.title"));
    setText(this.chatToggle, this.t("chat.toggle"));
    setText(this.chatFull, this.t("chat.fullPage"));
    this.chatView.setLang(this.lang);
  }

  private toggleChat(): void {
    const open = this.chat.getAttribute("data-collapsed") !== "false";
    this.chat.setAttribute("data-collapsed", open ? "false" : "true");
    this.chatToggle.setAttribute("aria-expanded", String(open));
    this.chatBody.hidden = !open;
    if (open) void this.chatView.show();
  }

  private showState(state: ConnectionState): void {
    this.stateBadge.dataset["state"] = state;
    setText(this.stateBadge, this.t(`conn.${state}`));
  }

  private showAsOf(asOf: string | null | undefined): void {
    if (asOf && (!this.newestAsOf || Date.parse(asOf) > Date.parse(this.newestAsOf))) this.newestAsOf = asOf;
    setText(this.asOfText, time(this.newestAsOf, this.lang));
    if (this.newestAsOf) this.asOfText.setAttribute("datetime", this.newestAsOf);
  }

  private switchLang(): void {
    this.lang = this.lang === "en" ? "zh-CN" : "en";
    saveLang(this.lang);
    this.render();
  }

  private async signOut(): Promise<void> {
    try {
      await api("/api/v1/auth/sign-out", { method: "POST" });
    } finally {
      forgetAntiforgery();
      this.dispose();
      await this.live.stop();
      history.replaceState(null, "", "#/sign-in");
      this.onSignedOut();
    }
  }
}

/** This month on this device (the review nav entry opens it; the page picks other months). */
function currentPeriod(): string {
  return period(new Date());
}

/** The translator the shell hands pages, for code that has a language but no context. */
export function shellT(lang: Lang): (key: ShellKey) => string {
  return translate(shellDictionaries, lang);
}
