import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/tenancy/roles";

// Permissions as strings, checked on the server by one helper and used by the UI to hide
// controls it would refuse anyway (the Epic Stack habit).

export type Permission =
  | "case:read"
  | "case:write"
  | "case:assign"
  | "case:submit_escalation"
  | "escalation:review"
  | "metrics:read"
  | "users:manage"
  | "api_tokens:manage"
  | "rules:configure"
  | "audit:read"
  // Create, change and delete the views shared with the whole team (personal views are their owner's).
  | "views:curate_team";

const AGENT: Permission[] = ["case:read", "case:write", "case:assign", "case:submit_escalation"];
const SUPERVISOR: Permission[] = [...AGENT, "escalation:review", "metrics:read", "views:curate_team"];
const ADMIN: Permission[] = [...SUPERVISOR, "users:manage", "api_tokens:manage", "rules:configure", "audit:read"];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("forbidden", `Your role (${role}) cannot ${permission.replace(":", " ")}`);
}
