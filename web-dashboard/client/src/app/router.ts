import type { Me } from "../contracts/auth";
import type { Route } from "./context";

/** Reads `#/name/id/sub` (the id and sub are URI-decoded). */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p.length > 0);
  const name = parts[0] ?? "";
  const id = parts[1] === undefined ? undefined : safeDecode(parts[1]);
  const sub = parts[2] === undefined ? undefined : safeDecode(parts[2]);
  if (id === undefined) return { name };
  return sub === undefined ? { name, id } : { name, id, sub };
}

export function routeHash(name: string, id?: string, sub?: string): string {
  if (id === undefined) return `#/${name}`;
  return sub === undefined ? `#/${name}/${encodeURIComponent(id)}` : `#/${name}/${encodeURIComponent(id)}/${encodeURIComponent(sub)}`;
}

/** Where a person lands after sign-in: HR the company, a manager their first department, an employee their own page. */
export function homeRoute(me: Me): string {
  if (me.roles.includes("hr")) return routeHash("company");
  const department = me.managedDepartments[0];
  if (me.roles.includes("manager") && department !== undefined) return routeHash("department", department);
  if (me.employeeId) return routeHash("employee", me.employeeId);
  if (me.roles.includes("admin")) return routeHash("templates");
  return routeHash("none");
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
