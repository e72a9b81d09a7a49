export type Role = "employee" | "manager" | "hr" | "admin";

/** GET /api/v1/auth/me: the caller as their account is now. */
export interface Me {
  tenantId: string;
  name: string;
  kind: "user" | "apiKey";
  roles: Role[];
  employeeId: string | null;
  scopes: string[];
  managedDepartments: string[];
  /** The names of the departments in managedDepartments, by id. */
  departmentNames: Record<string, string>;
}

export interface SignInRequest {
  tenantId: string;
  userName: string;
  password: string;
  useCookie: true;
}

export interface AntiforgeryToken {
  headerName: string;
  token: string;
}

export interface Department {
  id: string;
  name: string;
  parentId?: string | null;
  managerIds?: string[] | null;
  templateId?: string | null;
}
