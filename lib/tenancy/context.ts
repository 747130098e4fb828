import type { Role } from "@/lib/tenancy/roles";

// Who is acting, inside which tenant. Built on the server only (from a verified session, API
// token or customer link) and passed to every service in lib/; never taken from the client.
export type Actor =
  | { kind: "user"; userId: string; role: Role; label: string }
  | { kind: "api_token"; tokenId: string; role: Role; label: string }
  | { kind: "customer"; caseId: string; label: string }
  | { kind: "system"; label: string };

export interface TenantContext {
  tenantId: string;
  actor: Actor;
}

export type StaffActor = Extract<Actor, { role: Role }>;

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
