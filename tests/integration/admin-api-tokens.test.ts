import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/api-tokens/route";
import { DELETE as revokeRoute } from "@/app/api/v1/api-tokens/[id]/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { personContext } from "@/tests/support/admin-context";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

let tenant: ProvisionedTenant;
let other: ProvisionedTenant;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Tokens Tenant" });
  other = await provisionTenant({ name: "Tokens Other" });
});
afterAll(closeAdminPool);

const create = (body: unknown, token = tenant.apiToken) => call(createRoute, "POST", "/api/v1/api-tokens", { token, body });
const revoke = (id: string, token = tenant.apiToken) => call<{ id: string }>(revokeRoute, "DELETE", `/api/v1/api-tokens/${id}`, { token, params: { id } });
const me = (token: string) => call(meRoute, "GET", "/api/v1/me", { token });

describe("creating API tokens", () => {
  it("answers the secret once; the list never shows it; the token acts with its role", async () => {
    const res = await create({ name: "Helpdesk sync", role: "agent" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.secret).toMatch(/^pst_/);
    expect(res.body.token).toMatchObject({ name: "Helpdesk sync", role: "agent", status: "active", createdBy: "API token “Provisioning token”", expiresAt: null });
    expect(res.body.secret.startsWith(res.body.token.prefix)).toBe(true);

    const listed = await call(listRoute, "GET", "/api/v1/api-tokens", { token: tenant.apiToken });
    expect(listed.status).toBe(200);
    const entry = listed.body.items.find((item: { id: string }) => item.id === res.body.token.id);
    expect(entry).toMatchObject({ name: "Helpdesk sync", role: "agent", lastUsedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(res.body.secret);
    expect(JSON.stringify(listed.body)).not.toMatch(/tokenHash|[0-9a-f]{64}/);

    expect((await me(res.body.secret)).body.actor).toMatchObject({ kind: "api_token", role: "agent" });
    expect((await call(listRoute, "GET", "/api/v1/api-tokens", { token: res.body.secret })).status).toBe(403);
  });

  it("a person's token names them as its creator; a token minted by a token names that token", async () => {
    const admin = await personContext(tenant.tenantId, tenant.admin.email, "admin", "Tina Admin");
    const byPerson = await createApiToken(admin, { name: "Minted by Tina", role: "supervisor" });
    expect(byPerson.token.createdBy).toBe(`${tenant.name} admin`);
    const { rows } = await adminPool().query(`SELECT "createdById", "createdByTokenId" FROM "ApiToken" WHERE id = $1`, [byPerson.token.id]);
    expect(rows[0]).toMatchObject({ createdById: admin.actor.kind === "user" ? admin.actor.userId : null, createdByTokenId: null });

    const byToken = await create({ name: "Minted by a token", role: "agent" });
    const minted = await adminPool().query(`SELECT "createdById", "createdByTokenId" FROM "ApiToken" WHERE id = $1`, [byToken.body.token.id]);
    const provisioning = await adminPool().query(`SELECT id FROM "ApiToken" WHERE "tenantId" = $1 AND name = 'Provisioning token'`, [tenant.tenantId]);
    expect(minted.rows[0]).toEqual({ createdById: null, createdByTokenId: provisioning.rows[0].id });
  });

  it("never above the creator's role: a supervisor caller can't mint an admin token (403 on role), nothing written", async () => {
    const supervisor = await personContext(tenant.tenantId, tenant.admin.email, "supervisor");
    const before = await rowCounts();
    const refused = await createApiToken(supervisor, { name: "Escalate me", role: "admin" }).catch((e) => e);
    expect(refused).toMatchObject({ code: "forbidden", details: { fields: [{ path: "role", message: "At most supervisor" }] } });
    expect(await rowCounts()).toEqual(before);
    // Up to the creator's own role is fine.
    expect((await createApiToken(supervisor, { name: "Same level", role: "supervisor" })).token.role).toBe("supervisor");
  });

  it("an admin token may mint an admin token (its own level)", async () => {
    const res = await create({ name: "Second admin integration", role: "admin" });
    expect(res.status).toBe(201);
    expect((await me(res.body.secret)).body.actor.role).toBe("admin");
  });

  it("honours an expiry: the token works until then", async () => {
    const res = await create({ name: "Short-lived", role: "agent", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(res.status).toBe(201);
    expect(res.body.token.expiresAt).not.toBeNull();
    expect((await me(res.body.secret)).status).toBe(200);
  });

  const BAD: Array<[string, unknown, string]> = [
    ["an unknown role", { name: "X", role: "owner" }, "role"],
    ["an empty name", { name: "  ", role: "agent" }, "name"],
    ["an expiry in the past", { name: "X", role: "agent", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
    ["an expiry that is not a date", { name: "X", role: "agent", expiresAt: "next week" }, "expiresAt"],
    ["an expiry decades ahead", { name: "X", role: "agent", expiresAt: "2099-01-01T00:00:00Z" }, "expiresAt"],
    ["an unknown key", { name: "X", role: "agent", scopes: ["all"] }, "scopes"],
  ];
  it.each(BAD)("refuses %s with 400 naming the field, writing nothing", async (_label, body, path) => {
    const before = await rowCounts();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("revoking API tokens", () => {
  it("the revoked token's next call is a 401; revoking again changes nothing", async () => {
    const { body } = await create({ name: "To revoke", role: "supervisor" });
    expect((await me(body.secret)).status).toBe(200);
    const res = await revoke(body.token.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: body.token.id, status: "revoked" });
    expect((await me(body.secret)).status).toBe(401);

    const before = await rowCounts();
    const again = await revoke(body.token.id);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(res.body.revokedAt);
    expect(await rowCounts()).toEqual(before);
  });

  it("another tenant's admin gets 404 and the token keeps working", async () => {
    const { body } = await create({ name: "Not yours", role: "agent" });
    expect((await revoke(body.token.id, other.apiToken)).status).toBe(404);
    expect((await me(body.secret)).status).toBe(200);
    expect((await call(listRoute, "GET", "/api/v1/api-tokens", { token: other.apiToken })).body.items.map((i: { id: string }) => i.id)).not.toContain(body.token.id);
  });

  it("unknown or malformed ids are a 404", async () => {
    expect((await revoke("0193a000-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await revoke("nope")).status).toBe(404);
  });

  it.each(["agent", "supervisor"] as const)("a %s token can neither list, create nor revoke tokens (403)", async (role) => {
    const token = await issueTestToken(tenant.tenantId, role);
    const { body } = await create({ name: "Target", role: "agent" });
    const before = await rowCounts();
    expect((await call(listRoute, "GET", "/api/v1/api-tokens", { token })).status).toBe(403);
    expect((await create({ name: "Mine", role: "agent" }, token)).status).toBe(403);
    expect((await revoke(body.token.id, token)).status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect((await me(body.secret)).status).toBe(200);
  });
});
