import { api } from "../app/api";
import { h } from "../app/dom";
import type { Me } from "../contracts/auth";
import { shellDictionaries, type Lang } from "../i18n";
import { styleOptions } from "./style";
import { loadWebChat } from "./webchat";

/** POST /v3/directline/tokens/generate: a Direct Line token bound to the signed-in user. */
interface DirectLineToken {
  token: string;
}

/**
 * The official Web Chat talking to this site's Direct Line channel, in the dashboard's language. The token is asked
 * for with the sign-in cookie (and the anti-forgery header, as for any change made with the cookie); the chat opens
 * only when shown, and a language change re-renders it in place, keeping the conversation.
 */
export class ChatView {
  readonly element = h("div", { className: "webchat-host", "data-testid": "webchat" });
  private readonly status = h("p", { className: "chat-status muted", role: "status" });
  private webChat: WebChatGlobal | null = null;
  private directLine: WebChatDirectLine | null = null;
  private starting: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly me: Me, private lang: Lang) {}

  /** Opens the chat the first time it is called; later calls do nothing (a failed start can be retried). */
  show(): Promise<void> {
    this.starting ??= this.start().catch((e: unknown) => {
      this.starting = null;
      this.fail(e);
    });
    return this.starting;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.render();
  }

  dispose(): void {
    this.disposed = true;
    this.directLine?.end();
    this.directLine = null;
  }

  private async start(): Promise<void> {
    this.element.replaceChildren(this.status);
    this.status.textContent = this.t("chat.loading");
    const [webChat, { token }] = await Promise.all([
      loadWebChat(),
      api<DirectLineToken>("/v3/directline/tokens/generate", { method: "POST", json: {} }),
    ]);
    if (this.disposed) return;
    this.webChat = webChat;
    this.directLine = webChat.createDirectLine({ domain: `${location.origin}/v3/directline`, token, webSocket: true });
    this.element.replaceChildren();
    this.render();
  }

  private render(): void {
    if (!this.webChat || !this.directLine) {
      if (this.status.isConnected) this.status.textContent = this.t("chat.loading");
      return;
    }
    this.webChat.renderWebChat({
      directLine: this.directLine,
      userID: this.me.name,
      username: this.me.name,
      locale: this.lang === "en" ? "en-US" : "zh-CN",
      styleOptions: styleOptions(this.me.name),
    }, this.element);
  }

  private fail(e: unknown): void {
    console.error(e);
    const retry = h("button", { type: "button", onclick: () => void this.show() }, this.t("app.retry"));
    this.element.replaceChildren(h("p", { className: "field-error", role: "alert" }, this.t("chat.failed"), " ", retry));
  }

  private t(key: "chat.loading" | "chat.failed" | "app.retry"): string {
    return shellDictionaries[this.lang][key];
  }
}
