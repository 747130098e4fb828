import { z } from "zod";

// The roles a member (or an API token) holds in a tenant, from least to most rights. Roles are
// cumulative: each can do everything the one below it can (lib/auth/permissions.ts grants them).
export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" };
export const roleSchema = z.enum(ROLES, { error: "Role must be agent, supervisor or admin" });

/** Roles from least to most rights: a role "above" another can do everything it can and more. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}
