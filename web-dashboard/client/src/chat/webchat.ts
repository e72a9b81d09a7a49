/**
 * Loads the Web Chat bundle (3.9 MB) the first time a chat is shown, with a script element from this site (the
 * policy allows scripts from 'self' only), never for people who do not open the chat. A failed load can be retried.
 */
let loading: Promise<WebChatGlobal> | null = null;

export function loadWebChat(): Promise<WebChatGlobal> {
  if (window.WebChat) return Promise.resolve(window.WebChat);
  loading ??= new Promise<WebChatGlobal>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = WEBCHAT_SCRIPT;
    script.async = true;
    script.onload = () => (window.WebChat ? resolve(window.WebChat) : reject(new Error("Web Chat did not start.")));
    script.onerror = () => {
      script.remove();
      loading = null;
      reject(new Error("Web Chat could not be loaded."));
    };
    document.head.append(script);
  });
  return loading;
}
