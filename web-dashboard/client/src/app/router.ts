import type { Me } from "../contracts/auth";
import type { Route } from "./context";

/** Reads `#/name/id` (the id is URI-decoded). */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p.length > 0);
  const name = parts[0] ?? "";
  const id = parts[1] === undefined ? undefined : safeDecode(parts[1]);
  return id === undefined ? { name } : { name, id };
}

export function routeHash(name: string, id?: string): string {
  return id === undefined ? `#/${name}` : `#/${name}/${encodeURIComponent(id)}`;
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
