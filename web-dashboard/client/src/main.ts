import { api, ApiError } from "./app/api";
import { LiveConnection } from "./app/live";
import { Shell } from "./app/shell";
import type { Me } from "./contracts/auth";
import { savedLang } from "./i18n";
import { companyPage } from "./pages/company";
import { renderChatPage } from "./pages/chat";
import { departmentPage } from "./pages/department";
import { mePage } from "./pages/me";
import { ratePage } from "./pages/review/rate";
import { reviewPage } from "./pages/review";
import { reviewSettingsPage } from "./pages/review/settings";
import { renderSignIn } from "./pages/sign-in";
import { templatesPage } from "./pages/templates";
import "./styles/app.css";

const pages = { company: companyPage, department: departmentPage, employee: mePage, templates: templatesPage, review: reviewPage, rate: ratePage, "review-settings": reviewSettingsPage };

async function signedIn(): Promise<Me | null> {
  try {
    return await api<Me>("/api/v1/auth/me");
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

async function boot(root: HTMLElement): Promise<void> {
  const me = await signedIn();
  if (!me) {
    renderSignIn(root, savedLang(), () => void boot(root));
    return;
  }
  // /chat is the chat alone, for phones; every other address is the dashboard.
  if (location.pathname.replace(/\/+$/, "") === "/chat") {
    renderChatPage(root, me, savedLang(), () => void boot(root));
    return;
  }
  const live = new LiveConnection();
  const shell = new Shell(root, pages, me, live, savedLang(), () => void boot(root));
  shell.start();
  void live.start();
}

const root = document.getElementById("app");
if (root) {
  boot(root).catch((e: unknown) => {
    root.textContent = e instanceof Error ? e.message : String(e);
  });
}
