import type { Me } from "../contracts/auth";
import type { Lang, ShellKey } from "../i18n";
import type { LiveConnection } from "./live";

/** A route of the app: `#/company`, `#/department/{id}`, `#/employee/{id}`, `#/templates`, `#/review/{yyyy-MM}`, `#/review-settings`, `#/rate/{employeeId}/{yyyy-MM}`, `#/sign-in`. */
export interface Route {
  name: string;
  /** The route's id segment (a department or employee id), if it has one. */
  id?: string;
  /** A second segment (the rating form's period: `#/rate/{employeeId}/{yyyy-MM}`). */
  sub?: string;
}

/** What the shell hands each page. */
export interface AppContext {
  /** The interface language; changing it re-mounts the page. */
  readonly lang: Lang;
  /** The shell's strings in the current language. Pages may keep their own dictionaries (see i18n/translate). */
  t(key: ShellKey): string;
  /**
   * fetch against the API with the sign-in cookie; unsafe methods carry the anti-forgery header. A JSON body may be
   * passed as `json`. Resolves with the parsed JSON body (undefined for 204); rejects with an ApiError that holds the
   * server's problem document (status, title, detail, errors per field).
   */
  api<T>(path: string, init?: ApiInit): Promise<T>;
  /** The signed-in caller (GET /api/v1/auth/me). */
  readonly me: Me;
  /** Goes to another route, e.g. navigate("#/employee/B001"). */
  navigate(route: string): void;
  /** The current route. */
  readonly route: Route;
  /** The SignalR connection to /hubs/dashboard, shared by the pages. */
  readonly live: LiveConnection;
  /** Tells the header how new the data on screen is (ISO time); the newest time wins until the page changes. */
  showAsOf(asOf: string | null | undefined): void;
}

export interface ApiInit extends Omit<RequestInit, "body"> {
  body?: BodyInit | null;
  /** Serialised as the JSON body (Content-Type: application/json). */
  json?: unknown;
}
