import type { AntiforgeryToken } from "../contracts/auth";
import type { ProblemDetails } from "../contracts/problem";
import type { ApiInit } from "./context";

/** A refusal from the API, with its problem document. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
  }

  /** The reasons the server gave for one field (the names the API uses: "text", "kind", "indicatorId", …). */
  fieldErrors(field: string): string[] {
    const errors = this.problem.errors ?? {};
    const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? errors[key] ?? [] : [];
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
let antiforgery: Promise<AntiforgeryToken> | null = null;

/** The anti-forgery token belongs to the signed-in identity, so it is fetched again after sign-in and sign-out. */
export function forgetAntiforgery(): void {
  antiforgery = null;
}

async function token(): Promise<AntiforgeryToken> {
  antiforgery ??= fetch("/api/v1/auth/antiforgery", { credentials: "same-origin" }).then(async (r) => {
    if (!r.ok) throw await toError(r);
    return (await r.json()) as AntiforgeryToken;
  });
  try {
    return await antiforgery;
  } catch (e) {
    antiforgery = null;
    throw e;
  }
}

async function toError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = { status: response.status, title: response.statusText };
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // Not a problem document after all: keep the status line.
    }
  }
  return new ApiError(response.status, problem);
}

/** The API client every page uses (AppContext.api). */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const method = (init.method ?? (init.json !== undefined ? "POST" : "GET")).toUpperCase();
  const send = async (): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set("Accept", "application/json");
    let body = init.body ?? null;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    if (!safeMethods.has(method)) {
      const t = await token();
      headers.set(t.headerName, t.token);
    }
    return fetch(path, { ...init, method, headers, body, credentials: "same-origin" });
  };

  let response = await send();
  if (response.status === 400 && !safeMethods.has(method)) {
    // A token from before the identity changed (another tab signed in or out): fetch a fresh one once.
    const problem = await toError(response.clone());
    if (problem.problem.title?.toLowerCase().includes("anti-forgery")) {
      forgetAntiforgery();
      response = await send();
    }
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204 || response.headers.get("Content-Length") === "0") return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}
