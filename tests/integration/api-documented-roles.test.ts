import "@/tests/support/integration-env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/tenancy/roles";
import { API_OPERATIONS } from "@/lib/api/api-operations";
import { minimumRole, type ApiOperation } from "@/lib/api/api-operation";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

// The role the OpenAPI document names for each operation is the one its handler enforces: a token
// of the role just below is refused (403), a token of the named role gets past authorisation.
// Requests carry no valid body, so allowed calls end in a documented 400/404 at most, writing nothing.

type Handler = Parameters<typeof call>[0];
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  const tenant = await provisionTenant({ name: "Documented Roles" });
  for (const role of ROLES) tokens[role] = await issueTestToken(tenant.tenantId, role);
});
afterAll(closeAdminPool);

/** /api/v1/cases/{id} → the handler exported by app/api/v1/cases/[id]/route.ts. */
async function handlerOf(operation: ApiOperation): Promise<Handler> {
  const folder = operation.path.replace(/\{([^}]+)\}/g, "[$1]");
  const module = (await import(/* @vite-ignore */ `../../app${folder}/route.ts`)) as Record<string, Handler>;
  const handler = module[operation.method.toUpperCase()];
  if (!handler) throw new Error(`app${folder}/route.ts does not export ${operation.method.toUpperCase()}`);
  return handler;
}

function request(operation: ApiOperation, token?: string) {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const params = Object.fromEntries(names.map((name) => [name, randomUUID()]));
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name]!);
  const hasBody = operation.request?.body !== undefined;
  return { path, options: { token, params, ...(hasBody ? { body: {} } : {}) } };
}

const staffOperations = API_OPERATIONS.filter((operation) => operation.access.kind === "staff");

describe("each route serves the operation the document lists for it", () => {
  // apiRoute()/customerRoute() take the operation itself, so the route cannot check another permission.
  it.each(API_OPERATIONS.filter((operation) => operation.access.kind !== "public").map((operation) => [operation.operationId, operation] as const))(
    "%s",
    async (_id, operation) => {
      const handler = (await handlerOf(operation)) as Handler & { operation?: ApiOperation };
      expect(handler.operation, `app${operation.path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts must hand its operation to its wrapper`).toBe(operation);
    },
  );
});

describe("documented roles are the enforced roles", () => {
  it.each(staffOperations.map((operation) => [operation.operationId, operation] as const))("%s", async (_id, operation) => {
    const handler = await handlerOf(operation);
    const needed = minimumRole(operation.access.kind === "staff" ? operation.access.permission : "case:read");
    const method = operation.method.toUpperCase();
    for (const role of ROLES) {
      const { path, options } = request(operation, tokens[role]);
      const result = await call(handler, method, path, options);
      const allowed = ROLES.indexOf(role) >= ROLES.indexOf(needed);
      if (allowed) expect([401, 403], `${role} on ${operation.operationId}: ${JSON.stringify(result.body)}`).not.toContain(result.status);
      else expect(result.status, `${role} on ${operation.operationId}`).toBe(403);
    }
  });

  it.each(API_OPERATIONS.filter((operation) => operation.access.kind === "public").map((operation) => [operation.operationId, operation] as const))(
    "%s answers without credentials",
    async (_id, operation) => {
      const { path, options } = request(operation);
      expect((await call(await handlerOf(operation), operation.method.toUpperCase(), path, options)).status).toBe(operation.response.status);
    },
  );
});
