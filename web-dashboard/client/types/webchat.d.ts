// The part of the Web Chat bundle's global (window.WebChat, from lib/webchat/webchat-*.js) the app uses.

/** The bundle's address, set by the build (build.mjs). */
declare const WEBCHAT_SCRIPT: string;

interface WebChatDirectLine {
  end(): void;
}

interface WebChatGlobal {
  createDirectLine(options: { domain: string; token: string; webSocket?: boolean }): WebChatDirectLine;
  renderWebChat(props: Record<string, unknown>, element: HTMLElement): void;
}

interface Window {
  WebChat?: WebChatGlobal;
}
